-- An application's green code is checked against the green catalogue in force on the day it is made, and that edition
-- is kept with it (issue 19 §6): loans applied for before 2025-10-01 keep the previous standard. Codes of any level.
ALTER TABLE loan_application DROP CONSTRAINT loan_application_green_catalogue_code_check;
ALTER TABLE loan_application ADD CONSTRAINT loan_application_green_catalogue_code_check
  CHECK (green_catalogue_code IS NULL OR green_catalogue_code ~ '^[0-9]{1,2}(\.[0-9]{1,2}){0,4}$');
ALTER TABLE loan_application ADD COLUMN green_catalogue_edition TEXT REFERENCES ref_finance_catalogue (edition);
UPDATE loan_application a SET green_catalogue_edition = coalesce(
    (SELECT c.edition FROM ref_finance_catalogue c WHERE c.kind = 'GREEN' AND c.valid_from <= a.created_at::date
        AND (c.valid_to IS NULL OR c.valid_to >= a.created_at::date) ORDER BY c.valid_from DESC LIMIT 1), 'GREEN_2019')
 WHERE a.green_catalogue_code IS NOT NULL;
ALTER TABLE loan_application ADD CONSTRAINT loan_application_green_edition
  CHECK ((green_catalogue_code IS NULL) = (green_catalogue_edition IS NULL));

-- What lending publishes of a green loan: its code and the edition it was judged by (a drawdown: its contract's).
CREATE VIEW loan_green_view AS
SELECT l.id AS loan_id, l.number, l.institution_id, l.borrower_id, l.green_catalogue_code AS code,
       a.green_catalogue_edition AS edition
FROM loan l
LEFT JOIN loan c ON c.id = l.contract_loan_id
LEFT JOIN loan_application a ON a.id = coalesce(l.application_id, c.application_id)
WHERE l.green_catalogue_code IS NOT NULL;
