/**
 * The pure core of supply-chain finance (FACTS §4): what a receivable confirmation signs, how a
 * fully-digital invoice is read and checked, the arithmetic of splittable e-vouchers (split, term,
 * penetration tree, settlement at maturity), the statutory payment terms owed to SMEs, and the
 * loan-to-value and dynamic-pledge checks for warehouse receipts. It holds no Spring, JDBC or HTTP
 * types, no clock and no randomness, so every rule is testable on its own; user input errors come
 * back as {@link cn.chanrong.shared.Rejection} lists, never as exceptions.
 */
package cn.chanrong.scf.domain;
