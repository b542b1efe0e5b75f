-- Search results of the national registry (中登网), imported by CSV: filings made outside the platform
-- that the double-financing check must still see. Re-importing a number replaces it.
CREATE TABLE registry_external_filing
(
  id                 BIGSERIAL PRIMARY KEY,
  number             TEXT        NOT NULL UNIQUE CHECK (length(number) BETWEEN 4 AND 40),
  registered_at      TIMESTAMPTZ NOT NULL,
  grantor            CHAR(18)    NOT NULL CHECK (grantor ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  secured_party_name TEXT        NOT NULL CHECK (length(secured_party_name) BETWEEN 2 AND 200),
  collateral_type    TEXT        NOT NULL,
  description        TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  blanket_scope      TEXT,
  expires_on         DATE        NOT NULL,
  imported_by        TEXT        NOT NULL,
  imported_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_external_filing_grantor ON registry_external_filing (grantor);

CREATE TABLE registry_external_identifier
(
  filing_id  BIGINT NOT NULL REFERENCES registry_external_filing (id) ON DELETE CASCADE,
  identifier TEXT   NOT NULL,
  PRIMARY KEY (filing_id, identifier)
);
CREATE INDEX registry_external_identifier_value ON registry_external_identifier (identifier);

-- Double-financing attempts the registry refused, for regulators.
CREATE TABLE registry_blocked_attempt
(
  id             BIGSERIAL PRIMARY KEY,
  secured_party  BIGINT      NOT NULL REFERENCES institution (id),
  grantor        CHAR(18)    NOT NULL,
  collateral_type TEXT       NOT NULL,
  conflicting    TEXT        NOT NULL,
  attempted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
