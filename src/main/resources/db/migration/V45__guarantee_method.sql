-- How a loan is secured, as the PBOC's loan statistics count it (FACTS §10): 信用 credit, 保证
-- guaranteed, 抵押 mortgage, 质押 pledge; 贴现 discounting and 保理 factoring buy the claim and are
-- neither credit loans nor secured. A trade financing states its method when it is booked; an ordinary
-- loan's follows its securities (a mortgage before a pledge before a guarantee), else it is a credit loan.
ALTER TABLE loan ADD COLUMN guarantee_method TEXT
  CHECK (guarantee_method IS NULL OR guarantee_method IN ('CREDIT', 'GUARANTEED', 'MORTGAGE', 'PLEDGE', 'DISCOUNTING', 'FACTORING'));

UPDATE loan SET guarantee_method = 'DISCOUNTING' WHERE trade_reference LIKE 'voucher-part:%';
UPDATE loan SET guarantee_method = 'PLEDGE'
WHERE trade_reference LIKE 'receipt:%' OR trade_reference LIKE 'warehouse%' OR trade_reference LIKE 'denucleated:%';
UPDATE loan SET guarantee_method = CASE WHEN EXISTS (SELECT 1 FROM scf_financing_offer o
                                                      WHERE o.loan_id = loan.id AND o.kind = 'PLEDGE')
                                       THEN 'PLEDGE' ELSE 'FACTORING' END
WHERE trade_reference LIKE 'receivable:%';

CREATE FUNCTION loan_guarantee_method(p_loan BIGINT, p_stated TEXT) RETURNS TEXT
  LANGUAGE sql STABLE AS
$$
SELECT coalesce(p_stated,
                CASE
                  WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'COLLATERAL') THEN 'MORTGAGE'
                  WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'PLEDGE') THEN 'PLEDGE'
                  WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'GUARANTEE') THEN 'GUARANTEED'
                  ELSE 'CREDIT' END)
$$;

-- unsecured now means a credit loan (信用贷款) only: a discount, a factoring or a pledge financing is not one
CREATE OR REPLACE VIEW loan_tag AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id,
       e.industry_code LIKE 'C%' AS manufacturing,
       l.term_months > 12 AS medium_long_term,
       loan_guarantee_method(l.id, l.guarantee_method) = 'CREDIT' AS unsecured,
       EXISTS (SELECT 1 FROM enterprise_key_chain_tag_view t WHERE t.enterprise_id = l.borrower_id) AS key_chain,
       EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = l.borrower_id AND q.type = 'TECH_SME'
                 AND (q.valid_to IS NULL OR q.valid_to >= coalesce(l.disbursed_on, current_date))) AS tech_sme,
       e.ownership = 'PRIVATE' AS private_enterprise,
       l.purpose = 'TECH_TRANSFORMATION' AS tech_transformation,
       l.purpose = 'EQUIPMENT_RENEWAL' AS equipment_renewal,
       coalesce(l.first_loan, FALSE) AS first_loan,
       l.green_catalogue_code IS NOT NULL AS green,
       loan_guarantee_method(l.id, l.guarantee_method) AS guarantee_method
FROM loan l
JOIN enterprise e ON e.id = l.borrower_id;
