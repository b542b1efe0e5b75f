-- What a lender does about a confirmed diversion of a loan's proceeds (issue 18 §6), each act by an
-- approver, once per case: stop further drawdowns under the contract, charge the diversion penalty on the
-- diverted amount from the diversion date, call the loan early, set it at least 关注.

-- the diverted amount bears the contract rate × diversion_markup on top of its interest (FACTS §10)
ALTER TABLE loan
  ADD COLUMN diverted_amount  NUMERIC(18, 2) CHECK (diverted_amount > 0),
  ADD COLUMN diversion_markup NUMERIC(5, 4) CHECK (diversion_markup >= 0.5 AND diversion_markup <= 1);

CREATE TABLE loan_sanction (
  id               BIGSERIAL PRIMARY KEY,
  loan_id          BIGINT NOT NULL REFERENCES loan (id),
  -- the contract whose drawdowns a stop refuses (the first loan of the contract)
  contract_loan_id BIGINT NOT NULL REFERENCES loan (id),
  kind             TEXT NOT NULL CHECK (kind IN ('STOP_DRAWDOWNS', 'DIVERSION_PENALTY', 'ACCELERATION', 'SPECIAL_MENTION')),
  case_number      TEXT NOT NULL,
  reason           TEXT NOT NULL,
  business_date    DATE NOT NULL,
  -- a diversion penalty: the amount diverted, from when, at which markup, the catch-up charged
  amount           NUMERIC(18, 2),
  since            DATE,
  markup           NUMERIC(5, 4),
  catch_up         NUMERIC(18, 2),
  entry_id         BIGINT,
  acted_by         TEXT NOT NULL,
  acted_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (loan_id, kind, case_number),
  CHECK (kind <> 'DIVERSION_PENALTY' OR (amount > 0 AND since IS NOT NULL AND markup IS NOT NULL AND catch_up >= 0))
);
CREATE INDEX loan_sanction_stop ON loan_sanction (contract_loan_id) WHERE kind = 'STOP_DRAWDOWNS';
CREATE INDEX loan_sanction_case ON loan_sanction (case_number);
