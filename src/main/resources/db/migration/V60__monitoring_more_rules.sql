-- Three more detections (issue 18 §4) and the prohibited uses widened to equity investment and dividends, as
-- rule versions: the first versions of the new rules in force since always, prohibited-use v2 from 2026-12-07.
ALTER TABLE monitoring_rule DROP CONSTRAINT monitoring_rule_rule_check;
ALTER TABLE monitoring_rule ADD CONSTRAINT monitoring_rule_rule_check
  CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out', 'payee-other', 'split',
                  'related-round-trip', 'use-unreported', 'trace'));

INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('payee-other', 1, DATE '2000-01-01', '{"enabled": true, "days": 3, "minSharePercent": 10}',
        '受托支付：放款后几天内，贷款资金付给合同未列明的收款人', 'LIVE', 'system', 'system', now()),
       ('split', 1, DATE '2000-01-01', '{"enabled": true, "days": 7, "thresholdYuan": 10000000}',
        '化整为零：自主支付贷款向同一对手分笔付款，单笔不超过受托支付起点而合计超过（流动资金贷款管理办法 2024：单笔超过1000万元须受托支付）',
        'LIVE', 'system', 'system', now()),
       ('related-round-trip', 1, DATE '2000-01-01', '{"enabled": true, "windowDays": 30, "minSharePercent": 80}',
        '经关联方回流：贷款资金付给第三方后，关联方或集团几乎全额转回借款人', 'LIVE', 'system', 'system', now()),
       ('prohibited-use', 2, DATE '2026-12-07',
        '{"enabled": true, "windowDays": 30, "categories": ["DIVIDEND", "EQUITY_INVESTMENT", "PRIVATE_LENDING", "REAL_ESTATE", "SECURITIES", "WEALTH_MANAGEMENT"]}',
        '贷款资金也不得用于股本权益性投资和分红（流动资金贷款管理办法、固定资产贷款管理办法）', 'LIVE', 'system', 'system', now());
