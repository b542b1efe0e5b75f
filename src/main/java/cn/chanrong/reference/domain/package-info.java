/**
 * The reference module's rules in plain Java: the entries of a restricted-industry catalogue
 * (产业结构调整指导目录) as a regulator imports them, and {@link cn.chanrong.reference.domain.RestrictedIndustryPolicy},
 * the one rule that says which entry applies to an enterprise and what it forbids. Exposed to other
 * modules as the {@code domain} named interface: credit and lending apply the policy themselves.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.reference.domain;
