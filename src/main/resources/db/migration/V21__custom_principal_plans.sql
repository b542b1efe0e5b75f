-- Custom principal plans (按计划还本): the principal to repay each period, as the contract says.
ALTER TABLE loan_application DROP CONSTRAINT loan_application_method_check;
ALTER TABLE loan_application ADD CONSTRAINT loan_application_method_check
  CHECK (method IN ('EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_ONLY', 'BULLET', 'CUSTOM'));
ALTER TABLE loan_application ADD COLUMN principal_plan NUMERIC(20, 2)[];
ALTER TABLE loan ADD COLUMN principal_plan NUMERIC(20, 2)[];
