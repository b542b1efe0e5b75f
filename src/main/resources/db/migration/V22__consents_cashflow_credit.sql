-- Consents (identity): an institution asks to read an enterprise's cash-flow data; the enterprise
-- answers. A post-loan-monitoring consent belongs to a loan and ends when that loan is repaid.
CREATE TABLE consent
(
  id               BIGSERIAL PRIMARY KEY,
  institution_id   BIGINT NOT NULL REFERENCES institution (id),
  enterprise_id    BIGINT NOT NULL REFERENCES enterprise (id),
  purpose          TEXT   NOT NULL CHECK (purpose IN ('PRE_LOAN', 'POST_LOAN')),
  accounts         TEXT[] NOT NULL DEFAULT '{}',
  period_from      DATE   NOT NULL,
  period_to        DATE   NOT NULL,
  expires_on       DATE   NOT NULL,
  loan_id          BIGINT,
  status           TEXT   NOT NULL DEFAULT 'REQUESTED'
    CHECK (status IN ('REQUESTED', 'GRANTED', 'REFUSED', 'REVOKED', 'ENDED')),
  requested_by     TEXT   NOT NULL,
  requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by       TEXT,
  decided_at       TIMESTAMPTZ,
  revoke_requested TIMESTAMPTZ,
  ended_at         TIMESTAMPTZ,
  note             TEXT CHECK (note IS NULL OR length(note) <= 500),
  CHECK (period_from <= period_to),
  CHECK ((purpose = 'POST_LOAN') = (loan_id IS NOT NULL))
);
CREATE INDEX consent_lookup ON consent (institution_id, enterprise_id, status);
CREATE INDEX consent_enterprise ON consent (enterprise_id, status);

-- Cash flow (cashflow): bound accounts, imported statements and their entries.
CREATE TABLE cash_account
(
  id            BIGSERIAL PRIMARY KEY,
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  account_no    TEXT   NOT NULL UNIQUE CHECK (length(account_no) BETWEEN 4 AND 40),
  bank_name     TEXT   NOT NULL,
  currency      TEXT   NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
  bound_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX cash_account_enterprise ON cash_account (enterprise_id);

CREATE TABLE cash_statement
(
  id            BIGSERIAL PRIMARY KEY,
  account_id    BIGINT NOT NULL REFERENCES cash_account (id),
  statement_ref TEXT   NOT NULL,
  format        TEXT   NOT NULL,
  source        TEXT   NOT NULL CHECK (source IN ('BANK_DIRECT', 'PBOC_PLATFORM', 'SELF_UPLOAD')),
  weight        NUMERIC(4, 2) NOT NULL CHECK (weight > 0 AND weight <= 1),
  period_from   DATE   NOT NULL,
  period_to     DATE   NOT NULL,
  opening       NUMERIC(20, 2),
  closing       NUMERIC(20, 2),
  entries       INT    NOT NULL,
  new_entries   INT    NOT NULL,
  continuity    TEXT   NOT NULL CHECK (continuity IN ('CONTINUOUS', 'BROKEN', 'UNCHECKED')),
  problems      TEXT,
  imported_by   TEXT   NOT NULL,
  imported_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (account_id, statement_ref)
);

CREATE TABLE cash_txn
(
  id                   BIGSERIAL PRIMARY KEY,
  account_id           BIGINT NOT NULL REFERENCES cash_account (id),
  statement_id         BIGINT NOT NULL REFERENCES cash_statement (id),
  entry_ref            TEXT   NOT NULL,
  booking_date         DATE   NOT NULL,
  value_date           DATE,
  amount               NUMERIC(20, 2) NOT NULL CHECK (amount <> 0),
  currency             TEXT   NOT NULL,
  counterparty_name    TEXT,
  counterparty_account TEXT,
  remittance           TEXT,
  category             TEXT   NOT NULL,
  category_reason      TEXT   NOT NULL,
  round_trip           BOOLEAN NOT NULL DEFAULT false,
  UNIQUE (account_id, entry_ref)
);
CREATE INDEX cash_txn_account_date ON cash_txn (account_id, booking_date);

-- Tax (银税互动) and credit-bureau summaries, imported or generated for the demo.
CREATE TABLE tax_record
(
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  month         DATE   NOT NULL CHECK (extract(day FROM month) = 1),
  tax_paid      NUMERIC(20, 2) NOT NULL CHECK (tax_paid >= 0),
  invoice_sales NUMERIC(20, 2) NOT NULL CHECK (invoice_sales >= 0),
  PRIMARY KEY (enterprise_id, month)
);
CREATE TABLE tax_grade
(
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  year          INT    NOT NULL,
  grade         TEXT   NOT NULL CHECK (grade IN ('A', 'B', 'M', 'C', 'D')),
  PRIMARY KEY (enterprise_id, year)
);
CREATE TABLE credit_bureau_summary
(
  enterprise_id         BIGINT NOT NULL REFERENCES enterprise (id),
  as_of                 DATE   NOT NULL,
  loans_outstanding     NUMERIC(20, 2) NOT NULL CHECK (loans_outstanding >= 0),
  lenders               INT    NOT NULL CHECK (lenders >= 0),
  guarantees_given      NUMERIC(20, 2) NOT NULL CHECK (guarantees_given >= 0),
  overdue_90_share      NUMERIC(6, 4) NOT NULL CHECK (overdue_90_share BETWEEN 0 AND 1),
  max_days_overdue_24m  INT    NOT NULL CHECK (max_days_overdue_24m >= 0),
  ever_borrowed         BOOLEAN NOT NULL,
  PRIMARY KEY (enterprise_id, as_of)
);

-- Credit: features per enterprise, models with a second person's approval, decisions as evidence.
CREATE TABLE credit_features
(
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id) PRIMARY KEY,
  as_of         DATE   NOT NULL,
  features      JSONB  NOT NULL,
  model_id      BIGINT,
  score         INT,
  pd            NUMERIC(8, 6),
  grade         TEXT,
  computed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE credit_model
(
  id             BIGSERIAL PRIMARY KEY,
  name           TEXT   NOT NULL,
  segment        TEXT   NOT NULL,
  version        INT    NOT NULL,
  role           TEXT   NOT NULL CHECK (role IN ('CHAMPION', 'CHALLENGER')),
  status         TEXT   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'RETIRED')),
  effective_from DATE,
  document       JSONB  NOT NULL,
  validation     JSONB  NOT NULL,
  trained_by     TEXT   NOT NULL,
  trained_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  approved_by    TEXT,
  approved_at    TIMESTAMPTZ,
  UNIQUE (name, version),
  CHECK (approved_by IS NULL OR approved_by <> trained_by)
);

CREATE TABLE credit_decision
(
  id                 BIGSERIAL PRIMARY KEY,
  enterprise_id      BIGINT NOT NULL REFERENCES enterprise (id),
  institution_id     BIGINT REFERENCES institution (id),
  model_id           BIGINT NOT NULL REFERENCES credit_model (id),
  terms              JSONB  NOT NULL,
  inputs             JSONB  NOT NULL,
  score              INT    NOT NULL,
  pd                 NUMERIC(8, 6) NOT NULL,
  grade              TEXT   NOT NULL,
  recommended_limit  NUMERIC(20, 2) NOT NULL CHECK (recommended_limit >= 0),
  outcome            TEXT   NOT NULL CHECK (outcome IN ('APPROVE', 'REFER', 'DECLINE')),
  reasons            JSONB  NOT NULL,
  decided_by         TEXT   NOT NULL,
  decided_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  override_outcome   TEXT CHECK (override_outcome IN ('APPROVE', 'REFER', 'DECLINE')),
  override_reason    TEXT CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 4 AND 1000),
  overridden_by      TEXT,
  overridden_at      TIMESTAMPTZ,
  CHECK ((override_outcome IS NULL) = (override_reason IS NULL))
);
CREATE INDEX credit_decision_enterprise ON credit_decision (enterprise_id, decided_at DESC);
