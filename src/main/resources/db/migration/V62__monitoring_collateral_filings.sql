-- After the loan, another party files against its collateral (issue 18 §4): an alert that rests on a registry
-- filing rather than a payment.
ALTER TABLE monitoring_alert ALTER COLUMN payment_id DROP NOT NULL;
ALTER TABLE monitoring_alert ADD COLUMN filing_number TEXT;
ALTER TABLE monitoring_alert ADD COLUMN filed_on DATE;
ALTER TABLE monitoring_alert ADD COLUMN filed_by TEXT;
ALTER TABLE monitoring_alert ADD CONSTRAINT monitoring_alert_evidence
  CHECK ((payment_id IS NULL) <> (filing_number IS NULL) AND (filing_number IS NULL) = (filed_on IS NULL));
CREATE UNIQUE INDEX monitoring_alert_filing ON monitoring_alert (loan_id, rule, filing_number) WHERE filing_number IS NOT NULL;

ALTER TABLE monitoring_rule DROP CONSTRAINT monitoring_rule_rule_check;
ALTER TABLE monitoring_rule ADD CONSTRAINT monitoring_rule_rule_check
  CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out', 'payee-other', 'split',
                  'related-round-trip', 'collateral-filing', 'use-unreported', 'trace'));
INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('collateral-filing', 1, DATE '2000-01-01', '{"enabled": true}',
        '贷后押品被他人登记：另一担保权人在登记系统对本行贷款的押品办理了登记', 'LIVE', 'system', 'system', now());
