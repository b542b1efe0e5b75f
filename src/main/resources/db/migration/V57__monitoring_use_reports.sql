-- Self-paid loans (自主支付): the borrower reports what it paid with the loan; each use is matched to a payment
-- the bank reported (issue 18 §5).
CREATE TABLE monitoring_use_report
(
  id              BIGSERIAL PRIMARY KEY,
  institution_id  BIGINT         NOT NULL REFERENCES institution (id),
  loan_id         BIGINT         NOT NULL REFERENCES loan (id),
  enterprise_id   BIGINT         NOT NULL REFERENCES enterprise (id),
  payee_name      TEXT           NOT NULL CHECK (length(payee_name) BETWEEN 1 AND 200),
  payee_account   TEXT CHECK (payee_account IS NULL OR length(payee_account) BETWEEN 4 AND 40),
  amount          NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  purpose         TEXT           NOT NULL CHECK (length(purpose) BETWEEN 2 AND 200),
  document_number TEXT           NOT NULL CHECK (length(document_number) BETWEEN 1 AND 60),
  paid_on         DATE           NOT NULL,
  payment_id      BIGINT UNIQUE REFERENCES monitoring_payment (id),
  sampled         BOOLEAN        NOT NULL,
  reported_by     TEXT           NOT NULL,
  reported_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
  UNIQUE (loan_id, document_number, amount)
);
CREATE INDEX monitoring_use_report_loan ON monitoring_use_report (loan_id, id);
