-- A ledger confirmed by the bank, approved by the central bank and booked in the bank's book as its borrowing from
-- the central bank (issue 19 §2): the rate on the approval day, the maturity, the entry.
ALTER TABLE policy_ledger DROP CONSTRAINT policy_ledger_status_check;
ALTER TABLE policy_ledger ADD CONSTRAINT policy_ledger_status_check CHECK (status IN ('COMPILED', 'CONFIRMED', 'BOOKED'));
ALTER TABLE policy_ledger ADD COLUMN confirmed_by TEXT;
ALTER TABLE policy_ledger ADD COLUMN confirmed_at TIMESTAMPTZ;
ALTER TABLE policy_ledger ADD COLUMN approved_by TEXT;
ALTER TABLE policy_ledger ADD COLUMN approved_on DATE;
ALTER TABLE policy_ledger ADD COLUMN approved_rate NUMERIC(7, 4);
ALTER TABLE policy_ledger ADD COLUMN matures_on DATE;
ALTER TABLE policy_ledger ADD COLUMN journal_entry_id BIGINT;
ALTER TABLE policy_ledger ADD CONSTRAINT policy_ledger_steps
  CHECK ((status = 'COMPILED') = (confirmed_at IS NULL) AND (status = 'BOOKED') = (journal_entry_id IS NOT NULL));
