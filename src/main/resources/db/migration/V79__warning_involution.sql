-- The involution watch (issue 20 §4): lending into restricted sectors and loans priced below the lender's own cost of
-- the loan. Lending publishes each loan's price and purpose, credit the grade's probability of default; each institution
-- keeps its cost of a loan (funding, operating, capital) and the loss given default it assumes, effective-dated, with
-- the platform's defaults for an institution that set none.
CREATE VIEW loan_pricing_view AS
SELECT id AS loan_id, institution_id, coalesce(risk_obligor_id, borrower_id) AS obligor_id, principal, principal_outstanding,
       disbursed_on, annual_rate, purpose
FROM loan WHERE disbursed_on IS NOT NULL;

CREATE VIEW credit_grade_view AS
SELECT enterprise_id, pd, grade FROM credit_features;

CREATE TABLE warning_cost_setting
(
  id                BIGSERIAL PRIMARY KEY,
  institution_id    BIGINT REFERENCES institution (id),
  funding_percent   NUMERIC(7, 4) NOT NULL CHECK (funding_percent BETWEEN 0 AND 20),
  operating_percent NUMERIC(7, 4) NOT NULL CHECK (operating_percent BETWEEN 0 AND 20),
  capital_percent   NUMERIC(7, 4) NOT NULL CHECK (capital_percent BETWEEN 0 AND 20),
  lgd_percent       NUMERIC(7, 4) NOT NULL CHECK (lgd_percent BETWEEN 0 AND 100),
  effective_from    DATE          NOT NULL,
  set_by            TEXT          NOT NULL,
  set_at            TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX warning_cost_setting_day ON warning_cost_setting (coalesce(institution_id, 0), effective_from);

-- the platform's defaults (an institution's own settings take precedence): funding 1.70 %, operating 0.60 %, capital
-- 0.60 % of the amount lent a year, and a loss given default of 45 % (the foundation approach's senior unsecured LGD)
INSERT INTO warning_cost_setting (institution_id, funding_percent, operating_percent, capital_percent, lgd_percent,
                                  effective_from, set_by)
VALUES (NULL, 1.70, 0.60, 0.60, 45, DATE '2020-01-01', 'platform');
