-- Institutions (financial institutions and guarantee agencies). The institution module grows this table.
CREATE TABLE institution
(
  id          BIGSERIAL PRIMARY KEY,
  credit_code CHAR(18) NOT NULL UNIQUE,
  name        TEXT     NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_en     TEXT CHECK (name_en IS NULL OR length(name_en) <= 200),
  type        TEXT     NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The enterprise registry. Size class and growth stage are derived on read, never stored.
CREATE TABLE enterprise
(
  id                     BIGSERIAL PRIMARY KEY,
  credit_code            CHAR(18)  NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  credit_code_override   TEXT CHECK (credit_code_override IS NULL OR length(credit_code_override) BETWEEN 5 AND 500),
  name                   TEXT      NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  name_en                TEXT CHECK (name_en IS NULL OR length(name_en) <= 200),
  region_code            CHAR(6)   NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  industry_code          TEXT      NOT NULL REFERENCES ref_industry (code),
  ownership              TEXT      NOT NULL CHECK (ownership IN ('STATE_OWNED', 'PRIVATE', 'FOREIGN_INVESTED', 'MIXED', 'COLLECTIVE')),
  founding_date          DATE      NOT NULL,
  employees              INT       NOT NULL CHECK (employees >= 0),
  annual_revenue         NUMERIC(20, 2) NOT NULL CHECK (annual_revenue >= 0),
  version                INT       NOT NULL DEFAULT 0 CHECK (version >= 0),
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by             TEXT      NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by             TEXT      NOT NULL
);
CREATE INDEX enterprise_region ON enterprise (region_code);
CREATE INDEX enterprise_industry ON enterprise (industry_code text_pattern_ops);
CREATE INDEX enterprise_name ON enterprise (name text_pattern_ops);

-- People and the tenant each belongs to.
CREATE TABLE app_user
(
  id             BIGSERIAL PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  password_hash  TEXT NOT NULL,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('ENTERPRISE', 'INSTITUTION', 'REGULATOR', 'ADMIN')),
  enterprise_id  BIGINT REFERENCES enterprise (id),
  institution_id BIGINT REFERENCES institution (id),
  authorities    TEXT NOT NULL DEFAULT '',
  department     TEXT CHECK (department IS NULL OR department IN ('PBOC', 'MIIT', 'NDRC', 'NFRA', 'MOF', 'CSRC', 'MOST', 'SASAC')),
  region_code    CHAR(6),
  enabled        BOOLEAN NOT NULL DEFAULT TRUE,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((role = 'ENTERPRISE') = (enterprise_id IS NOT NULL)),
  CHECK ((role = 'INSTITUTION') = (institution_id IS NOT NULL)),
  CHECK ((role = 'REGULATOR') = (department IS NOT NULL)),
  CHECK (role = 'REGULATOR' OR region_code IS NULL)
);
