-- Risk follows the obligor who repays (FACTS §10): the loan facts statistics reads carry the risk obligor
-- (the buyer of a confirmed receivable, the issuer of a voucher; the borrower itself otherwise) and
-- whether a pledge of the loan ranks behind another funder's senior claim (a junior position the funder
-- accepted, V46). Lending-direction figures stay on the financed firm (borrower_id); exposure and
-- non-performing balances are counted on the obligor.
CREATE OR REPLACE VIEW loan_fact_view AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id, p.type AS product_type, l.term_months, l.principal,
       l.disbursed_on, l.status, l.tier, l.principal_outstanding,
       coalesce(l.risk_obligor_id, l.borrower_id) AS obligor_id,
       EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = l.id AND s.priority_position > 1) AS junior
FROM loan l LEFT JOIN product p ON p.id = l.product_id
WHERE l.disbursed_on IS NOT NULL;

-- exposure_balance: principal outstanding by the obligor's attributes (the base of the NPL ratio);
-- junior_balance: principal outstanding of loans whose pledge ranks second or later.
ALTER TABLE stat_figure ADD COLUMN exposure_balance NUMERIC(22, 2) NOT NULL DEFAULT 0;
ALTER TABLE stat_figure ADD COLUMN junior_balance NUMERIC(22, 2) NOT NULL DEFAULT 0;
