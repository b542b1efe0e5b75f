-- Loan tags derived from facts (never typed) and the manufacturing credit plan (单列制造业信贷计划,
-- measure 十二), measured on balances.

-- One row per loan with its tags. Unsecured follows the product's security until collateral and
-- guarantees are attached to loans; first-loan borrowers need the credit-report summary (issue 4).
CREATE VIEW loan_tag AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id,
       e.industry_code LIKE 'C%' AS manufacturing,
       l.term_months > 12 AS medium_long_term,
       coalesce(p.security = 'CREDIT', FALSE) AS unsecured,
       EXISTS (SELECT 1 FROM enterprise_chain_tag t WHERE t.enterprise_id = l.borrower_id) AS key_chain,
       EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = l.borrower_id AND q.type = 'TECH_SME'
                 AND (q.valid_to IS NULL OR q.valid_to >= coalesce(l.disbursed_on, current_date))) AS tech_sme,
       e.ownership = 'PRIVATE' AS private_enterprise,
       l.purpose = 'TECH_TRANSFORMATION' AS tech_transformation,
       l.purpose = 'EQUIPMENT_RENEWAL' AS equipment_renewal
FROM loan l
JOIN enterprise e ON e.id = l.borrower_id
LEFT JOIN product p ON p.id = l.product_id;

-- Each transaction's effect on principal outstanding, so a balance can be read at any past date.
CREATE VIEW loan_principal_movement AS
SELECT t.loan_id, t.value_date,
       CASE WHEN t.type = 'DISBURSEMENT' THEN t.amount ELSE -t.principal END AS change
FROM loan_transaction t;

CREATE TABLE credit_plan
(
  institution_id           BIGINT NOT NULL REFERENCES institution (id),
  year                     INT    NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  net_increase_target      NUMERIC(20, 2) NOT NULL,
  mlt_share_target         NUMERIC(5, 4) NOT NULL CHECK (mlt_share_target BETWEEN 0 AND 1),
  credit_share_target      NUMERIC(5, 4) NOT NULL CHECK (credit_share_target BETWEEN 0 AND 1),
  first_loan_target        INT CHECK (first_loan_target IS NULL OR first_loan_target >= 0),
  key_chain_balance_target NUMERIC(20, 2) NOT NULL CHECK (key_chain_balance_target >= 0),
  set_by                   TEXT   NOT NULL,
  set_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (institution_id, year)
);
