-- Entrusted payment (受托支付) is decided per payment (FACTS §10; 流动资金贷款管理办法 and 固定资产贷款管理办法,
-- NFRA 2024, in force 2024-07-01). The thresholds are effective-dated configuration: the platform's row
-- (institution_id NULL) holds the regulation's figures; an institution adds its own rows, which win.
CREATE TABLE lending_payment_rule
(
  id                  BIGSERIAL PRIMARY KEY,
  institution_id      BIGINT REFERENCES institution (id),
  effective_from      DATE           NOT NULL,
  -- a single payment to one counterparty above this is entrusted (working-capital loans, and every loan)
  single_payment      NUMERIC(20, 2) NOT NULL CHECK (single_payment > 0),
  -- fixed-asset loans: a single payment above this share of total project investment, or above the amount
  fixed_asset_share   NUMERIC(6, 4)  NOT NULL CHECK (fixed_asset_share > 0 AND fixed_asset_share <= 1),
  fixed_asset_payment NUMERIC(20, 2) NOT NULL CHECK (fixed_asset_payment > 0),
  -- "average standing": a grade at or below this one (the credit decisions' rating scale)
  average_grade       TEXT           NOT NULL CHECK (average_grade IN ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC')),
  source              TEXT           NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  created_by          TEXT           NOT NULL,
  created_at          TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lending_payment_rule_day ON lending_payment_rule (coalesce(institution_id, 0), effective_from);

INSERT INTO lending_payment_rule (institution_id, effective_from, single_payment, fixed_asset_share, fixed_asset_payment,
                                  average_grade, source, created_by)
VALUES (NULL, '2024-07-01', 10000000.00, 0.0500, 10000000.00, 'BBB',
        '流动资金贷款管理办法、固定资产贷款管理办法（国家金融监督管理总局 2024）', 'migration');

-- each listed payee is paid entrusted (by the bank) or self-paid (by the borrower): one loan may mix both
ALTER TABLE loan_payee ADD COLUMN entrusted BOOLEAN NOT NULL DEFAULT true;

-- fixed-asset applications carry the project's total investment (the 5 % test); a working-capital term
-- beyond the standard three years records the operating-cycle reason that justifies it
ALTER TABLE loan_application
  ADD COLUMN project_investment NUMERIC(20, 2) CHECK (project_investment IS NULL OR project_investment > 0),
  ADD COLUMN term_reason        TEXT CHECK (term_reason IS NULL OR length(term_reason) BETWEEN 4 AND 1000);
