-- Collateral and guarantees attached to loans, and the registry's cancellation tasks.

CREATE TABLE loan_security
(
  id             BIGSERIAL PRIMARY KEY,
  loan_id        BIGINT NOT NULL REFERENCES loan (id),
  kind           TEXT   NOT NULL CHECK (kind IN ('COLLATERAL', 'PLEDGE', 'GUARANTEE')),
  description    TEXT   NOT NULL CHECK (length(description) BETWEEN 2 AND 500),
  value          NUMERIC(20, 2) NOT NULL CHECK (value >= 0),
  guarantor      TEXT CHECK (guarantor IS NULL OR length(guarantor) BETWEEN 2 AND 200),
  filing_number  TEXT,
  created_by     TEXT   NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (kind <> 'GUARANTEE' OR guarantor IS NOT NULL)
);
CREATE INDEX loan_security_loan ON loan_security (loan_id);

-- A loan is unsecured (信用贷款) when nothing secures it: derived from the attachments, not typed.
CREATE OR REPLACE VIEW loan_tag AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id,
       e.industry_code LIKE 'C%' AS manufacturing,
       l.term_months > 12 AS medium_long_term,
       NOT EXISTS (SELECT 1 FROM loan_security s WHERE s.loan_id = l.id) AS unsecured,
       EXISTS (SELECT 1 FROM enterprise_chain_tag t WHERE t.enterprise_id = l.borrower_id) AS key_chain,
       EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = l.borrower_id AND q.type = 'TECH_SME'
                 AND (q.valid_to IS NULL OR q.valid_to >= coalesce(l.disbursed_on, current_date))) AS tech_sme,
       e.ownership = 'PRIVATE' AS private_enterprise,
       l.purpose = 'TECH_TRANSFORMATION' AS tech_transformation,
       l.purpose = 'EQUIPMENT_RENEWAL' AS equipment_renewal
FROM loan l
JOIN enterprise e ON e.id = l.borrower_id;

-- After the secured debt is repaid the secured party must cancel its filing within a number of working
-- days (FACTS §3). Done when the filing is cancelled.
CREATE TABLE registry_cancellation_task
(
  id             BIGSERIAL PRIMARY KEY,
  filing_id      BIGINT NOT NULL REFERENCES registry_filing (id),
  secured_party  BIGINT NOT NULL REFERENCES institution (id),
  reason         TEXT   NOT NULL,
  raised_on      DATE   NOT NULL,
  due_on         DATE   NOT NULL,
  done_on        DATE,
  UNIQUE (filing_id, reason)
);
CREATE INDEX registry_cancellation_task_open ON registry_cancellation_task (secured_party, due_on) WHERE done_on IS NULL;
