/**
 * The registry's rules and value types — ownership, size class by sector, growth stage, profile
 * validation — in plain Java. Exposed to other modules as the {@code domain} named interface, since
 * the registry's API speaks these types.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.enterprise.domain;
