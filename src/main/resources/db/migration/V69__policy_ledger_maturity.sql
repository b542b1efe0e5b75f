-- A booked re-lending repaid at maturity or rolled over (issue 19 §2): the interest paid at each, the rollovers taken.
ALTER TABLE policy_ledger DROP CONSTRAINT policy_ledger_status_check;
ALTER TABLE policy_ledger ADD CONSTRAINT policy_ledger_status_check CHECK (status IN ('COMPILED', 'CONFIRMED', 'BOOKED', 'REPAID'));
ALTER TABLE policy_ledger DROP CONSTRAINT policy_ledger_steps;
ALTER TABLE policy_ledger ADD CONSTRAINT policy_ledger_steps
  CHECK ((status = 'COMPILED') = (confirmed_at IS NULL) AND (status IN ('BOOKED', 'REPAID')) = (journal_entry_id IS NOT NULL));
ALTER TABLE policy_ledger ADD COLUMN rollovers INT NOT NULL DEFAULT 0 CHECK (rollovers >= 0);
ALTER TABLE policy_ledger ADD COLUMN interest_from DATE;
ALTER TABLE policy_ledger ADD COLUMN interest_paid NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (interest_paid >= 0);
ALTER TABLE policy_ledger ADD COLUMN repaid_on DATE;
