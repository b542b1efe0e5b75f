/** Registry rules in plain Java. Exposed as the {@code domain} named interface. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.registry.domain;
