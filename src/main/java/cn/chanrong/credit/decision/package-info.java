/**
 * Credit decisions in plain Java: the rating scale from probability of default to grade and pricing,
 * the recommended limit (working-capital estimate or cash-flow capacity), the policy overlay, and the
 * outcome with every reason a credit officer reads.
 */
@org.springframework.modulith.NamedInterface("decision")
package cn.chanrong.credit.decision;
