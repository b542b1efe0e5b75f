/**
 * Matching rules in plain Java: the documented ranking score, the docking steps of a pushed project
 * and which moves are allowed, and the checks on needs and list rows.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.matching.domain;
