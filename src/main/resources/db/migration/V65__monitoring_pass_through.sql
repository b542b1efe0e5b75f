-- Pass-through accounts (issue 18 §4): loan money paid into an account the bank keeps for someone else and sent on
-- at once. Payments into an account are found by the counterparty account of the payments out.
CREATE INDEX monitoring_payment_paid_into ON monitoring_payment (institution_id, counterparty_account, value_date)
  WHERE direction = 'DEBIT';

ALTER TABLE monitoring_rule DROP CONSTRAINT monitoring_rule_rule_check;
ALTER TABLE monitoring_rule ADD CONSTRAINT monitoring_rule_rule_check
  CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out', 'payee-other', 'split',
                  'related-round-trip', 'pass-through', 'purpose-mismatch', 'proceeds-return', 'collateral-filing',
                  'use-unreported', 'trace'));
INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('pass-through', 1, DATE '2000-01-01', '{"enabled": true, "windowDays": 30, "days": 1, "minSharePercent": 90}',
        '过桥账户：贷款资金付入本行为他人开立的账户后，当日或次日几乎全额转出', 'LIVE', 'system', 'system', now());
