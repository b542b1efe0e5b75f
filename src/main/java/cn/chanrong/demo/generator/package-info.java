/**
 * The deterministic demo-economy generator: from an enterprise count and a seed it writes a
 * manufacturing economy (enterprises across every province and manufacturing division with a small
 * software share, five years of annual statements, qualifications, tiered supply chains around core
 * enterprises, groups and related parties, about forty institutions of every type and a hundred and
 * fifty financing products with eligibility clauses) as CSV files, in one streaming pass over the
 * enterprises. Plain Java: no Spring, no database, no clock; the same count and seed give the same
 * bytes. Proportions and their sources are in {@code docs/DEMO_ECONOMY.md}. Exposed to the command
 * line as the {@code generator} named interface.
 */
@org.springframework.modulith.NamedInterface("generator")
package cn.chanrong.demo.generator;
