-- Issue 18 §1: the invoice a payment out of a loan rests on. The payee names it at disbursement or
-- drawdown; monitoring checks it against the platform's fully-digital invoices and keeps it here, so that
-- one invoice supports one payment only (the key makes two racing disbursements meet).
ALTER TABLE loan_payee ADD COLUMN invoice CHAR(20) CHECK (invoice IS NULL OR invoice ~ '^[0-9]{20}$');

CREATE TABLE monitoring_invoice_use
(
  invoice_number CHAR(20) PRIMARY KEY REFERENCES scf_invoice (number),
  institution_id BIGINT         NOT NULL REFERENCES institution (id),
  loan_id        BIGINT         NOT NULL REFERENCES loan (id),
  loan_number    TEXT           NOT NULL,
  payee          TEXT           NOT NULL,
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  value_date     DATE           NOT NULL,
  used_by        TEXT           NOT NULL,
  used_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_invoice_use_loan ON monitoring_invoice_use (loan_id);
