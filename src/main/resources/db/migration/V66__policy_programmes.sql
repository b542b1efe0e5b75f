-- Policy money (issue 19 §1): programmes and their versions, each with the terms its kind needs and who and what it
-- takes, in force from a date. The shipped programmes are those of FACTS §1, §7 and §10 with their rate and quota
-- paths; docs/POLICY.md gives each source.
CREATE TABLE policy_programme
(
  id          BIGSERIAL PRIMARY KEY,
  code        TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
  kind        TEXT        NOT NULL CHECK (kind IN ('TECH_RELENDING', 'CARBON_TOOL', 'SMALL_BUSINESS_RELENDING', 'REDISCOUNT',
                                                   'CENTRAL_SUBSIDY', 'LOCAL_SUBSIDY', 'GUARANTEE_SCHEME', 'RISK_POOL')),
  issuer      TEXT        NOT NULL CHECK (issuer IN ('PBOC', 'MOF')),
  -- a local programme's region (GB/T 2260); national ones have none
  region_code TEXT CHECK (region_code IS NULL OR region_code ~ '^[0-9]{6}$'),
  name        TEXT        NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  name_en     TEXT        NOT NULL CHECK (length(name_en) BETWEEN 2 AND 200),
  source      TEXT        NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  created_by  TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE policy_programme_version
(
  id             BIGSERIAL PRIMARY KEY,
  programme_id   BIGINT      NOT NULL REFERENCES policy_programme (id),
  version        INT         NOT NULL CHECK (version >= 1),
  effective_from DATE        NOT NULL,
  terms          JSONB       NOT NULL CHECK (jsonb_typeof(terms) = 'object'),
  eligibility    JSONB       NOT NULL CHECK (jsonb_typeof(eligibility) = 'object'),
  note           TEXT        NOT NULL CHECK (length(note) BETWEEN 2 AND 500),
  created_by     TEXT        NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (programme_id, version)
);
CREATE INDEX policy_programme_version_day ON policy_programme_version (programme_id, effective_from);

INSERT INTO policy_programme (code, kind, issuer, name, name_en, source, created_by) VALUES
  ('PBOC-TECH-RL', 'TECH_RELENDING', 'PBOC', '科技创新和技术改造再贷款', 'Technology innovation and transformation re-lending',
   '中国人民银行，2024-04-07设立；额度与利率调整见2025-05-07、2026-01-15、2026-01-19公告（FACTS §1）', 'system'),
  ('PBOC-CARBON', 'CARBON_TOOL', 'PBOC', '碳减排支持工具', 'Carbon emission reduction support tool',
   '中国人民银行，2021-11设立；利率路径同科技创新再贷款（FACTS §1、§7）', 'system'),
  ('PBOC-SB-RL', 'SMALL_BUSINESS_RELENDING', 'PBOC', '支小再贷款', 'Small-business re-lending',
   '中国人民银行；一年期利率2025-05-07起1.5%，2026-01-19起1.25%（FACTS §1）', 'system'),
  ('PBOC-REDISCOUNT', 'REDISCOUNT', 'PBOC', '再贴现', 'Rediscount',
   '商业汇票承兑、贴现与再贴现管理办法（2023-01-01施行）：票据期限不超过6个月（FACTS §1、§10）', 'system'),
  ('MOF-EQUIP-SUBSIDY', 'CENTRAL_SUBSIDY', 'MOF', '设备更新贷款财政贴息', 'Central interest subsidy on equipment-renewal loans',
   '财政部：享受再贷款支持、列入设备更新项目清单的贷款，年贴息1个百分点，2024-07起1.5个百分点，最长2年；2026年起扩至2026年发放的科技创新再贷款支持贷款，执行至2026-12-31（FACTS §1）', 'system'),
  ('NFGF-20-40-20-20', 'GUARANTEE_SCHEME', 'MOF', '国家融资担保基金再担保合作（20:40:20:20）',
   'National financing guarantee fund re-guarantee cooperation (20:40:20:20)',
   '国办发〔2019〕6号：政府性融资担保平均费率低于1%，银行分担不低于20%；国家融资担保基金分险模式之一（FACTS §10）', 'system');

INSERT INTO policy_programme_version (programme_id, version, effective_from, terms, eligibility, note, created_by)
SELECT p.id, v.version, v.effective_from, v.terms::jsonb, v.eligibility::jsonb, v.note, 'system'
  FROM policy_programme p
  JOIN (VALUES
    ('PBOC-TECH-RL', 1, DATE '2024-04-07',
     '{"quotaYuan": "500000000000.00", "ratePercent": "1.75", "sharePercent": "60", "termMonths": 12, "rollovers": 2}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "listTypes": ["TECH_SME", "TECH_TRANSFORMATION", "EQUIPMENT_RENEWAL"]}',
     '设立：额度5000亿元，利率1.75%，按贷款本金的60%发放，期限1年可展期2次；先贷后借'),
    ('PBOC-TECH-RL', 2, DATE '2025-05-07',
     '{"quotaYuan": "800000000000.00", "ratePercent": "1.5", "sharePercent": "60", "termMonths": 12, "rollovers": 2}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "listTypes": ["TECH_SME", "TECH_TRANSFORMATION", "EQUIPMENT_RENEWAL"]}',
     '额度增至8000亿元，利率降至1.5%'),
    ('PBOC-TECH-RL', 3, DATE '2026-01-15',
     '{"quotaYuan": "1200000000000.00", "ratePercent": "1.5", "sharePercent": "60", "termMonths": 12, "rollovers": 2}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "listTypes": ["TECH_SME", "TECH_TRANSFORMATION", "EQUIPMENT_RENEWAL"]}',
     '额度增至1.2万亿元；研发投入较高的民营中小企业纳入支持范围'),
    ('PBOC-TECH-RL', 4, DATE '2026-01-19',
     '{"quotaYuan": "1200000000000.00", "ratePercent": "1.25", "sharePercent": "60", "termMonths": 12, "rollovers": 2}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "listTypes": ["TECH_SME", "TECH_TRANSFORMATION", "EQUIPMENT_RENEWAL"]}',
     '利率降至1.25%'),
    ('PBOC-CARBON', 1, DATE '2021-11-08',
     '{"ratePercent": "1.75", "sharePercent": "60", "termMonths": 12, "rollovers": 2, "loanRateCondition": "贷款利率与同期限档次LPR大致持平"}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "greenCodeRequired": true}',
     '设立：按碳减排贷款本金的60%提供资金支持，利率1.75%'),
    ('PBOC-CARBON', 2, DATE '2025-05-07',
     '{"ratePercent": "1.5", "sharePercent": "60", "termMonths": 12, "rollovers": 2, "loanRateCondition": "贷款利率与同期限档次LPR大致持平"}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "greenCodeRequired": true}',
     '利率降至1.5%'),
    ('PBOC-CARBON', 3, DATE '2026-01-19',
     '{"ratePercent": "1.25", "sharePercent": "60", "termMonths": 12, "rollovers": 2, "loanRateCondition": "贷款利率与同期限档次LPR大致持平"}',
     '{"institutionTypes": ["POLICY_BANK", "LARGE_STATE_OWNED_BANK", "JOINT_STOCK_BANK"], "greenCodeRequired": true}',
     '利率降至1.25%'),
    ('PBOC-SB-RL', 1, DATE '2025-05-07', '{"ratePercent": "1.5", "termMonths": 12}', '{}', '一年期利率1.5%'),
    ('PBOC-SB-RL', 2, DATE '2026-01-19', '{"ratePercent": "1.25", "termMonths": 12}', '{}', '一年期利率降至1.25%'),
    ('PBOC-REDISCOUNT', 1, DATE '2023-01-01', '{"maxTenorMonths": 6}', '{}', '票据期限不超过6个月，与贸易背景相匹配'),
    ('MOF-EQUIP-SUBSIDY', 1, DATE '2024-04-01', '{"subsidyPoints": "1", "maxYears": 2, "validTo": "2026-12-31"}',
     '{"listTypes": ["EQUIPMENT_RENEWAL"]}', '年贴息1个百分点，自放款起最长2年；须享受再贷款支持并列入设备更新项目清单'),
    ('MOF-EQUIP-SUBSIDY', 2, DATE '2024-07-01', '{"subsidyPoints": "1.5", "maxYears": 2, "validTo": "2026-12-31"}',
     '{"listTypes": ["EQUIPMENT_RENEWAL"]}', '贴息提高至1.5个百分点'),
    ('MOF-EQUIP-SUBSIDY', 3, DATE '2026-01-01', '{"subsidyPoints": "1.5", "maxYears": 2, "validTo": "2026-12-31"}',
     '{"listTypes": ["EQUIPMENT_RENEWAL", "TECH_SME", "TECH_TRANSFORMATION"], "loansFrom": "2026-01-01"}',
     '扩至2026年发放的科技创新再贷款支持贷款；执行至2026-12-31'),
    ('NFGF-20-40-20-20', 1, DATE '2019-02-14',
     '{"feeTargetPercent": "1", "coveragePercent": "80", "bankSharePercent": "20", "agencySharePercent": "40", "reguarantorSharePercent": "20", "nationalFundSharePercent": "20"}',
     '{"institutionTypes": ["GOVERNMENT_GUARANTEE_AGENCY"]}',
     '平均担保费率目标低于1%；损失按银行20%、担保机构40%、省级再担保20%、国家融资担保基金20%分担')
  ) AS v (code, version, effective_from, terms, eligibility, note) ON v.code = p.code;
