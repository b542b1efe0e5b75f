-- Collateral registry (动产融资统一登记公示系统 rules, FACTS §3): notice filings indexed by grantor,
-- ordered by a registration sequence drawn inside the filing transaction after its locks.
CREATE SEQUENCE registry_sequence;

CREATE TABLE registry_filing
(
  id              BIGSERIAL PRIMARY KEY,
  number          TEXT        NOT NULL UNIQUE,
  seq             BIGINT      NOT NULL UNIQUE,
  registered_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  grantor         CHAR(18)    NOT NULL CHECK (grantor ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  secured_party   BIGINT      NOT NULL REFERENCES institution (id),
  collateral_type TEXT        NOT NULL CHECK (collateral_type IN ('RECEIVABLES_PLEDGE', 'FACTORING', 'INVENTORY',
                      'WAREHOUSE_RECEIPT', 'DEPOSIT_RECEIPT', 'BILL_OF_LADING', 'EQUIPMENT', 'FINANCIAL_LEASING',
                      'RETENTION_OF_TITLE')),
  description     TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  blanket_scope   TEXT CHECK (blanket_scope IS NULL OR length(blanket_scope) BETWEEN 1 AND 500),
  term_months     INT         NOT NULL CHECK (term_months BETWEEN 1 AND 360),
  expires_on      DATE        NOT NULL,
  status          TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
  filed_by        TEXT        NOT NULL
);
CREATE INDEX registry_filing_grantor ON registry_filing (grantor, seq);

CREATE TABLE registry_identifier
(
  filing_id  BIGINT NOT NULL REFERENCES registry_filing (id),
  identifier TEXT   NOT NULL CHECK (length(identifier) BETWEEN 1 AND 200),
  PRIMARY KEY (filing_id, identifier)
);
CREATE INDEX registry_identifier_lookup ON registry_identifier (identifier);
