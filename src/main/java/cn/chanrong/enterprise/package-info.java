/**
 * The enterprise registry: each enterprise's public profile (credit code, names, region, industry,
 * ownership, founding date, employees, revenue) with the size class and growth stage derived from
 * it. Queries carry the caller's tenant predicate; a foreign enterprise answers as not found.
 */
package cn.chanrong.enterprise;
