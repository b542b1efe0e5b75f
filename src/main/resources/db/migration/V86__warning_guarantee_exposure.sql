-- A listed enterprise's exposures include the government financing guarantees on its loans and the equity invested in
-- it (issue 20 §1: loans, facilities, financings, vouchers held, guarantees; capital's deals): the agency that
-- guaranteed a loan outstanding is exposed for the amount it guaranteed, an investor for what it invested. policy
-- publishes its guarantees.
CREATE VIEW policy_guarantee_view AS
SELECT id AS guarantee_id, loan_id, agency_id, borrower_id, amount FROM policy_guarantee;

ALTER TABLE warning_exposure ADD COLUMN guaranteed NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (guaranteed >= 0);
ALTER TABLE warning_exposure ADD COLUMN invested NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (invested >= 0);
