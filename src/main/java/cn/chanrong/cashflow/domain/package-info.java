/**
 * Statement formats and trust checks of the cashflow module, in plain Java: hardened parsers that
 * turn ISO 20022 camt.053/camt.054 files and bank CSV exports into {@link
 * cn.chanrong.cashflow.domain.StatementDraft}s (refusing, with the place and field named, anything
 * they cannot read faithfully), and checks on what was parsed — balance continuity within and
 * between statements, round trips through own or related accounts, and counterparty categories.
 * Nothing here touches Spring, a database or the network; exposed as the {@code domain} named
 * interface.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.cashflow.domain;
