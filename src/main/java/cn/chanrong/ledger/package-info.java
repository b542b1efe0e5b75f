/**
 * The double-entry ledger: a chart of accounts and balanced journal entries in books (one per
 * institution), nothing else. Modules that own business events decide which accounts an event
 * touches and post here synchronously, inside their own transaction. Entries are append-only;
 * corrections are reversals. Balances are derived from postings (no hot running-balance row); the
 * trial balance and the subledger reconciliation are reports.
 */
package cn.chanrong.ledger;
