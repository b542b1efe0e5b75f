-- Issue 17 §7: restricted-industry catalogues (产业结构调整指导目录（2024年本）: 淘汰类 gets no credit, 限制类 no
-- new project), written by a regulator's CSV import, and the enterprise's main products they are matched against.
-- A table of its own rather than ref_sector_list_entry: an entry names products and processes, an item and the
-- document that issued it, and its effect depends on what the credit is for; a sector stance has none of these.

CREATE TABLE ref_restricted_import
(
  id          BIGSERIAL PRIMARY KEY,
  imported_by TEXT        NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  row_count   INT         NOT NULL CHECK (row_count >= 0),
  created     INT,
  updated     INT,
  unchanged   INT
);

CREATE TABLE ref_restricted_entry
(
  id            BIGSERIAL PRIMARY KEY,
  catalogue     TEXT   NOT NULL CHECK (length(catalogue) BETWEEN 2 AND 100),
  document      TEXT   NOT NULL CHECK (length(document) BETWEEN 2 AND 200),
  category      TEXT   NOT NULL CHECK (category IN ('ELIMINATED', 'RESTRICTED')),
  item_no       TEXT   NOT NULL CHECK (length(item_no) BETWEEN 1 AND 40),
  item          TEXT   NOT NULL CHECK (length(item) BETWEEN 2 AND 500),
  -- a GB/T 4754-2017 code at any level (section, division, group, class), matched as a prefix
  industry_code TEXT   NOT NULL REFERENCES ref_industry (code),
  products      TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(products) <= 20),
  processes     TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(processes) <= 20),
  valid_from    DATE   NOT NULL,
  valid_to      DATE,
  import_id     BIGINT NOT NULL REFERENCES ref_restricted_import (id),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (catalogue, category, item_no, industry_code, valid_from)
);
CREATE INDEX ref_restricted_entry_industry ON ref_restricted_entry (industry_code);

-- the products an enterprise names as its main ones: at most 10, each at most 50 characters (ProfileRules)
ALTER TABLE enterprise ADD COLUMN main_products TEXT[] NOT NULL DEFAULT '{}'
  CHECK (cardinality(main_products) <= 10);
