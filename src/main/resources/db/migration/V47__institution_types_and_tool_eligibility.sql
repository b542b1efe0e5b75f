-- Institution types become a closed list, and a policy tool's participants are checked against the
-- types the tool admits (issue 17 §7). Both are data: the list is a reference table that
-- institution.type references; who may take part in which tool is effective-dated rows, each citing
-- its source, so a change of the PBOC's list is a new row (docs/INSTITUTIONS.md).

-- The kinds of institution, in the order of the Java enum InstitutionType (which holds the same
-- names; PolicyToolEligibilityIntegrationTests keeps the two and the workbench's words equal).
CREATE TABLE institution_type
(
  code    TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,39}$'),
  seq     SMALLINT NOT NULL UNIQUE CHECK (seq > 0),
  name_zh TEXT     NOT NULL UNIQUE CHECK (length(name_zh) BETWEEN 2 AND 50),
  name_en TEXT     NOT NULL UNIQUE CHECK (length(name_en) BETWEEN 2 AND 100)
);
INSERT INTO institution_type (code, seq, name_zh, name_en) VALUES
  ('POLICY_BANK', 1, '政策性银行', 'Policy bank'),
  ('LARGE_STATE_OWNED_BANK', 2, '大型国有商业银行', 'Large state-owned bank'),
  ('JOINT_STOCK_BANK', 3, '股份制商业银行', 'Joint-stock bank'),
  ('CITY_COMMERCIAL_BANK', 4, '城市商业银行', 'City commercial bank'),
  ('RURAL_COMMERCIAL_BANK', 5, '农村商业银行', 'Rural commercial bank'),
  ('RURAL_COOPERATIVE', 6, '农村合作金融机构', 'Rural cooperative'),
  ('VILLAGE_BANK', 7, '村镇银行', 'Village bank'),
  ('PRIVATE_BANK', 8, '民营银行', 'Private bank'),
  ('FOREIGN_BANK', 9, '外资银行', 'Foreign bank'),
  ('FINANCE_COMPANY', 10, '财务公司', 'Finance company'),
  ('INSURER', 11, '保险公司', 'Insurer'),
  ('SECURITIES_FIRM', 12, '证券公司', 'Securities firm'),
  ('FUND_VC', 13, '基金/创投机构', 'Fund or venture capital'),
  ('GOVERNMENT_GUARANTEE_AGENCY', 14, '政府性融资担保机构', 'Government financing-guarantee agency'),
  ('OTHER_GUARANTEE_AGENCY', 15, '其他担保机构', 'Other guarantee agency'),
  ('FINANCIAL_LEASING', 16, '金融租赁公司', 'Financial leasing company'),
  ('FACTORING', 17, '商业保理公司', 'Factoring company'),
  ('ASSET_MANAGEMENT_COMPANY', 18, '金融资产管理公司', 'Asset management company');

-- Yesterday's free text becomes a code when it is one: a code in any case or spacing
-- ('joint stock bank', 'City-Commercial-Bank'), a name of the list in either language, or a common
-- Chinese label (城商行, 农商行, 农信社…). A label that could mean two kinds (融资担保公司: government
-- or not) is not listed, and nothing is guessed: the check below stops the migration.
WITH label (text, code) AS (
  SELECT code, code FROM institution_type
  UNION ALL SELECT name_zh, code FROM institution_type
  UNION ALL SELECT name_en, code FROM institution_type
  UNION ALL VALUES
    ('开发性金融机构', 'POLICY_BANK'), ('政策性银行', 'POLICY_BANK'),
    ('国有大型商业银行', 'LARGE_STATE_OWNED_BANK'), ('国有大型银行', 'LARGE_STATE_OWNED_BANK'),
    ('国有大行', 'LARGE_STATE_OWNED_BANK'), ('国有商业银行', 'LARGE_STATE_OWNED_BANK'),
    ('大型商业银行', 'LARGE_STATE_OWNED_BANK'),
    ('全国性股份制商业银行', 'JOINT_STOCK_BANK'), ('股份制银行', 'JOINT_STOCK_BANK'), ('股份行', 'JOINT_STOCK_BANK'),
    ('城商行', 'CITY_COMMERCIAL_BANK'),
    ('农商行', 'RURAL_COMMERCIAL_BANK'), ('农商银行', 'RURAL_COMMERCIAL_BANK'),
    ('农村信用社', 'RURAL_COOPERATIVE'), ('农信社', 'RURAL_COOPERATIVE'), ('农村合作银行', 'RURAL_COOPERATIVE'),
    ('农村信用合作联社', 'RURAL_COOPERATIVE'), ('农村信用合作社', 'RURAL_COOPERATIVE'),
    ('外国银行', 'FOREIGN_BANK'), ('外资法人银行', 'FOREIGN_BANK'),
    ('企业集团财务公司', 'FINANCE_COMPANY'),
    ('保险机构', 'INSURER'),
    ('券商', 'SECURITIES_FIRM'),
    ('创投机构', 'FUND_VC'), ('创业投资机构', 'FUND_VC'), ('私募股权投资基金', 'FUND_VC'),
    ('政府性融资担保公司', 'GOVERNMENT_GUARANTEE_AGENCY'),
    ('金融租赁', 'FINANCIAL_LEASING'), ('融资租赁公司', 'FINANCIAL_LEASING'), ('融资租赁', 'FINANCIAL_LEASING'),
    ('商业保理', 'FACTORING'), ('保理公司', 'FACTORING'),
    ('资产管理公司', 'ASSET_MANAGEMENT_COMPANY'), ('AMC', 'ASSET_MANAGEMENT_COMPANY')
),
-- one key for both sides: trimmed, lower case, runs of blanks, hyphens and underscores as one '_'
keyed AS (
  SELECT DISTINCT lower(regexp_replace(btrim(text, E' \t\r\n　'), '[[:space:]　_-]+', '_', 'g')) AS key, code FROM label
)
UPDATE institution i SET type = k.code
FROM keyed k
WHERE i.type NOT IN (SELECT code FROM institution_type)
  AND k.key = lower(regexp_replace(btrim(i.type, E' \t\r\n　'), '[[:space:]　_-]+', '_', 'g'));

-- What no label reaches ('BANK', which names no kind) stops the migration with the rows to fix: an
-- operator sets each to a code (UPDATE institution SET type = 'CITY_COMMERCIAL_BANK' WHERE id = …)
-- and starts the platform again, which runs this migration again from the start.
DO
$$
DECLARE
  unmapped TEXT;
BEGIN
  SELECT string_agg(format('id %s %s %L', id, name, type), '; ' ORDER BY id) INTO unmapped
  FROM institution WHERE type NOT IN (SELECT code FROM institution_type);
  IF unmapped IS NOT NULL THEN
    RAISE EXCEPTION 'institution.type: these values name no institution type, and V47 does not guess one: %. Set each to a code of institution_type (UPDATE institution SET type = ''<code>'' WHERE id = <id>) and start again.',
      unmapped;
  END IF;
END
$$;

ALTER TABLE institution ADD CONSTRAINT institution_type_fkey FOREIGN KEY (type) REFERENCES institution_type (code);

-- Which types may take part in which structural tool, effective-dated: in force from valid_from until
-- the day before valid_to (open-ended when null), as source says. A participation is judged on its
-- first day (PolicyToolEligibility).
CREATE TABLE institution_policy_tool_eligibility
(
  id               BIGSERIAL PRIMARY KEY,
  tool             TEXT NOT NULL CHECK (tool IN ('TECH_RELENDING', 'CARBON_REDUCTION', 'SMALL_BUSINESS_RELENDING',
                                                   'REDISCOUNT', 'EQUIPMENT_RENEWAL_SUBSIDY')),
  institution_type TEXT NOT NULL REFERENCES institution_type (code),
  valid_from       DATE NOT NULL,
  valid_to         DATE,
  source           TEXT NOT NULL CHECK (length(source) BETWEEN 20 AND 2000),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (tool, institution_type, valid_from)
);

INSERT INTO institution_policy_tool_eligibility (tool, institution_type, valid_from, valid_to, source)
SELECT r.tool, t.type, r.valid_from::date, r.valid_to::date, r.source
FROM (VALUES
  ('TECH_RELENDING', ARRAY['POLICY_BANK', 'LARGE_STATE_OWNED_BANK', 'JOINT_STOCK_BANK'], '2024-04-07', NULL,
   '中国人民银行设立科技创新和技术改造再贷款（2024-04-07），对象为21家全国性银行：国家开发银行、进出口银行、农业发展银行，'
   || '6家国有大型商业银行和12家股份制商业银行（FACTS §1） / PBOC created the technology-innovation and '
   || 'technological-transformation re-lending on 2024-04-07 for the 21 national banks: the three policy banks, the six '
   || 'large state-owned banks and the twelve joint-stock banks (FACTS §1)'),
  ('CARBON_REDUCTION', ARRAY['POLICY_BANK', 'LARGE_STATE_OWNED_BANK', 'JOINT_STOCK_BANK'], '2021-11-08', NULL,
   '中国人民银行推出碳减排支持工具（2021-11-08），对象为全国性金融机构，按贷款本金的60%提供资金（FACTS §1）；此后逐家纳入的部分'
   || '外资银行和地方法人银行不按类型确定，未录入 / PBOC launched the carbon-emission-reduction support tool on '
   || '2021-11-08 for the national financial institutions, 60 % of principal (FACTS §1); the selected foreign and local '
   || 'banks admitted later one by one, not by type, are not recorded'),
  ('SMALL_BUSINESS_RELENDING', ARRAY['CITY_COMMERCIAL_BANK', 'RURAL_COMMERCIAL_BANK', 'RURAL_COOPERATIVE', 'VILLAGE_BANK',
                                     'PRIVATE_BANK'], '2014-03-20', NULL,
   '中国人民银行支小再贷款（2014年开办），对象为地方法人银行：城市商业银行、农村商业银行、农村合作金融机构、村镇银行、民营银行'
   || '（FACTS §1）；开办日期为文档默认值（可配置），未经原文核对 / PBOC small-business re-lending (since 2014) for local '
   || 'corporate banks: city and rural commercial banks, rural cooperatives, village banks and private banks (FACTS §1); '
   || 'the start date is a documented default (configurable), not checked against the notice'),
  ('REDISCOUNT', ARRAY['POLICY_BANK', 'LARGE_STATE_OWNED_BANK', 'JOINT_STOCK_BANK', 'CITY_COMMERCIAL_BANK',
                       'RURAL_COMMERCIAL_BANK', 'RURAL_COOPERATIVE', 'VILLAGE_BANK', 'PRIVATE_BANK', 'FOREIGN_BANK'],
   '1997-05-22', NULL,
   '《商业汇票承兑、贴现与再贴现管理暂行办法》（银发〔1997〕216号），2023-01-01起为《商业汇票承兑、贴现与再贴现管理办法》'
   || '（中国人民银行 中国银行保险监督管理委员会令〔2022〕第4号）：人民银行对银行持有的已贴现未到期商业汇票办理再贴现；财务公司等'
   || '非银行机构未列入（文档默认值） / Rediscount under the 1997 interim measures on commercial bills and, from '
   || '2023-01-01, the 2022 measures: the PBOC rediscounts bills that banks have discounted; finance companies and other '
   || 'non-banks are left out (documented default)'),
  ('EQUIPMENT_RENEWAL_SUBSIDY', ARRAY['POLICY_BANK', 'LARGE_STATE_OWNED_BANK', 'JOINT_STOCK_BANK'], '2024-03-07',
   '2027-01-01',
   '财政部等《关于实施设备更新贷款财政贴息政策的通知》（财金〔2024〕54号）：对2024-03-07起发放并获得人民银行设备更新相关再贷款'
   || '支持的贷款贴息，经办银行为发放这些贷款的全国性银行；财金〔2024〕155号延期；2026年起亦覆盖科技创新贷款，实施至2026-12-31，'
   || '经办银行26家（FACTS §1），全国性银行以外的经办银行未核实，未录入 / MOF and others, Caijin [2024] 54: interest '
   || 'subsidy on loans paid out from 2024-03-07 with PBOC equipment-renewal re-lending, handled by the national banks '
   || 'that lend them; extended by Caijin [2024] 155; from 2026 tech-innovation loans too, until 2026-12-31, 26 handling '
   || 'banks (FACTS §1): those beyond the national banks are not confirmed and not recorded')
) AS r (tool, types, valid_from, valid_to, source)
CROSS JOIN LATERAL unnest(r.types) AS t (type);

-- Participation recorded before this check that the rules do not allow (a city commercial bank in the
-- tech re-lending, as the first demo had it) is neither kept in force nor silently lost: it moves here
-- with the rule key that refuses it, for an administrator to read.
CREATE TABLE institution_policy_tool_set_aside
(
  id             BIGINT      PRIMARY KEY,
  institution_id BIGINT      NOT NULL REFERENCES institution (id),
  tool           TEXT        NOT NULL,
  valid_from     DATE        NOT NULL,
  valid_to       DATE,
  reason         TEXT        NOT NULL CHECK (reason IN ('institution.policy-tool.ineligible',
                                                        'institution.policy-tool.not-in-force')),
  set_aside_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

WITH moved AS (
  DELETE FROM institution_policy_tool p USING institution i
  WHERE i.id = p.institution_id
    AND NOT EXISTS (SELECT 1 FROM institution_policy_tool_eligibility e
                    WHERE e.tool = p.tool AND e.institution_type = i.type AND e.valid_from <= p.valid_from
                      AND (e.valid_to IS NULL OR e.valid_to > p.valid_from))
  RETURNING p.id, p.institution_id, p.tool, p.valid_from, p.valid_to
)
INSERT INTO institution_policy_tool_set_aside (id, institution_id, tool, valid_from, valid_to, reason)
SELECT m.id, m.institution_id, m.tool, m.valid_from, m.valid_to,
       CASE WHEN EXISTS (SELECT 1 FROM institution_policy_tool_eligibility e
                         WHERE e.tool = m.tool AND e.valid_from <= m.valid_from
                           AND (e.valid_to IS NULL OR e.valid_to > m.valid_from))
            THEN 'institution.policy-tool.ineligible' ELSE 'institution.policy-tool.not-in-force' END
FROM moved m;
