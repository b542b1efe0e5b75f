/** Capital's pure rules: investment stages, the deal pipeline's moves, a mandate's fit to a need. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.capital.domain;
