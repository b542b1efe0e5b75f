-- The guarantee method a loan reads with every fetch. As a SQL function with sub-selects PostgreSQL
-- could not inline it and planned its body again in every statement that called it (about a tenth of
-- a millisecond per loan read); PL/pgSQL keeps the plans for the session. Same answers as V45.
CREATE OR REPLACE FUNCTION loan_guarantee_method(p_loan BIGINT, p_stated TEXT) RETURNS TEXT
  LANGUAGE plpgsql STABLE AS
$$
BEGIN
  IF p_stated IS NOT NULL THEN
    RETURN p_stated;
  END IF;
  RETURN CASE
           WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'COLLATERAL') THEN 'MORTGAGE'
           WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'PLEDGE') THEN 'PLEDGE'
           WHEN EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = p_loan AND s.kind = 'GUARANTEE') THEN 'GUARANTEED'
           ELSE 'CREDIT' END;
END
$$;
