/**
 * Lending: facilities, applications, contracts, servicing and classification (issue 5). This first
 * slice holds the pure schedule core in {@code lending.schedule}; the loan lifecycle follows.
 */
package cn.chanrong.lending;
