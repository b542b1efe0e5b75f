-- Enterprises in full: annual statements, qualifications, chain tags, supply relationships, groups
-- and related parties (issue 3).

CREATE TABLE enterprise_group
(
  id                BIGSERIAL PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{2,40}$'),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  name_en           TEXT CHECK (name_en IS NULL OR length(name_en) <= 200),
  actual_controller TEXT CHECK (actual_controller IS NULL OR length(actual_controller) <= 200),
  parent_id         BIGINT REFERENCES enterprise (id)
);

ALTER TABLE enterprise ADD COLUMN group_id BIGINT REFERENCES enterprise_group (id);
ALTER TABLE enterprise ADD COLUMN actual_controller TEXT CHECK (actual_controller IS NULL OR length(actual_controller) <= 200);
CREATE INDEX enterprise_group_member ON enterprise (group_id);

CREATE TABLE enterprise_statement
(
  enterprise_id         BIGINT NOT NULL REFERENCES enterprise (id),
  year                  INT    NOT NULL CHECK (year BETWEEN 1949 AND 2200),
  revenue               NUMERIC(20, 2) NOT NULL CHECK (revenue >= 0),
  main_business_revenue NUMERIC(20, 2) NOT NULL CHECK (main_business_revenue >= 0),
  rd_expense            NUMERIC(20, 2) NOT NULL CHECK (rd_expense >= 0),
  rd_staff              INT    NOT NULL CHECK (rd_staff >= 0),
  net_profit            NUMERIC(20, 2) NOT NULL,
  total_assets          NUMERIC(20, 2) NOT NULL CHECK (total_assets >= 0),
  total_liabilities     NUMERIC(20, 2) NOT NULL CHECK (total_liabilities >= 0),
  ip_class1             INT    NOT NULL DEFAULT 0 CHECK (ip_class1 >= 0),
  ip_class2             INT    NOT NULL DEFAULT 0 CHECK (ip_class2 >= 0),
  published             BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by            TEXT   NOT NULL,
  PRIMARY KEY (enterprise_id, year),
  CHECK (main_business_revenue <= revenue)
);

CREATE TABLE enterprise_qualification
(
  id            BIGSERIAL PRIMARY KEY,
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  type          TEXT   NOT NULL CHECK (type IN ('HIGH_TECH', 'TECH_SME', 'INNOVATIVE_SME', 'SPECIALISED_SME',
                                                  'LITTLE_GIANT', 'SINGLE_CHAMPION', 'CHAIN_LEADER', 'FIRST_SET')),
  issuer        TEXT   NOT NULL CHECK (length(issuer) BETWEEN 2 AND 200),
  certificate   TEXT CHECK (certificate IS NULL OR length(certificate) <= 100),
  valid_from    DATE   NOT NULL,
  valid_to      DATE,
  created_by    TEXT   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (enterprise_id, type, valid_from)
);
CREATE INDEX enterprise_qualification_type ON enterprise_qualification (type, enterprise_id);

CREATE TABLE enterprise_chain_tag
(
  enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  tag           TEXT   NOT NULL CHECK (tag ~ '^[A-Z_]{2,40}$'),
  PRIMARY KEY (enterprise_id, tag)
);
CREATE INDEX enterprise_chain_tag_tag ON enterprise_chain_tag (tag, enterprise_id);

-- Who supplies whom, as the enterprises declare it.
CREATE TABLE enterprise_relationship
(
  supplier_id   BIGINT NOT NULL REFERENCES enterprise (id),
  customer_id   BIGINT NOT NULL REFERENCES enterprise (id),
  annual_volume NUMERIC(20, 2) NOT NULL CHECK (annual_volume >= 0),
  declared_by   TEXT   NOT NULL,
  PRIMARY KEY (supplier_id, customer_id),
  CHECK (supplier_id <> customer_id)
);
CREATE INDEX enterprise_relationship_customer ON enterprise_relationship (customer_id);

CREATE TABLE enterprise_related_party
(
  enterprise_id         BIGINT NOT NULL REFERENCES enterprise (id),
  related_enterprise_id BIGINT NOT NULL REFERENCES enterprise (id),
  relation              TEXT   NOT NULL CHECK (relation IN ('SAME_GROUP', 'SAME_CONTROLLER', 'PARENT', 'SUBSIDIARY', 'OTHER')),
  PRIMARY KEY (enterprise_id, related_enterprise_id),
  CHECK (enterprise_id <> related_enterprise_id)
);
