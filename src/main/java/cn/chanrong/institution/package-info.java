/**
 * Financial institutions (banks, guarantee agencies, leasing and factoring firms…), the tenants of
 * institution users: their identity and type (a closed list, {@link cn.chanrong.institution.InstitutionType}),
 * branches, products, and their effective-dated participation in the PBOC's policy tools, each checked
 * against who may take part in the tool on its first day (docs/INSTITUTIONS.md).
 */
package cn.chanrong.institution;
