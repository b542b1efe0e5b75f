-- Issue 17 §1 and §6: risk follows the obligor, 关注 signals besides days past due, the tier a
-- restructuring started from, and provision rates and ratio floors as effective-dated data per institution.

-- End of day groups loans by the obligor whose payment repays them (the borrower unless a financing names another).
CREATE INDEX loan_risk_obligor ON loan ((coalesce(risk_obligor_id, borrower_id)), institution_id);

-- The tier a restructured loan was in before the concession: its floor during the observation period
-- (商业银行金融资产风险分类办法 2023, restructured assets). Earlier restructurings take it from their history.
ALTER TABLE loan ADD COLUMN tier_before_restructure TEXT
  CHECK (tier_before_restructure IS NULL OR tier_before_restructure IN ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD',
         'DOUBTFUL', 'LOSS'));
UPDATE loan l SET tier_before_restructure = coalesce(
    (SELECT c.from_tier FROM loan_classification c WHERE c.loan_id = l.id AND c.rule = 'restructured'
     ORDER BY c.id DESC LIMIT 1),
    CASE WHEN l.npl_before_restructure THEN 'SUBSTANDARD' ELSE 'NORMAL' END)
WHERE l.restructured_on IS NOT NULL;

-- A renewal made to repay while the debtor's finances are abnormal (借新还旧 / 续贷; 2023 办法, 关注类): at least 关注.
ALTER TABLE loan ADD COLUMN renewed_while_abnormal BOOLEAN NOT NULL DEFAULT FALSE;

-- Unauthorised changes of a loan's purpose the lender found (擅自改变资金用途; 2023 办法, 关注类): each sets at least 关注.
CREATE TABLE loan_purpose_breach
(
  id            BIGSERIAL PRIMARY KEY,
  loan_id       BIGINT NOT NULL REFERENCES loan (id),
  business_date DATE NOT NULL,
  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 4 AND 500),
  actor         TEXT NOT NULL,
  at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_purpose_breach_loan ON loan_purpose_breach (loan_id, id);

-- Provision rates by tier (FACTS §8): an institution's own from valid_from; rows without an institution are
-- the platform's defaults, the 2002 guideline's 1 / 2 / 25 / 50 / 100 %.
CREATE TABLE lending_provision_rate
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT REFERENCES institution (id),
  tier           TEXT NOT NULL CHECK (tier IN ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS')),
  rate           NUMERIC(7, 6) NOT NULL CHECK (rate >= 0 AND rate <= 1),
  valid_from     DATE NOT NULL,
  set_by         TEXT NOT NULL,
  set_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lending_provision_rate_key ON lending_provision_rate (coalesce(institution_id, 0), tier, valid_from);
INSERT INTO lending_provision_rate (institution_id, tier, rate, valid_from, set_by) VALUES
  (NULL, 'NORMAL', 0.01, DATE '2002-01-01', 'migration'),
  (NULL, 'SPECIAL_MENTION', 0.02, DATE '2002-01-01', 'migration'),
  (NULL, 'SUBSTANDARD', 0.25, DATE '2002-01-01', 'migration'),
  (NULL, 'DOUBTFUL', 0.50, DATE '2002-01-01', 'migration'),
  (NULL, 'LOSS', 1.00, DATE '2002-01-01', 'migration');

-- The floors supervisors set for 拨备覆盖率 (120–150 %) and 贷款拨备率 (1.5–2.5 %), 银监发〔2018〕7号;
-- rows without an institution are the defaults (the upper ends).
CREATE TABLE lending_provision_floor
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT REFERENCES institution (id),
  coverage_floor NUMERIC(7, 4) NOT NULL CHECK (coverage_floor >= 1.2 AND coverage_floor <= 1.5),
  loan_ratio_floor NUMERIC(7, 4) NOT NULL CHECK (loan_ratio_floor >= 0.015 AND loan_ratio_floor <= 0.025),
  valid_from     DATE NOT NULL,
  set_by         TEXT NOT NULL,
  set_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lending_provision_floor_key ON lending_provision_floor (coalesce(institution_id, 0), valid_from);
INSERT INTO lending_provision_floor (institution_id, coverage_floor, loan_ratio_floor, valid_from, set_by)
VALUES (NULL, 1.5, 0.025, DATE '2018-02-28', 'migration');
