-- Detections as data (issue 18 §4): each row is one version of one rule's parameters, for the platform (no
-- institution), for an institution's products, or for one of its products, in force from a date once live.
-- A draft goes live only after a back-test over the payments already reported (the figures kept with it).
CREATE TABLE monitoring_rule
(
  id             BIGSERIAL PRIMARY KEY,
  rule           TEXT        NOT NULL CHECK (rule IN ('prohibited-use', 'hidden-refinancing', 'round-trip', 'fan-out',
                                                      'use-unreported', 'trace')),
  version        INT         NOT NULL CHECK (version >= 1),
  institution_id BIGINT REFERENCES institution (id),
  product_id     BIGINT REFERENCES product (id),
  effective_from DATE        NOT NULL,
  params         JSONB       NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  note           TEXT        NOT NULL CHECK (length(note) BETWEEN 2 AND 500),
  status         TEXT        NOT NULL CHECK (status IN ('DRAFT', 'LIVE', 'WITHDRAWN')),
  backtest       JSONB,
  backtested_by  TEXT,
  backtested_at  TIMESTAMPTZ,
  drafted_by     TEXT        NOT NULL,
  drafted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by     TEXT,
  decided_at     TIMESTAMPTZ,
  UNIQUE (rule, version),
  CHECK (product_id IS NULL OR institution_id IS NOT NULL),
  CHECK (status <> 'LIVE' OR decided_at IS NOT NULL)
);
CREATE INDEX monitoring_rule_live ON monitoring_rule (rule, effective_from) WHERE status = 'LIVE';
CREATE INDEX monitoring_rule_institution ON monitoring_rule (institution_id, id);

-- The versions the platform shipped with, as the code had them: in force since always.
INSERT INTO monitoring_rule (rule, version, effective_from, params, note, status, drafted_by, decided_by, decided_at)
VALUES ('prohibited-use', 1, DATE '2000-01-01',
        '{"enabled": true, "windowDays": 30, "categories": ["PRIVATE_LENDING", "REAL_ESTATE", "SECURITIES", "WEALTH_MANAGEMENT"]}',
        '流动资金贷款管理办法、固定资产贷款管理办法：贷款资金不得流入证券、期货、房地产、理财与民间借贷', 'LIVE', 'system', 'system', now()),
       ('hidden-refinancing', 1, DATE '2000-01-01', '{"enabled": true, "windowDays": 30}',
        '借新还旧未登记为续贷：可能是隐性重组（商业银行金融资产风险分类办法）', 'LIVE', 'system', 'system', now()),
       ('round-trip', 1, DATE '2000-01-01', '{"enabled": true, "windowDays": 30, "minSharePercent": 50}',
        '资金回流：付给交易对手的贷款资金在窗口内大部分回到借款人', 'LIVE', 'system', 'system', now()),
       ('fan-out', 1, DATE '2000-01-01', '{"enabled": true, "days": 3, "minParties": 5, "minSharePercent": 50}',
        '化整为零：放款后几天内分散支付给多个交易对手', 'LIVE', 'system', 'system', now()),
       ('use-unreported', 1, DATE '2000-01-01', '{"enabled": true, "reportDays": 30}',
        '自主支付：借款人在约定日期前报告资金用途', 'LIVE', 'system', 'system', now()),
       ('trace', 1, DATE '2000-01-01', '{"hops": 3, "days": 30}',
        '资金去向追踪：最多跨越的可见账户次数与天数', 'LIVE', 'system', 'system', now());
