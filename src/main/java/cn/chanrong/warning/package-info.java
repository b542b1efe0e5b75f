/**
 * Joint risk warning (issue 20): shared high-risk lists that regulators push to the institutions exposed, matched on
 * the risk obligor and its group, each answered by a due day with the institution's action; early-warning signals per
 * borrower; contagion through the supply chain and stress scenarios; the involution watch; one-to-one coaching cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warning")
package cn.chanrong.warning;
