-- Purpose mismatch (issue 18 §4): a working-capital loan buying equipment or works, a fixed-asset loan paying
-- wages, taxes or utilities.
ALTER TABLE monitoring_rule DROP CONSTRAINT monitoring_rule_rule_check;
ALTER TABLE monitoring_rule ADD CONSTRAINT monitoring_rule_rule_check
  CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out', 'payee-other', 'split',
                  'related-round-trip', 'purpose-mismatch', 'collateral-filing', 'use-unreported', 'trace'));
INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('purpose-mismatch', 1, DATE '2000-01-01', '{"enabled": true, "windowDays": 30, "minSharePercent": 10}',
        '用途不符：流动资金贷款用于购置设备或工程，固定资产贷款用于发工资、缴税费', 'LIVE', 'system', 'system', now());
