-- Government guarantees along the re-guarantee chain (issue 19 §4): the provincial re-guarantors and the national
-- financing-guarantee fund become institution types of their own; a guarantee of a scheme attaches to a bank's loan;
-- on the written-off loss the bank claims from the agency, the agency from its provincial re-guarantor, the
-- re-guarantor from the national fund, each paying in its own book; recoveries flow back the same way.
INSERT INTO institution_type (code, seq, name_zh, name_en) VALUES
  ('PROVINCIAL_REGUARANTOR', 19, '省级再担保机构', 'Provincial re-guarantor'),
  ('NATIONAL_GUARANTEE_FUND', 20, '国家融资担保基金', 'National financing guarantee fund');

INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('6521', '担保赔偿支出', 'Guarantee compensation paid', 'EXPENSE', NULL),
  ('6531', '追偿款分配支出', 'Recoveries passed along the guarantee chain', 'EXPENSE', NULL);

CREATE TABLE policy_guarantee
(
  id                  BIGSERIAL PRIMARY KEY,
  programme_id        BIGINT         NOT NULL REFERENCES policy_programme (id),
  programme_version   INT            NOT NULL,
  loan_id             BIGINT         NOT NULL UNIQUE REFERENCES loan (id),
  loan_number         TEXT           NOT NULL,
  institution_id      BIGINT         NOT NULL REFERENCES institution (id),
  borrower_id         BIGINT         NOT NULL REFERENCES enterprise (id),
  borrower_name       TEXT           NOT NULL,
  agency_id           BIGINT         NOT NULL REFERENCES institution (id),
  reguarantor_id      BIGINT         NOT NULL REFERENCES institution (id),
  fund_id             BIGINT         NOT NULL REFERENCES institution (id),
  principal           NUMERIC(20, 2) NOT NULL CHECK (principal > 0),
  coverage_percent    NUMERIC(7, 4)  NOT NULL,
  amount              NUMERIC(20, 2) NOT NULL CHECK (amount > 0 AND amount <= principal),
  fee_percent         NUMERIC(7, 4)  NOT NULL,
  bank_share          NUMERIC(7, 4)  NOT NULL,
  agency_share        NUMERIC(7, 4)  NOT NULL,
  reguarantor_share   NUMERIC(7, 4)  NOT NULL,
  fund_share          NUMERIC(7, 4)  NOT NULL CHECK (bank_share + agency_share + reguarantor_share + fund_share = 100),
  loss                NUMERIC(20, 2) CHECK (loss IS NULL OR loss > 0),
  issued_on           DATE           NOT NULL,
  issued_by           TEXT           NOT NULL,
  issued_at           TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX policy_guarantee_institution ON policy_guarantee (institution_id, id);

-- One claim per stage of the chain: 1 bank → agency, 2 agency → re-guarantor, 3 re-guarantor → national fund.
CREATE TABLE policy_guarantee_claim
(
  id           BIGSERIAL PRIMARY KEY,
  guarantee_id BIGINT         NOT NULL REFERENCES policy_guarantee (id),
  stage        SMALLINT       NOT NULL CHECK (stage BETWEEN 1 AND 3),
  claimant_id  BIGINT         NOT NULL REFERENCES institution (id),
  payer_id     BIGINT         NOT NULL REFERENCES institution (id),
  amount       NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  status       TEXT           NOT NULL DEFAULT 'CLAIMED' CHECK (status IN ('CLAIMED', 'PAID')),
  claimed_on   DATE           NOT NULL,
  claimed_by   TEXT           NOT NULL,
  paid_on      DATE,
  paid_by      TEXT,
  payer_entry  BIGINT REFERENCES journal_entry (id),
  CHECK ((status = 'PAID') = (paid_on IS NOT NULL)),
  UNIQUE (guarantee_id, stage)
);

-- A recovery on the written-off loan after the chain paid, shared back up the chain in the same proportions.
CREATE TABLE policy_guarantee_recovery
(
  id               BIGSERIAL PRIMARY KEY,
  guarantee_id     BIGINT         NOT NULL REFERENCES policy_guarantee (id),
  on_date          DATE           NOT NULL,
  amount           NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  bank_part        NUMERIC(20, 2) NOT NULL,
  agency_part      NUMERIC(20, 2) NOT NULL,
  reguarantor_part NUMERIC(20, 2) NOT NULL,
  fund_part        NUMERIC(20, 2) NOT NULL,
  CHECK (bank_part + agency_part + reguarantor_part + fund_part = amount)
);
