-- Issue 18 §2, §4, §6, first part: payments a bank reports on the accounts it keeps, events it could not
-- take (dead letters, with the reason), and the alerts the detections raise with their outcome.
CREATE TABLE monitoring_payment
(
  id                   BIGSERIAL PRIMARY KEY,
  institution_id       BIGINT         NOT NULL REFERENCES institution (id),
  bank_reference       TEXT           NOT NULL CHECK (length(bank_reference) BETWEEN 1 AND 100),
  enterprise_id        BIGINT         NOT NULL REFERENCES enterprise (id),
  account              TEXT           NOT NULL,
  direction            TEXT           NOT NULL CHECK (direction IN ('DEBIT', 'CREDIT')),
  counterparty_account TEXT,
  counterparty_name    TEXT,
  amount               NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  currency             CHAR(3)        NOT NULL,
  value_date           DATE           NOT NULL,
  remittance           TEXT,
  category             TEXT           NOT NULL,
  category_reason      TEXT           NOT NULL,
  received_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
  UNIQUE (institution_id, bank_reference)
);
CREATE INDEX monitoring_payment_enterprise ON monitoring_payment (enterprise_id, value_date);

CREATE TABLE monitoring_dead_letter
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT      NOT NULL REFERENCES institution (id),
  bank_reference TEXT,
  payload        TEXT        NOT NULL CHECK (length(payload) <= 4000),
  reasons        JSONB       NOT NULL,
  received_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_dead_letter_institution ON monitoring_dead_letter (institution_id, id);

CREATE TABLE monitoring_alert
(
  id              BIGSERIAL PRIMARY KEY,
  institution_id  BIGINT         NOT NULL REFERENCES institution (id),
  loan_id         BIGINT         NOT NULL REFERENCES loan (id),
  loan_number     TEXT           NOT NULL,
  enterprise_id   BIGINT         NOT NULL REFERENCES enterprise (id),
  enterprise_name TEXT           NOT NULL,
  payment_id      BIGINT         NOT NULL REFERENCES monitoring_payment (id),
  -- the earlier payment the rule relates this one to (a round trip's payment out), when it does
  earlier_payment_id BIGINT      REFERENCES monitoring_payment (id),
  rule            TEXT           NOT NULL,
  rule_version    INT            NOT NULL,
  category        TEXT           NOT NULL,
  days            INT            NOT NULL CHECK (days >= 0),
  status          TEXT           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED')),
  outcome_reason  TEXT CHECK (outcome_reason IS NULL OR length(outcome_reason) BETWEEN 2 AND 500),
  decided_by      TEXT,
  decided_at      TIMESTAMPTZ,
  raised_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
  UNIQUE (payment_id, rule),
  CHECK ((status = 'OPEN') = (decided_at IS NULL))
);
CREATE INDEX monitoring_alert_queue ON monitoring_alert (institution_id, status, id);
