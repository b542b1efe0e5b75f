/**
 * People, roles and tenants: who a caller is (enterprise user, institution user with operator or
 * approver authority, regulator of a department and region, platform administrator), the tenant
 * predicate other modules put in their queries, and the two security filter chains (the workbench
 * with form login, the API with HTTP Basic and problem+json 401s).
 */
package cn.chanrong.identity;
