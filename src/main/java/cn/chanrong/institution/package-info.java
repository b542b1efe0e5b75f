/**
 * Financial institutions (banks, guarantee agencies, leasing and factoring firms…), the tenants of
 * institution users. This first slice keeps the institution's identity; products, branches and
 * policy-tool participation come with the registries issue.
 */
package cn.chanrong.institution;
