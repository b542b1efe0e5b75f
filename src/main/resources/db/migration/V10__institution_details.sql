-- Institutions in full: where they have branches, and their participation in the PBOC's policy
-- tools as effective-dated facts; products target growth stages too.
ALTER TABLE institution ADD COLUMN head_region CHAR(6);

CREATE TABLE institution_branch
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT  NOT NULL REFERENCES institution (id),
  name           TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  region_code    CHAR(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  UNIQUE (institution_id, name)
);
CREATE INDEX institution_branch_region ON institution_branch (region_code);

CREATE TABLE institution_policy_tool
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  tool           TEXT   NOT NULL CHECK (tool IN ('TECH_RELENDING', 'CARBON_REDUCTION', 'SMALL_BUSINESS_RELENDING',
                                                 'REDISCOUNT', 'EQUIPMENT_RENEWAL_SUBSIDY')),
  valid_from     DATE   NOT NULL,
  valid_to       DATE,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  UNIQUE (institution_id, tool, valid_from)
);

ALTER TABLE product ADD COLUMN target_stages TEXT NOT NULL DEFAULT '';
