-- Sales proceeds back to the lender (回款归行, issue 18 §4): whether a payment was seen on an account the reporting
-- bank keeps or, under the borrower's post-loan consent, on an account at another bank; and the rule, off until
-- a bank turns it on for the products whose contracts require it.
ALTER TABLE monitoring_payment ADD COLUMN under_consent BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX monitoring_payment_receipts ON monitoring_payment (institution_id, enterprise_id, value_date)
  WHERE direction = 'CREDIT' AND category = 'CUSTOMER';

ALTER TABLE monitoring_rule DROP CONSTRAINT monitoring_rule_rule_check;
ALTER TABLE monitoring_rule ADD CONSTRAINT monitoring_rule_rule_check
  CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out', 'payee-other', 'split',
                  'related-round-trip', 'purpose-mismatch', 'proceeds-return', 'collateral-filing', 'use-unreported',
                  'trace'));
INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('proceeds-return', 1, DATE '2000-01-01', '{"enabled": false, "days": 30, "minSharePercent": 50}',
        '回款归行：合同约定销售回款归集到贷款行的，按产品启用；平台默认不启用', 'LIVE', 'system', 'system', now());
