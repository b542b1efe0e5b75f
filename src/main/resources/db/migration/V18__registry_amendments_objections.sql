-- Amendments and extensions registered against a filing (each with its own place in the registration
-- sequence), and objections raised by the grantor or another interested party.
CREATE TABLE registry_amendment
(
  id              BIGSERIAL PRIMARY KEY,
  filing_id       BIGINT NOT NULL REFERENCES registry_filing (id),
  seq             BIGINT NOT NULL UNIQUE,
  kind            TEXT   NOT NULL CHECK (kind IN ('AMENDMENT', 'EXTENSION')),
  description     TEXT CHECK (description IS NULL OR length(description) BETWEEN 1 AND 2000),
  added           TEXT[] NOT NULL DEFAULT '{}',
  removed         TEXT[] NOT NULL DEFAULT '{}',
  extended_months INT CHECK (extended_months IS NULL OR extended_months BETWEEN 1 AND 359),
  registered_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  filed_by        TEXT   NOT NULL
);
CREATE INDEX registry_amendment_filing ON registry_amendment (filing_id, seq);

-- An identifier taken out of a filing by an amendment no longer covers the asset.
ALTER TABLE registry_identifier ADD COLUMN removed_by BIGINT REFERENCES registry_amendment (id);

CREATE TABLE registry_objection
(
  id            BIGSERIAL PRIMARY KEY,
  filing_id     BIGINT NOT NULL REFERENCES registry_filing (id),
  raised_by     TEXT   NOT NULL,
  enterprise_id BIGINT REFERENCES enterprise (id),
  reason        TEXT   NOT NULL CHECK (length(reason) BETWEEN 4 AND 2000),
  raised_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolution    TEXT CHECK (resolution IS NULL OR length(resolution) BETWEEN 2 AND 2000),
  resolved_by   TEXT,
  resolved_at   TIMESTAMPTZ
);
CREATE INDEX registry_objection_filing ON registry_objection (filing_id);
