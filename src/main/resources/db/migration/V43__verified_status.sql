-- Verified or declared status (issue 17 §4). What an enterprise types is declared and buys nothing;
-- a status is verified by the issuing authority's list or a regulator's confirmation, within its
-- validity.

-- The issuing authorities' lists as regulators import them (POST /api/v1/status-lists), by credit code:
-- a list names enterprises nationwide, registered here or not. A row imported again (same list,
-- credit code and start) replaces its issuer, document and end.
CREATE TABLE enterprise_status_list
(
  id          BIGSERIAL PRIMARY KEY,
  list        TEXT        NOT NULL CHECK (list IN ('SPECIALISED_SME', 'LITTLE_GIANT', 'HIGH_TECH', 'CHAIN_LEADER',
                                                   'FIRST_SET', 'GREEN_FACTORY')),
  issuer      TEXT        NOT NULL CHECK (length(issuer) BETWEEN 2 AND 200),
  document    TEXT        NOT NULL CHECK (length(document) BETWEEN 2 AND 200),
  credit_code TEXT        NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  valid_from  DATE        NOT NULL,
  valid_to    DATE,
  imported_by TEXT        NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (list, credit_code, valid_from)
);
CREATE INDEX enterprise_status_list_code ON enterprise_status_list (credit_code, list);

-- A regulator's confirmation verifies a qualification: who confirmed it (null = declared by the enterprise).
ALTER TABLE enterprise_qualification ADD COLUMN confirmed_by TEXT;

-- The green-factory list verifies a qualification of its own.
ALTER TABLE enterprise_qualification DROP CONSTRAINT enterprise_qualification_type_check;
ALTER TABLE enterprise_qualification ADD CONSTRAINT enterprise_qualification_type_check
  CHECK (type IN ('HIGH_TECH', 'TECH_SME', 'INNOVATIVE_SME', 'SPECIALISED_SME', 'LITTLE_GIANT', 'SINGLE_CHAMPION',
                  'CHAIN_LEADER', 'FIRST_SET', 'GREEN_FACTORY'));

-- The eight key chains of measure (一) of the Guidance — 集成电路、工业母机、医疗装备、服务器、仪器仪表、
-- 基础软件、工业软件、先进材料 — as ChainTag names them (StatusRulesTests pins this list to ChainTag); the
-- emerging and future industries are not key chains.
CREATE VIEW enterprise_key_chain_tag_view AS
SELECT enterprise_id, tag FROM enterprise_chain_tag
WHERE tag IN ('IC', 'MACHINE_TOOLS', 'MEDICAL_EQUIPMENT', 'SERVERS', 'INSTRUMENTS', 'BASIC_SOFTWARE', 'INDUSTRIAL_SOFTWARE',
              'ADVANCED_MATERIALS');

-- loan_tag.key_chain counts the eight key chains only (it counted any tag, emerging and future too).
CREATE OR REPLACE VIEW loan_tag AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id,
       e.industry_code LIKE 'C%' AS manufacturing,
       l.term_months > 12 AS medium_long_term,
       NOT EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = l.id) AS unsecured,
       EXISTS (SELECT 1 FROM enterprise_key_chain_tag_view t WHERE t.enterprise_id = l.borrower_id) AS key_chain,
       EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = l.borrower_id AND q.type = 'TECH_SME'
                 AND (q.valid_to IS NULL OR q.valid_to >= coalesce(l.disbursed_on, current_date))) AS tech_sme,
       e.ownership = 'PRIVATE' AS private_enterprise,
       l.purpose = 'TECH_TRANSFORMATION' AS tech_transformation,
       l.purpose = 'EQUIPMENT_RENEWAL' AS equipment_renewal,
       coalesce(l.first_loan, FALSE) AS first_loan,
       l.green_catalogue_code IS NOT NULL AS green
FROM loan l
JOIN enterprise e ON e.id = l.borrower_id;

-- Eligibility clauses name verified and declared status apart: a stored clause on the old variables
-- reads the verified qualifications (the old name never meant "as typed") and the declared chain tags
-- (a chain a product is aimed at, which buys nothing by itself).
UPDATE product_clause SET expression = regexp_replace(expression, 'e\.qualifications\M', 'e.verifiedQualifications', 'g')
WHERE expression ~ 'e\.qualifications\M';
UPDATE product_clause SET expression = regexp_replace(expression, 'e\.chainTags\M', 'e.declaredChainTags', 'g')
WHERE expression ~ 'e\.chainTags\M';
