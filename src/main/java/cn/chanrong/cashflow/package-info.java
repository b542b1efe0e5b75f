/**
 * Cash-flow data: the bank accounts an enterprise binds, statements imported from ISO 20022 camt.053 /
 * camt.054 or the documented CSV layout, and their entries, categorised by counterparty and checked
 * for balance continuity and round trips between the enterprise's own and related parties' accounts.
 * Every read by an institution goes through a live consent (identity); an import publishes
 * {@link cn.chanrong.cashflow.StatementImported} so credit recomputes the enterprise's features.
 */
package cn.chanrong.cashflow;
