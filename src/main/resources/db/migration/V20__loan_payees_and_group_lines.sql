-- Entrusted payment (受托支付): the bank pays the borrower's counterparties directly, one row each.
CREATE TABLE loan_payee
(
  loan_id  BIGINT NOT NULL REFERENCES loan (id),
  seq      INT    NOT NULL,
  name     TEXT   NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  account  TEXT CHECK (account IS NULL OR length(account) BETWEEN 4 AND 40),
  amount   NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  PRIMARY KEY (loan_id, seq)
);

-- Group credit lines (集团授信): a line for an enterprise group caps what its members draw at the
-- institution, on top of each member's own line.
ALTER TABLE facility ADD COLUMN group_id BIGINT REFERENCES enterprise_group (id);
ALTER TABLE facility ALTER COLUMN borrower_id DROP NOT NULL;
ALTER TABLE facility ADD CONSTRAINT facility_borrower_or_group CHECK ((borrower_id IS NULL) <> (group_id IS NULL));
CREATE INDEX facility_group ON facility (institution_id, group_id) WHERE group_id IS NOT NULL;
