-- Risk-compensation pools (风险补偿资金池, issue 19 §5): a local government's pool, administered by its finance bureau,
-- compensates banks for a share of losses on eligible loans. Governments keep no book on the platform: the pool's money
-- is a record (fundings in, claims paid out, recoveries returned); the banks book what they receive and return.
INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('2243', '其他应付款—风险补偿金', 'Other payables: risk compensation received on loans not yet written off', 'LIABILITY', NULL);

CREATE TABLE policy_pool_funding
(
  id           BIGSERIAL PRIMARY KEY,
  programme_id BIGINT         NOT NULL REFERENCES policy_programme (id),
  amount       NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  on_date      DATE           NOT NULL,
  note         TEXT           NOT NULL CHECK (length(note) BETWEEN 2 AND 200),
  recorded_by  TEXT           NOT NULL,
  recorded_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX policy_pool_funding_programme ON policy_pool_funding (programme_id);

CREATE TABLE policy_pool_claim
(
  id             BIGSERIAL PRIMARY KEY,
  programme_id   BIGINT         NOT NULL REFERENCES policy_programme (id),
  loan_id        BIGINT         NOT NULL REFERENCES loan (id),
  loan_number    TEXT           NOT NULL,
  institution_id BIGINT         NOT NULL REFERENCES institution (id),
  borrower_id    BIGINT         NOT NULL REFERENCES enterprise (id),
  borrower_name  TEXT           NOT NULL,
  trigger_kind   TEXT           NOT NULL CHECK (trigger_kind IN ('WRITTEN_OFF', 'DAYS_PAST_DUE')),
  days_past_due  INT            NOT NULL,
  loss           NUMERIC(20, 2) NOT NULL CHECK (loss > 0),
  share_percent  NUMERIC(7, 4)  NOT NULL,
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount >= 0),
  capped_by      TEXT CHECK (capped_by IS NULL OR capped_by IN ('loan', 'year', 'balance')),
  status         TEXT           NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'PAID', 'REJECTED')),
  claimed_on     DATE           NOT NULL,
  claimed_by     TEXT           NOT NULL,
  decided_on     DATE,
  decided_by     TEXT,
  reason         TEXT,
  entry_id       BIGINT REFERENCES journal_entry (id),
  returned       NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= amount)
);
CREATE UNIQUE INDEX policy_pool_claim_once ON policy_pool_claim (programme_id, loan_id) WHERE status <> 'REJECTED';
CREATE INDEX policy_pool_claim_institution ON policy_pool_claim (institution_id, id);

CREATE TABLE policy_pool_return
(
  id       BIGSERIAL PRIMARY KEY,
  claim_id BIGINT         NOT NULL REFERENCES policy_pool_claim (id),
  on_date  DATE           NOT NULL,
  amount   NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  entry_id BIGINT         NOT NULL REFERENCES journal_entry (id)
);
