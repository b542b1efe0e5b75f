-- Re-lending ledgers (台账, issue 19 §2): a bank compiles, for a programme and a period, the candidate loans from its
-- book with each one's verdict; the figures are those of the programme version in force on the compiling day.
CREATE TABLE policy_ledger
(
  id                   BIGSERIAL PRIMARY KEY,
  institution_id       BIGINT         NOT NULL REFERENCES institution (id),
  programme_id         BIGINT         NOT NULL REFERENCES policy_programme (id),
  programme_version    INT            NOT NULL,
  period_from          DATE           NOT NULL,
  period_to            DATE           NOT NULL CHECK (period_to >= period_from),
  status               TEXT           NOT NULL DEFAULT 'COMPILED' CHECK (status IN ('COMPILED')),
  share_percent        NUMERIC(7, 4)  NOT NULL,
  rate_percent         NUMERIC(7, 4),
  candidates           INT            NOT NULL CHECK (candidates >= 0),
  qualifying           INT            NOT NULL CHECK (qualifying >= 0 AND qualifying <= candidates),
  qualifying_principal NUMERIC(20, 2) NOT NULL CHECK (qualifying_principal >= 0),
  relending_amount     NUMERIC(20, 2) NOT NULL CHECK (relending_amount >= 0),
  compiled_on          DATE           NOT NULL,
  compiled_by          TEXT           NOT NULL,
  compiled_at          TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX policy_ledger_institution ON policy_ledger (institution_id, id);

CREATE TABLE policy_ledger_line
(
  id            BIGSERIAL PRIMARY KEY,
  ledger_id     BIGINT         NOT NULL REFERENCES policy_ledger (id),
  loan_id       BIGINT         NOT NULL REFERENCES loan (id),
  loan_number   TEXT           NOT NULL,
  borrower_id   BIGINT         NOT NULL REFERENCES enterprise (id),
  borrower_name TEXT           NOT NULL,
  principal     NUMERIC(20, 2) NOT NULL CHECK (principal > 0),
  disbursed_on  DATE           NOT NULL,
  purpose       TEXT           NOT NULL,
  list_type     TEXT,
  qualifies     BOOLEAN        NOT NULL,
  relending     NUMERIC(20, 2) NOT NULL CHECK (relending >= 0 AND (qualifies OR relending = 0)),
  reasons       JSONB          NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
  UNIQUE (ledger_id, loan_id)
);
