-- lending: the loan's number, amounts and trade reference join its parties in the published view,
-- for the supply-chain module's offers and overview (money moves only through lending's API).
CREATE OR REPLACE VIEW loan_party_view AS
SELECT id AS loan_id, institution_id, borrower_id, risk_obligor_id, status, number, principal, principal_outstanding,
       trade_reference
FROM loan;
