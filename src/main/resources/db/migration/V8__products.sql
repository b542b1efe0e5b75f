-- Financing products of institutions, with eligibility clauses (CEL) and effective dates.
CREATE TABLE product
(
  id                BIGSERIAL PRIMARY KEY,
  code              TEXT    NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{2,40}$'),
  institution_id    BIGINT  NOT NULL REFERENCES institution (id),
  name              TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  name_en           TEXT CHECK (name_en IS NULL OR length(name_en) <= 200),
  type              TEXT    NOT NULL,
  min_amount        NUMERIC(20, 2) NOT NULL CHECK (min_amount >= 0),
  max_amount        NUMERIC(20, 2) NOT NULL,
  min_term_months   INT     NOT NULL CHECK (min_term_months >= 1),
  max_term_months   INT     NOT NULL,
  pricing           TEXT    NOT NULL CHECK (pricing IN ('LPR_SPREAD', 'FIXED', 'NONE')),
  spread_min_bp     INT,
  spread_max_bp     INT,
  fixed_rate        NUMERIC(7, 4) CHECK (fixed_rate IS NULL OR (fixed_rate >= 0 AND fixed_rate < 100)),
  security          TEXT    NOT NULL CHECK (security IN ('CREDIT', 'GUARANTEE', 'COLLATERAL', 'PLEDGE')),
  target_chains     TEXT    NOT NULL DEFAULT '',
  target_sizes      TEXT    NOT NULL DEFAULT '',
  target_regions    TEXT    NOT NULL DEFAULT '',
  status            TEXT    NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
  effective_from    DATE,
  effective_to      DATE,
  version           INT     NOT NULL DEFAULT 0,
  created_by        TEXT    NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (max_amount >= min_amount),
  CHECK (max_term_months >= min_term_months),
  CHECK (pricing <> 'LPR_SPREAD' OR (spread_min_bp IS NOT NULL AND spread_max_bp >= spread_min_bp)),
  CHECK (pricing <> 'FIXED' OR fixed_rate IS NOT NULL),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from)
);
CREATE INDEX product_institution ON product (institution_id);
CREATE INDEX product_status_type ON product (status, type);

CREATE TABLE product_clause
(
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  seq        INT    NOT NULL CHECK (seq >= 1),
  label_zh   TEXT   NOT NULL CHECK (length(label_zh) BETWEEN 1 AND 200),
  label_en   TEXT   NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  expression TEXT   NOT NULL CHECK (length(expression) BETWEEN 1 AND 2000),
  PRIMARY KEY (product_id, seq)
);
