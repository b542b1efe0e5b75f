-- Financing matchmaking (产融对接): needs, precomputed eligibility, institutions' interest; project lists
-- pushed by regulators and tracked per institution; roadshows (一月一链); and the statistics module's
-- aggregates, rebuilt from the views the other modules publish.

CREATE TABLE financing_need
(
  id              BIGSERIAL PRIMARY KEY,
  enterprise_id   BIGINT         NOT NULL REFERENCES enterprise (id),
  amount          NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  term_months     INT            NOT NULL CHECK (term_months BETWEEN 1 AND 360),
  purpose         TEXT           NOT NULL,
  product_types   TEXT[]         NOT NULL DEFAULT '{}',
  collateral      TEXT           NOT NULL CHECK (collateral IN ('NONE', 'GUARANTEE', 'COLLATERAL', 'PLEDGE')),
  urgency         TEXT           NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT')),
  visibility      TEXT           NOT NULL CHECK (visibility IN ('ALL', 'CHOSEN')),
  chosen          BIGINT[]       NOT NULL DEFAULT '{}',
  use_credit_data BOOLEAN        NOT NULL DEFAULT FALSE,
  decision_id     BIGINT,
  status          TEXT           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'WITHDRAWN')),
  published_on    DATE           NOT NULL,
  created_by      TEXT           NOT NULL,
  created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
  version         INT            NOT NULL DEFAULT 0,
  CHECK (visibility = 'ALL' OR cardinality(chosen) > 0)
);
CREATE INDEX financing_need_enterprise ON financing_need (enterprise_id);
CREATE INDEX financing_need_open ON financing_need (status, published_on);

-- Eligibility of an enterprise with an open need against every published product in effect: one row
-- per enterprise, so a need's matching reads one short list. eligible: the products whose clauses and
-- targets it meets; near: the products it misses by exactly one condition, with that condition's labels
-- ({"<product id>": ["中文", "English"]}). Rewritten per enterprise, or patched per product, on events.
CREATE TABLE need_eligibility
(
  enterprise_id BIGINT      PRIMARY KEY,
  eligible      BIGINT[]    NOT NULL DEFAULT '{}',
  near          JSONB       NOT NULL DEFAULT '{}',
  evaluations   BIGINT      NOT NULL DEFAULT 0,
  computed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX need_eligibility_products ON need_eligibility USING gin (eligible);

CREATE TABLE need_interest
(
  need_id        BIGINT      NOT NULL REFERENCES financing_need (id),
  institution_id BIGINT      NOT NULL REFERENCES institution (id),
  product_id     BIGINT REFERENCES product (id),
  note           TEXT CHECK (note IS NULL OR length(note) <= 500),
  by_user        TEXT        NOT NULL,
  at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (need_id, institution_id)
);

-- Candidate lists pushed by regulators (备选企业名单 / 项目清单), one row per item, one push per item and
-- institution, with every step kept.
CREATE TABLE project_list
(
  id           BIGSERIAL PRIMARY KEY,
  batch_no     TEXT        NOT NULL CHECK (length(batch_no) BETWEEN 1 AND 40),
  list_type    TEXT        NOT NULL CHECK (list_type IN ('TECH_SME', 'TECH_TRANSFORMATION', 'EQUIPMENT_RENEWAL', 'KEY_CHAIN')),
  department   TEXT        NOT NULL,
  region_code  CHAR(6),
  issued_by    TEXT        NOT NULL,
  issued_on    DATE        NOT NULL,
  contact_days INT         NOT NULL CHECK (contact_days BETWEEN 1 AND 60),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (department, batch_no, list_type)
);

CREATE TABLE project_item
(
  id               BIGSERIAL PRIMARY KEY,
  list_id          BIGINT         NOT NULL REFERENCES project_list (id),
  line             INT            NOT NULL,
  credit_code      CHAR(18)       NOT NULL,
  enterprise_id    BIGINT REFERENCES enterprise (id),
  enterprise_name  TEXT           NOT NULL,
  project_name     TEXT           NOT NULL CHECK (length(project_name) BETWEEN 2 AND 200),
  investment       NUMERIC(20, 2) NOT NULL CHECK (investment >= 0),
  financing_needed NUMERIC(20, 2) NOT NULL CHECK (financing_needed > 0),
  region_code      CHAR(6),
  UNIQUE (list_id, credit_code, project_name)
);

CREATE TABLE project_push
(
  item_id          BIGINT         NOT NULL REFERENCES project_item (id),
  institution_id   BIGINT         NOT NULL REFERENCES institution (id),
  status           TEXT           NOT NULL CHECK (status IN ('PUSHED', 'CONTACTED', 'DUE_DILIGENCE', 'APPROVED',
                                    'SIGNED', 'DISBURSED', 'DECLINED', 'WITHDRAWN')),
  pushed_on        DATE           NOT NULL,
  contact_due      DATE           NOT NULL,
  contacted_on     DATE,
  signed_amount    NUMERIC(20, 2) CHECK (signed_amount IS NULL OR signed_amount > 0),
  disbursed_amount NUMERIC(20, 2) CHECK (disbursed_amount IS NULL OR disbursed_amount > 0),
  loan_id          BIGINT REFERENCES loan (id),
  decline_reason   TEXT CHECK (decline_reason IS NULL OR decline_reason IN ('NO_NEED', 'FINANCED_ELSEWHERE',
                                    'DOCUMENTS_INCOMPLETE', 'FAILS_CREDIT_POLICY', 'OTHER')),
  version          INT            NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, institution_id),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
  CHECK (status NOT IN ('SIGNED', 'DISBURSED') OR signed_amount IS NOT NULL),
  CHECK (status <> 'DISBURSED' OR (disbursed_amount IS NOT NULL AND loan_id IS NOT NULL))
);
CREATE INDEX project_push_institution ON project_push (institution_id, status);

CREATE TABLE project_push_step
(
  item_id        BIGINT      NOT NULL,
  institution_id BIGINT      NOT NULL,
  seq            INT         NOT NULL,
  status         TEXT        NOT NULL,
  on_date        DATE        NOT NULL,
  implied        BOOLEAN     NOT NULL DEFAULT FALSE,
  actor          TEXT        NOT NULL,
  note           TEXT,
  at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, institution_id, seq),
  FOREIGN KEY (item_id, institution_id) REFERENCES project_push (item_id, institution_id)
);

-- Roadshows (一月一链): one event per chain and month.
CREATE TABLE roadshow
(
  id          BIGSERIAL PRIMARY KEY,
  chain       TEXT        NOT NULL,
  month       DATE        NOT NULL CHECK (extract(day FROM month) = 1),
  title       TEXT        NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  region_code CHAR(6),
  department  TEXT        NOT NULL,
  created_by  TEXT        NOT NULL,
  summary     TEXT CHECK (summary IS NULL OR length(summary) <= 4000),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (chain, month, region_code)
);

CREATE TABLE roadshow_enterprise
(
  roadshow_id   BIGINT      NOT NULL REFERENCES roadshow (id),
  enterprise_id BIGINT      NOT NULL REFERENCES enterprise (id),
  pitch         TEXT CHECK (pitch IS NULL OR length(pitch) <= 1000),
  seeking       NUMERIC(20, 2) CHECK (seeking IS NULL OR seeking > 0),
  applied_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (roadshow_id, enterprise_id)
);

CREATE TABLE roadshow_interest
(
  roadshow_id     BIGINT         NOT NULL,
  enterprise_id   BIGINT         NOT NULL,
  institution_id  BIGINT         NOT NULL REFERENCES institution (id),
  intended_amount NUMERIC(20, 2) NOT NULL CHECK (intended_amount > 0),
  signed_amount   NUMERIC(20, 2) CHECK (signed_amount IS NULL OR signed_amount > 0),
  by_user         TEXT           NOT NULL,
  at              TIMESTAMPTZ    NOT NULL DEFAULT now(),
  PRIMARY KEY (roadshow_id, enterprise_id, institution_id),
  FOREIGN KEY (roadshow_id, enterprise_id) REFERENCES roadshow_enterprise (roadshow_id, enterprise_id)
);

-- Published views the statistics module reads (it never reads the base tables).
CREATE VIEW enterprise_fact_view AS
SELECT id, region_code, industry_code, ownership, founding_date, employees, annual_revenue FROM enterprise;

CREATE VIEW loan_fact_view AS
SELECT l.id AS loan_id, l.institution_id, l.borrower_id, p.type AS product_type, l.term_months, l.principal,
       l.disbursed_on, l.status, l.tier, l.principal_outstanding
FROM loan l LEFT JOIN product p ON p.id = l.product_id
WHERE l.disbursed_on IS NOT NULL;

CREATE VIEW matching_need_view AS
SELECT n.id AS need_id, n.enterprise_id, n.amount, n.published_on, n.status,
       coalesce((SELECT cardinality(g.eligible) > 0 FROM need_eligibility g WHERE g.enterprise_id = n.enterprise_id),
                FALSE) AS has_match,
       EXISTS (SELECT 1 FROM need_interest i WHERE i.need_id = n.id) AS has_interest
FROM financing_need n;

CREATE VIEW matching_push_view AS
SELECT p.item_id, p.institution_id, i.enterprise_id, coalesce(i.region_code, l.region_code) AS region_code, l.list_type,
       l.department, l.batch_no, l.id AS list_id, p.status, p.pushed_on, p.contact_due, p.contacted_on, p.signed_amount,
       p.disbursed_amount, p.loan_id,
       (SELECT array_agg(DISTINCT s.status) FROM project_push_step s WHERE s.item_id = p.item_id
          AND s.institution_id = p.institution_id) AS reached,
       (SELECT min(s.on_date) FROM project_push_step s WHERE s.item_id = p.item_id AND s.institution_id = p.institution_id
          AND s.status = 'SIGNED') AS signed_on
FROM project_push p JOIN project_item i ON i.id = p.item_id JOIN project_list l ON l.id = i.list_id;

-- Aggregates, rebuilt in one transaction by the statistics refresh. period: 'YTD' (year to the as-of
-- date) or a month 'YYYY-MM'; dim: TOTAL, CHAIN, INDUSTRY, SIZE, STAGE, OWNERSHIP,
-- PRODUCT_TYPE, TIER; '_ly' columns hold the same figure a year earlier; one row per
-- province so that a regional regulator's scope is a filter and the national figure a sum.
CREATE TABLE stat_figure
(
  period            TEXT           NOT NULL,
  province          CHAR(2)        NOT NULL,
  dim               TEXT           NOT NULL,
  key               TEXT           NOT NULL,
  enterprises       BIGINT         NOT NULL DEFAULT 0,
  needs             BIGINT         NOT NULL DEFAULT 0,
  need_amount       NUMERIC(22, 2) NOT NULL DEFAULT 0,
  matched_needs     BIGINT         NOT NULL DEFAULT 0,
  signed_amount     NUMERIC(22, 2) NOT NULL DEFAULT 0,
  disbursed_amount  NUMERIC(22, 2) NOT NULL DEFAULT 0,
  disbursements     BIGINT         NOT NULL DEFAULT 0,
  beneficiaries     BIGINT         NOT NULL DEFAULT 0,
  disbursed_ly      NUMERIC(22, 2) NOT NULL DEFAULT 0,
  balance           NUMERIC(22, 2) NOT NULL DEFAULT 0,
  balance_ly        NUMERIC(22, 2) NOT NULL DEFAULT 0,
  mfg_balance       NUMERIC(22, 2) NOT NULL DEFAULT 0,
  mlt_balance       NUMERIC(22, 2) NOT NULL DEFAULT 0,
  credit_balance    NUMERIC(22, 2) NOT NULL DEFAULT 0,
  npl_balance       NUMERIC(22, 2) NOT NULL DEFAULT 0,
  first_loan_borrowers BIGINT      NOT NULL DEFAULT 0,
  contributors      BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (period, dim, key, province)
);

CREATE TABLE stat_refresh
(
  id          INT PRIMARY KEY CHECK (id = 1),
  as_of       DATE,
  refreshed_at TIMESTAMPTZ,
  millis      BIGINT,
  institutions BIGINT,
  products    BIGINT,
  dirty       BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO stat_refresh (id, dirty) VALUES (1, TRUE);
