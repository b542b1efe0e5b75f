-- Interest subsidies (贴息, issue 19 §3): a loan enrolled in a subsidy programme accrues the subsidy at end of day,
-- nets it off the interest at each due date (or, when the programme pays through the bank, owes it to the borrower at
-- each quarter's end), and the bank claims each quarter from the treasury, which may have prepaid part.
CREATE TABLE policy_subsidy
(
  id              BIGSERIAL PRIMARY KEY,
  programme_id    BIGINT         NOT NULL REFERENCES policy_programme (id),
  loan_id         BIGINT         NOT NULL REFERENCES loan (id),
  loan_number     TEXT           NOT NULL,
  institution_id  BIGINT         NOT NULL REFERENCES institution (id),
  borrower_id     BIGINT         NOT NULL REFERENCES enterprise (id),
  borrower_name   TEXT           NOT NULL,
  settlement      TEXT           NOT NULL CHECK (settlement IN ('NET', 'CLAIM')),
  first_day       DATE           NOT NULL,
  last_day        DATE           NOT NULL CHECK (last_day >= first_day),
  cap             NUMERIC(20, 2) CHECK (cap IS NULL OR cap > 0),
  status          TEXT           NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'STOPPED')),
  stopped_on      DATE,
  stop_rule       TEXT,
  stop_detail     TEXT,
  accrued_through DATE           NOT NULL,
  accrued_exact   NUMERIC(34, 16) NOT NULL DEFAULT 0 CHECK (accrued_exact >= 0),
  accrued         NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (accrued >= 0),
  settled         NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (settled >= 0 AND settled <= accrued),
  days_accrued    INT            NOT NULL DEFAULT 0,
  days_suspended  INT            NOT NULL DEFAULT 0,
  days_capped     INT            NOT NULL DEFAULT 0,
  enrolled_on     DATE           NOT NULL,
  enrolled_by     TEXT           NOT NULL,
  enrolled_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
  CHECK ((status = 'STOPPED') = (stopped_on IS NOT NULL)),
  UNIQUE (programme_id, loan_id)
);
CREATE INDEX policy_subsidy_loan ON policy_subsidy (loan_id);
CREATE INDEX policy_subsidy_institution ON policy_subsidy (institution_id, id);

-- Each end of day's accrual of one subsidy (normally one day; a catch-up covers several); the running sums on the
-- subsidy are these rows' sums, and the primary key keeps a day from being accrued twice.
CREATE TABLE policy_subsidy_accrual
(
  subsidy_id BIGINT          NOT NULL REFERENCES policy_subsidy (id),
  through    DATE            NOT NULL,
  first_day  DATE            NOT NULL,
  days       INT             NOT NULL CHECK (days >= 0),
  suspended  INT             NOT NULL CHECK (suspended >= 0),
  capped     INT             NOT NULL CHECK (capped >= 0),
  interest   NUMERIC(34, 16) NOT NULL,
  exact      NUMERIC(34, 16) NOT NULL CHECK (exact >= 0),
  amount     NUMERIC(20, 2)  NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (subsidy_id, through)
);

-- What a subsidy settled: netted off an installment's interest (NET, with the loan movement's day and the due date)
-- or owed to the borrower at a quarter's end (CLAIM); each is claimed once.
CREATE TABLE policy_subsidy_claim
(
  id                 BIGSERIAL PRIMARY KEY,
  programme_id       BIGINT         NOT NULL REFERENCES policy_programme (id),
  institution_id     BIGINT         NOT NULL REFERENCES institution (id),
  quarter            TEXT           NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
  period_from        DATE           NOT NULL,
  period_to          DATE           NOT NULL CHECK (period_to >= period_from),
  amount             NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  loans              INT            NOT NULL CHECK (loans > 0),
  status             TEXT           NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'SETTLED', 'REJECTED')),
  submitted_on       DATE           NOT NULL,
  submitted_by       TEXT           NOT NULL,
  decided_on         DATE,
  decided_by         TEXT,
  reason             TEXT,
  prepayment_applied NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (prepayment_applied >= 0),
  paid               NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
  entry_id           BIGINT REFERENCES journal_entry (id),
  CHECK (status <> 'SETTLED' OR prepayment_applied + paid = amount)
);
CREATE UNIQUE INDEX policy_subsidy_claim_once ON policy_subsidy_claim (programme_id, institution_id, quarter)
  WHERE status <> 'REJECTED';

CREATE TABLE policy_subsidy_settlement
(
  id         BIGSERIAL PRIMARY KEY,
  subsidy_id BIGINT         NOT NULL REFERENCES policy_subsidy (id),
  on_date    DATE           NOT NULL,
  due_date   DATE,
  kind       TEXT           NOT NULL CHECK (kind IN ('NET', 'CLAIM')),
  amount     NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  claim_id   BIGINT REFERENCES policy_subsidy_claim (id),
  UNIQUE (subsidy_id, on_date)
);
CREATE INDEX policy_subsidy_settlement_claim ON policy_subsidy_settlement (claim_id);

-- A treasury's prepayment of a quarter's subsidies to a bank (省级财政按季预拨), booked in the bank's book and used
-- by the quarter's claims before anything more is paid.
CREATE TABLE policy_subsidy_prepayment
(
  id             BIGSERIAL PRIMARY KEY,
  programme_id   BIGINT         NOT NULL REFERENCES policy_programme (id),
  institution_id BIGINT         NOT NULL REFERENCES institution (id),
  quarter        TEXT           NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  paid_on        DATE           NOT NULL,
  recorded_by    TEXT           NOT NULL,
  entry_id       BIGINT         NOT NULL REFERENCES journal_entry (id),
  recorded_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
  UNIQUE (programme_id, institution_id, quarter)
);
