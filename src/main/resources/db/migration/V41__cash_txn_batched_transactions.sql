-- A batched bank entry (camt Ntry with several NtryDtls/TxDtls) is stored as one row per transaction,
-- each with its own counterparty and amount, under the entry's reference. txn_ref is the transaction's
-- key within its entry (TxDtls/Refs/AcctSvcrRef or EndToEndId, else '#n'); '' for a whole entry.
-- Rows stay unique by account and bank reference, now together with that key, so re-importing the
-- same entries stores nothing twice.
ALTER TABLE cash_txn ADD COLUMN txn_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE cash_txn DROP CONSTRAINT cash_txn_account_id_entry_ref_key;
ALTER TABLE cash_txn ADD CONSTRAINT cash_txn_account_entry_txn_key UNIQUE (account_id, entry_ref, txn_ref);
