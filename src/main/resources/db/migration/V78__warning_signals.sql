-- Early-warning signals (issue 20 §2), first part: public lists imported as effective-dated CSV (litigation, enforcement,
-- dishonest judgment debtors, the abnormal-operation list, persistently overdue commercial bills), and the weights by
-- which a borrower's signals combine into a warning level, as effective-dated data.

-- lending publishes how far past due each loan is, for the signal of arrears at any lender
CREATE OR REPLACE VIEW loan_fact_view AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id, p.type AS product_type, l.term_months, l.principal,
       l.disbursed_on, l.status, l.tier, l.principal_outstanding,
       coalesce(l.risk_obligor_id, l.borrower_id) AS obligor_id,
       EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = l.id AND s.priority_position > 1) AS junior,
       l.days_past_due
FROM loan l LEFT JOIN product p ON p.id = l.product_id
WHERE l.disbursed_on IS NOT NULL;

CREATE TABLE warning_public_record
(
  id          BIGSERIAL PRIMARY KEY,
  kind        TEXT        NOT NULL CHECK (kind IN ('LITIGATION', 'ENFORCEMENT', 'DISHONEST_DEBTOR', 'ABNORMAL_OPERATION',
                                                   'PERSISTENT_BILL_OVERDUE')),
  credit_code TEXT        NOT NULL CHECK (length(credit_code) = 18),
  detail      TEXT        NOT NULL CHECK (length(detail) BETWEEN 2 AND 500),
  source      TEXT        NOT NULL CHECK (length(source) BETWEEN 2 AND 200),
  valid_from  DATE        NOT NULL,
  valid_to    DATE CHECK (valid_to IS NULL OR valid_to >= valid_from),
  imported_by TEXT        NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (kind, credit_code, valid_from)
);
CREATE INDEX warning_public_record_code ON warning_public_record (credit_code);

-- Each signal's weight and the scores at which the levels start, in force from a day (the platform's own settings).
CREATE TABLE warning_weight
(
  rule           TEXT NOT NULL,
  weight         INT  NOT NULL CHECK (weight BETWEEN 0 AND 100),
  effective_from DATE NOT NULL,
  PRIMARY KEY (rule, effective_from)
);
INSERT INTO warning_weight (rule, weight, effective_from) VALUES
  ('DISHONEST_DEBTOR', 40, DATE '2025-01-01'),
  ('ENFORCEMENT', 20, DATE '2025-01-01'),
  ('LITIGATION', 10, DATE '2025-01-01'),
  ('ABNORMAL_OPERATION', 15, DATE '2025-01-01'),
  ('PERSISTENT_BILL_OVERDUE', 30, DATE '2025-01-01'),
  ('CONFIRMED_DIVERSION', 30, DATE '2025-01-01'),
  ('HIGH_RISK_LIST', 25, DATE '2025-01-01'),
  ('RESTRICTED_SECTOR', 20, DATE '2025-01-01'),
  ('OVERDUE_AT_LENDERS', 25, DATE '2025-01-01'),
  ('PAYS_SUPPLIERS_LATE', 15, DATE '2025-01-01'),
  ('CHAIN_DEFAULT', 15, DATE '2025-01-01'),
  -- the lowest score of each level
  ('LEVEL_WATCH', 10, DATE '2025-01-01'),
  ('LEVEL_ALERT', 30, DATE '2025-01-01'),
  ('LEVEL_SEVERE', 60, DATE '2025-01-01');
