-- A coaching case may close on an equity deal (issue 20 §5, with issue 21's capital module): the deal invested in the
-- case's enterprise, beside the loan it could close on before.
ALTER TABLE warning_case ADD COLUMN outcome_deal BIGINT REFERENCES capital_deal (id);
ALTER TABLE warning_case ADD CONSTRAINT warning_case_one_outcome CHECK (outcome_loan IS NULL OR outcome_deal IS NULL);
