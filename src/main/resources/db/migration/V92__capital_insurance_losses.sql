-- Claims on product failure under a first-of-a-kind policy: reported by the insured maker for a failure within the cover,
-- paid (up to what the sum insured has left) or declined with the reason by the insurer.
CREATE SEQUENCE capital_loss_claim_number;

CREATE TABLE capital_loss_claim
(
  id          BIGSERIAL PRIMARY KEY,
  number      TEXT           NOT NULL UNIQUE,
  policy_id   BIGINT         NOT NULL REFERENCES capital_insurance_policy (id),
  occurred_on DATE           NOT NULL,
  description TEXT           NOT NULL CHECK (length(description) BETWEEN 2 AND 1000),
  claimed     NUMERIC(20, 2) NOT NULL CHECK (claimed > 0),
  status      TEXT           NOT NULL CHECK (status IN ('REPORTED', 'PAID', 'DECLINED')),
  paid        NUMERIC(20, 2) CHECK (paid IS NULL OR (paid > 0 AND paid <= claimed)),
  reason      TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 2 AND 1000),
  reported_on DATE           NOT NULL,
  reported_by TEXT           NOT NULL,
  decided_on  DATE,
  decided_by  TEXT,
  CHECK ((status = 'PAID') = (paid IS NOT NULL)),
  CHECK ((status = 'DECLINED') = (reason IS NOT NULL)),
  CHECK ((status = 'REPORTED') = (decided_on IS NULL))
);
CREATE INDEX capital_loss_claim_policy ON capital_loss_claim (policy_id, id);
