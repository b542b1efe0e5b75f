/**
 * Financing products and their rules in plain Java: product types with their default maximum
 * terms and the institutions that may offer them, product validation, and eligibility clauses
 * compiled and evaluated with CEL; and which institution types may take part in a policy tool
 * ({@link cn.chanrong.institution.domain.PolicyToolEligibility}). Exposed as the {@code domain} named interface.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.institution.domain;
