-- Loan tags from the credit bureau and the green catalogue; several drawdowns under one contract.
--
-- First-loan borrowers (首贷户, FACTS §8): an enterprise with no earlier bank loan anywhere. Decided at
-- disbursement from the credit bureau's flag, or the borrower's declaration when the bureau has no
-- record, and never when the platform itself holds an earlier loan of the borrower. NULL = unknown.
ALTER TABLE loan_application ADD COLUMN first_loan_declared BOOLEAN;
ALTER TABLE loan ADD COLUMN first_loan BOOLEAN;

-- Green loans: the project's code in 绿色金融支持项目目录（2025年版）, given on the application (its
-- numeric hierarchy, e.g. 3.2.1), kept on the loan.
ALTER TABLE loan_application ADD COLUMN green_catalogue_code TEXT
  CHECK (green_catalogue_code IS NULL OR green_catalogue_code ~ '^[0-9]{1,2}(\.[0-9]{1,2}){1,4}$');
ALTER TABLE loan ADD COLUMN green_catalogue_code TEXT;

CREATE OR REPLACE VIEW loan_tag AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id,
       e.industry_code LIKE 'C%' AS manufacturing,
       l.term_months > 12 AS medium_long_term,
       NOT EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = l.id) AS unsecured,
       EXISTS (SELECT 1 FROM enterprise_chain_tag t WHERE t.enterprise_id = l.borrower_id) AS key_chain,
       EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = l.borrower_id AND q.type = 'TECH_SME'
                 AND (q.valid_to IS NULL OR q.valid_to >= coalesce(l.disbursed_on, current_date))) AS tech_sme,
       e.ownership = 'PRIVATE' AS private_enterprise,
       l.purpose = 'TECH_TRANSFORMATION' AS tech_transformation,
       l.purpose = 'EQUIPMENT_RENEWAL' AS equipment_renewal,
       coalesce(l.first_loan, FALSE) AS first_loan,
       l.green_catalogue_code IS NOT NULL AS green
FROM loan l
JOIN enterprise e ON e.id = l.borrower_id;

-- Several drawdowns under one contract: the contract's first loan keeps the contracted amount; each
-- later drawdown (借据) is a loan of its own, pointing at the contract's first loan, maturing with it.
ALTER TABLE loan ADD COLUMN contract_amount NUMERIC(20, 2) CHECK (contract_amount IS NULL OR contract_amount > 0);
ALTER TABLE loan ADD COLUMN contract_loan_id BIGINT REFERENCES loan (id);
CREATE INDEX loan_contract ON loan (contract_loan_id) WHERE contract_loan_id IS NOT NULL;
