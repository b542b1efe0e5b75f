-- Lending (issue 5): facilities, applications through an approval chain, loans with their installments,
-- servicing transactions, end-of-day accrual records and the classification history. Money columns are
-- NUMERIC(20,2) yuan; unrounded accruals keep ten places. Every balance here has its ledger counterpart
-- (subledger = the loan id), reconciled by `./chanrong ledger check`.

-- Memo (off-balance) accounts for interest not recognised on non-accrual loans and for written-off
-- loans (表外科目), each pair balancing itself.
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_type_check;
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_type_check
  CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE', 'CONTRA_ASSET', 'MEMO_DEBIT', 'MEMO_CREDIT'));
INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('7011', '表外应收未收利息', 'Off-balance interest receivable (non-accrual)', 'MEMO_DEBIT', 'LOAN'),
  ('7012', '表外应收未收利息备查', 'Off-balance interest receivable, contra', 'MEMO_CREDIT', 'LOAN'),
  ('7021', '已核销贷款', 'Written-off loans (memo)', 'MEMO_DEBIT', 'LOAN'),
  ('7022', '已核销贷款备查', 'Written-off loans, contra', 'MEMO_CREDIT', 'LOAN');

-- Approval chains: for applications up to an amount, the steps they pass. An institution without its
-- own rules uses the platform default (institution_id NULL).
CREATE TABLE lending_approval_rule
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT REFERENCES institution (id),
  up_to_amount   NUMERIC(20, 2) NOT NULL CHECK (up_to_amount > 0),
  steps          TEXT[] NOT NULL CHECK (cardinality(steps) BETWEEN 2 AND 3
                   AND steps <@ ARRAY['INVESTIGATION', 'REVIEW', 'APPROVAL']
                   AND steps[1] = 'INVESTIGATION' AND steps[cardinality(steps)] = 'APPROVAL'),
  UNIQUE (institution_id, up_to_amount)
);
INSERT INTO lending_approval_rule (institution_id, up_to_amount, steps) VALUES
  (NULL, 3000000.00, ARRAY['INVESTIGATION', 'APPROVAL']),
  (NULL, 999999999999999.99, ARRAY['INVESTIGATION', 'REVIEW', 'APPROVAL']);

-- A credit line (授信额度) per borrower at an institution. `used` counts contracted principal not yet
-- repaid; the CHECK makes an over-draw impossible whatever the code does.
CREATE TABLE facility
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  borrower_id    BIGINT NOT NULL REFERENCES enterprise (id),
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  used           NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (used >= 0),
  revolving      BOOLEAN NOT NULL DEFAULT TRUE,
  valid_from     DATE NOT NULL,
  valid_to       DATE NOT NULL,
  status         TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED')),
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  version        INT NOT NULL DEFAULT 0,
  CHECK (used <= amount),
  CHECK (valid_to > valid_from)
);
CREATE INDEX facility_borrower ON facility (institution_id, borrower_id);

CREATE TABLE loan_application
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  borrower_id    BIGINT NOT NULL REFERENCES enterprise (id),
  product_id     BIGINT NOT NULL REFERENCES product (id),
  facility_id    BIGINT REFERENCES facility (id),
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  term_months    INT NOT NULL CHECK (term_months BETWEEN 1 AND 600),
  rate_type      TEXT NOT NULL CHECK (rate_type IN ('FIXED', 'LPR_1Y', 'LPR_5Y')),
  fixed_rate     NUMERIC(7, 4),
  spread_bp      INT,
  method         TEXT NOT NULL CHECK (method IN ('EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_ONLY', 'BULLET')),
  day_count      TEXT NOT NULL,
  purpose        TEXT NOT NULL CHECK (purpose IN ('WORKING_CAPITAL', 'FIXED_ASSET', 'EQUIPMENT_RENEWAL',
                     'TECH_TRANSFORMATION', 'MERGER_ACQUISITION', 'RESEARCH')),
  payment_mode   TEXT NOT NULL CHECK (payment_mode IN ('ENTRUSTED', 'SELF')),
  payment_day    INT CHECK (payment_day IS NULL OR payment_day BETWEEN 1 AND 28),
  period_months  INT NOT NULL DEFAULT 1 CHECK (period_months IN (1, 3)),
  grace_months   INT NOT NULL DEFAULT 0 CHECK (grace_months >= 0),
  renewal_of     BIGINT,
  steps          TEXT[] NOT NULL,
  step_index     INT NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'IN_PROGRESS' CHECK (status IN ('IN_PROGRESS', 'APPROVED', 'REJECTED', 'CONTRACTED', 'WITHDRAWN')),
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  version        INT NOT NULL DEFAULT 0,
  CHECK (rate_type <> 'FIXED' OR fixed_rate IS NOT NULL),
  CHECK (rate_type = 'FIXED' OR spread_bp IS NOT NULL)
);
CREATE INDEX loan_application_queue ON loan_application (institution_id, status, step_index);

-- One row per act on an application. The unique (application, actor) pair makes "at least two
-- different people" a database fact: nobody acts twice on one application.
CREATE TABLE loan_application_step
(
  application_id BIGINT NOT NULL REFERENCES loan_application (id),
  seq            INT NOT NULL,
  step           TEXT NOT NULL CHECK (step IN ('INVESTIGATION', 'REVIEW', 'APPROVAL')),
  decision       TEXT NOT NULL CHECK (decision IN ('PASS', 'REJECT')),
  actor          TEXT NOT NULL,
  comment        TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
  acted_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, seq),
  UNIQUE (application_id, actor)
);

CREATE SEQUENCE loan_number_sequence;

CREATE TABLE loan
(
  id                   BIGSERIAL PRIMARY KEY,
  number               TEXT NOT NULL UNIQUE,
  institution_id       BIGINT NOT NULL REFERENCES institution (id),
  borrower_id          BIGINT NOT NULL REFERENCES enterprise (id),
  application_id       BIGINT UNIQUE REFERENCES loan_application (id),
  facility_id          BIGINT REFERENCES facility (id),
  product_id           BIGINT REFERENCES product (id),
  principal            NUMERIC(20, 2) NOT NULL CHECK (principal > 0),
  term_months          INT NOT NULL,
  rate_type            TEXT NOT NULL,
  spread_bp            INT,
  annual_rate          NUMERIC(9, 6) NOT NULL CHECK (annual_rate >= 0 AND annual_rate < 100),
  rate_fixed_on        DATE,                                -- when a floating rate was last set from the LPR
  penalty_markup       NUMERIC(5, 4) NOT NULL DEFAULT 0.5 CHECK (penalty_markup >= 0 AND penalty_markup <= 1),
  method               TEXT NOT NULL,
  day_count            TEXT NOT NULL,
  purpose              TEXT NOT NULL,
  payment_mode         TEXT NOT NULL,
  payment_day          INT,
  period_months        INT NOT NULL DEFAULT 1,
  grace_months         INT NOT NULL DEFAULT 0,
  renewal_of           BIGINT REFERENCES loan (id),
  status               TEXT NOT NULL DEFAULT 'CONTRACTED' CHECK (status IN ('CONTRACTED', 'ACTIVE', 'REPAID',
                         'RENEWED', 'WRITTEN_OFF', 'TRANSFERRED')),
  disbursed_on         DATE,
  maturity_date        DATE,
  -- balances kept per loan (the subledger); the ledger holds the same figures per account
  principal_outstanding NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (principal_outstanding >= 0),
  interest_exact       NUMERIC(30, 10) NOT NULL DEFAULT 0,  -- contractual interest accrued, unrounded
  penalty_exact        NUMERIC(30, 10) NOT NULL DEFAULT 0,  -- penalty and compound interest, unrounded
  interest_accrued     NUMERIC(20, 2) NOT NULL DEFAULT 0,   -- cumulative, posted to the fen
  penalty_accrued      NUMERIC(20, 2) NOT NULL DEFAULT 0,   -- cumulative, posted to the fen
  interest_paid        NUMERIC(20, 2) NOT NULL DEFAULT 0,
  penalty_paid         NUMERIC(20, 2) NOT NULL DEFAULT 0,
  receivable           NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (receivable >= 0),      -- 1132, recognised
  memo_receivable      NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (memo_receivable >= 0), -- 7011, non-accrual
  provision            NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (provision >= 0),       -- 1304
  written_off          NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (written_off >= 0),     -- 7021, memo
  recovered            NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (recovered >= 0),
  accrued_through      DATE,
  classified_on        DATE,
  days_past_due        INT NOT NULL DEFAULT 0,
  tier                 TEXT NOT NULL DEFAULT 'NORMAL' CHECK (tier IN ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD',
                         'DOUBTFUL', 'LOSS')),
  manual_floor         TEXT CHECK (manual_floor IS NULL OR manual_floor IN ('SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS')),
  non_accrual          BOOLEAN NOT NULL DEFAULT FALSE,
  last_overdue_on      DATE,                                -- the last day the loan had days past due
  restructured_on      DATE,
  restructure_count    INT NOT NULL DEFAULT 0,
  npl_before_restructure BOOLEAN NOT NULL DEFAULT FALSE,
  observation_from     DATE,                                -- first payment date after the change
  observation_end      DATE,
  created_by           TEXT NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  version              INT NOT NULL DEFAULT 0,
  CHECK (interest_accrued + penalty_accrued - interest_paid - penalty_paid = receivable + memo_receivable
         OR status IN ('WRITTEN_OFF', 'TRANSFERRED'))
);
CREATE INDEX loan_book ON loan (institution_id, status, tier);
CREATE INDEX loan_borrower ON loan (borrower_id);

CREATE TABLE loan_installment
(
  loan_id        BIGINT NOT NULL REFERENCES loan (id),
  period         INT NOT NULL CHECK (period >= 1),
  start_date     DATE NOT NULL,
  due_date       DATE NOT NULL,
  principal_due  NUMERIC(20, 2) NOT NULL CHECK (principal_due >= 0),
  interest_due   NUMERIC(20, 2) NOT NULL CHECK (interest_due >= 0),
  principal_paid NUMERIC(20, 2) NOT NULL DEFAULT 0,
  interest_paid  NUMERIC(20, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (loan_id, period),
  CHECK (due_date > start_date),
  CHECK (principal_paid BETWEEN 0 AND principal_due),
  CHECK (interest_paid BETWEEN 0 AND interest_due)
);

-- Money that moved: disbursements and repayments, each with the journal entry that booked it.
CREATE TABLE loan_transaction
(
  id            BIGSERIAL PRIMARY KEY,
  loan_id       BIGINT NOT NULL REFERENCES loan (id),
  type          TEXT NOT NULL CHECK (type IN ('DISBURSEMENT', 'REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'RENEWAL', 'WRITE_OFF', 'RECOVERY',
                  'TRANSFER')),
  value_date    DATE NOT NULL,
  amount        NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  principal     NUMERIC(20, 2) NOT NULL DEFAULT 0,
  interest      NUMERIC(20, 2) NOT NULL DEFAULT 0,
  penalty       NUMERIC(20, 2) NOT NULL DEFAULT 0,
  fee           NUMERIC(20, 2) NOT NULL DEFAULT 0,
  payee         TEXT,
  entry_id      BIGINT NOT NULL REFERENCES journal_entry (id),
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_transaction_loan ON loan_transaction (loan_id, id);

-- End of day: one record per loan and date brought to (by the end-of-day run or by a repayment that
-- first brings the loan up to date). The primary key is the guard against accruing a day twice.
CREATE TABLE loan_accrual
(
  loan_id       BIGINT NOT NULL REFERENCES loan (id),
  business_date DATE NOT NULL,
  interest      NUMERIC(20, 2) NOT NULL,
  penalty       NUMERIC(20, 2) NOT NULL,
  memo          BOOLEAN NOT NULL,
  entry_id      BIGINT REFERENCES journal_entry (id),
  PRIMARY KEY (loan_id, business_date)
);

CREATE TABLE loan_classification
(
  id            BIGSERIAL PRIMARY KEY,
  loan_id       BIGINT NOT NULL REFERENCES loan (id),
  business_date DATE NOT NULL,
  from_tier     TEXT NOT NULL,
  to_tier       TEXT NOT NULL,
  rule          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  actor         TEXT NOT NULL,
  at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_classification_loan ON loan_classification (loan_id, id);

-- Progress of an end-of-day run, so that a crashed run resumes and a long one shows how far it got.
CREATE TABLE eod_run
(
  business_date DATE PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
  borrowers     BIGINT NOT NULL DEFAULT 0,
  loans_total   BIGINT NOT NULL DEFAULT 0,
  loans_done    BIGINT NOT NULL DEFAULT 0,
  started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at   TIMESTAMPTZ
);
