-- capital publishes its leases and first-of-a-kind policies, so that statistics count each instrument beside loans.
CREATE VIEW capital_lease_view AS
SELECT id AS lease_id, number, institution_id, enterprise_id, financed, start_on, status FROM capital_lease;

CREATE VIEW capital_policy_view AS
SELECT id AS policy_id, number, institution_id, enterprise_id, scheme, sum_insured, premium, start_on
FROM capital_insurance_policy;
