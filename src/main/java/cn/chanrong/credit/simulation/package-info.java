/**
 * The demo economy's data-credit simulation, in plain Java and seeded: firms with fundamentals, the
 * cash flows those fundamentals produce (customers, suppliers, payroll, tax, loan service, and for
 * some weak firms doctored round trips), tax and credit-bureau summaries, and defaults drawn from a
 * latent fragility that the fundamentals drive. The model learns only from what a bank could see;
 * ownership shapes some fundamentals but never the chance of default directly. See docs/CREDIT.md.
 */
@org.springframework.modulith.NamedInterface("simulation")
package cn.chanrong.credit.simulation;
