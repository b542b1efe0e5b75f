-- Supply-chain finance (issue 8), part 1: what every financing shares, trade documents and
-- confirmed receivables. Vouchers are in V28, warehouses in V29.

-- A supply-chain financing is a loan like any other; these say what it financed and whose credit it rests on.
ALTER TABLE loan ADD COLUMN trade_reference TEXT;
ALTER TABLE loan ADD COLUMN risk_obligor_id BIGINT REFERENCES enterprise (id);
CREATE UNIQUE INDEX loan_trade_reference ON loan (trade_reference) WHERE trade_reference IS NOT NULL;

-- Signing keys held by the platform per enterprise: a demo stand-in for CA-issued SM2 certificates.
CREATE TABLE scf_signing_key
(
  enterprise_id BIGINT PRIMARY KEY REFERENCES enterprise (id),
  algorithm     TEXT NOT NULL,
  public_key    TEXT NOT NULL,
  private_key   TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Fully-digital invoices (数电发票) as uploaded; a red-letter one (红冲) reverses part or all of an original.
CREATE TABLE scf_invoice
(
  id            BIGSERIAL PRIMARY KEY,
  number        CHAR(20) NOT NULL UNIQUE CHECK (number ~ '^[0-9]{20}$'),
  issued_on     DATE NOT NULL,
  seller_code   CHAR(18) NOT NULL,
  seller_name   TEXT NOT NULL,
  buyer_code    CHAR(18) NOT NULL,
  buyer_name    TEXT NOT NULL,
  amount        NUMERIC(20, 2) NOT NULL,
  tax           NUMERIC(20, 2) NOT NULL,
  total         NUMERIC(20, 2) NOT NULL CHECK (total = amount + tax),
  red_letter_of CHAR(20) REFERENCES scf_invoice (number),
  items         JSONB NOT NULL DEFAULT '[]',
  source        TEXT NOT NULL CHECK (source IN ('CSV', 'XML', 'API')),
  uploaded_by   TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((red_letter_of IS NULL) = (total > 0))
);
CREATE INDEX scf_invoice_seller ON scf_invoice (seller_code);
CREATE INDEX scf_invoice_red ON scf_invoice (red_letter_of) WHERE red_letter_of IS NOT NULL;

CREATE SEQUENCE scf_receivable_number;

-- A receivable: what the debtor owes the creditor, arising from an invoice; once confirmed it is fixed.
CREATE TABLE scf_receivable
(
  id                 BIGSERIAL PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  creditor_id        BIGINT NOT NULL REFERENCES enterprise (id),
  debtor_id          BIGINT NOT NULL REFERENCES enterprise (id),
  invoice_number     CHAR(20) REFERENCES scf_invoice (number),
  contract_no        TEXT,
  amount             NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  delivered_on       DATE NOT NULL,
  due_on             DATE NOT NULL CHECK (due_on >= delivered_on),
  contract_term_days INT CHECK (contract_term_days IS NULL OR contract_term_days BETWEEN 0 AND 3650),
  source             TEXT NOT NULL CHECK (source IN ('CREDITOR', 'DEBTOR')),
  status             TEXT NOT NULL CHECK (status IN ('UPLOADED', 'CONFIRMED', 'DISPUTED', 'FINANCED', 'SETTLED')),
  decision_at        TIMESTAMPTZ,
  decided_by         TEXT,
  dispute_reason     TEXT,
  signature          TEXT,          -- Base64 DER over ConfirmationMessage.canonical
  signature_key      TEXT,          -- the debtor's public key at signing
  signature_algorithm TEXT,
  diluted            NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (diluted >= 0),
  paid               NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
  paid_on            DATE,
  voucher_paid_on    DATE,          -- maturity of a voucher issued against it (counts as payment then)
  created_by         TEXT NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  version            INT NOT NULL DEFAULT 0,
  CHECK (creditor_id <> debtor_id),
  CHECK (status IN ('UPLOADED', 'DISPUTED') OR signature IS NOT NULL)
);
CREATE INDEX scf_receivable_creditor ON scf_receivable (creditor_id, status);
CREATE INDEX scf_receivable_debtor ON scf_receivable (debtor_id, status);
CREATE UNIQUE INDEX scf_receivable_invoice ON scf_receivable (invoice_number) WHERE invoice_number IS NOT NULL;

-- The creditor's request to a funder, and the funder's answer (one offer per request).
CREATE TABLE scf_financing_offer
(
  id              BIGSERIAL PRIMARY KEY,
  receivable_id   BIGINT NOT NULL REFERENCES scf_receivable (id),
  institution_id  BIGINT NOT NULL REFERENCES institution (id),
  status          TEXT NOT NULL CHECK (status IN ('REQUESTED', 'OFFERED', 'DECLINED', 'ACCEPTED', 'LAPSED', 'REFUSED')),
  advance_rate    NUMERIC(5, 4) CHECK (advance_rate IS NULL OR advance_rate > 0 AND advance_rate <= 1),
  discount_rate   NUMERIC(7, 4) CHECK (discount_rate IS NULL OR discount_rate >= 0 AND discount_rate < 36),
  fee             NUMERIC(20, 2) CHECK (fee IS NULL OR fee >= 0),
  recourse        BOOLEAN,
  kind            TEXT CHECK (kind IS NULL OR kind IN ('FACTORING', 'PLEDGE')),
  risk_obligor    TEXT CHECK (risk_obligor IS NULL OR risk_obligor IN ('DEBTOR', 'SELLER')),
  advance         NUMERIC(20, 2),
  interest        NUMERIC(20, 2),
  loan_id         BIGINT REFERENCES loan (id),
  filing_number   TEXT,
  refusal         TEXT,
  notice          TEXT,
  requested_by    TEXT NOT NULL,
  requested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  answered_by     TEXT,
  answered_at     TIMESTAMPTZ,
  accepted_at     TIMESTAMPTZ,
  UNIQUE (receivable_id, institution_id)
);
CREATE INDEX scf_offer_institution ON scf_financing_offer (institution_id, status);

-- Payments by the debtor into the funder-controlled collection account, and how each was applied.
CREATE TABLE scf_collection
(
  id            BIGSERIAL PRIMARY KEY,
  receivable_id BIGINT NOT NULL REFERENCES scf_receivable (id),
  amount        NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  paid_on       DATE NOT NULL,
  to_funder     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (to_funder >= 0),
  to_seller     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (to_seller >= 0),
  loan_id       BIGINT REFERENCES loan (id),
  recorded_by   TEXT NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (to_funder + to_seller = amount)
);

-- Alerts for funders (dilution, pledged goods leaving, LTV) and breaches for regulators, one list.
CREATE TABLE scf_alert
(
  id             BIGSERIAL PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('DILUTION', 'GOODS_LEFT', 'LTV_ALERT', 'MARGIN_CALL', 'SENSOR',
                   'VOUCHER_OVERDUE', 'PAYMENT_TERM')),
  institution_id BIGINT REFERENCES institution (id),
  enterprise_id  BIGINT REFERENCES enterprise (id),
  subject        TEXT NOT NULL,     -- receivable:AR…, receipt:WR…, voucher:EV…
  detail         TEXT NOT NULL,
  amount         NUMERIC(20, 2),
  raised_on      DATE NOT NULL,
  raised_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  cleared_on     DATE,
  cleared_by     TEXT
);
CREATE INDEX scf_alert_institution ON scf_alert (institution_id, raised_on DESC);
CREATE UNIQUE INDEX scf_alert_once ON scf_alert (kind, subject, raised_on);

-- De-nucleated financing (脱核): an SME's own data credit plus the assets it pledges.
CREATE TABLE scf_denucleated
(
  id             BIGSERIAL PRIMARY KEY,
  enterprise_id  BIGINT NOT NULL REFERENCES enterprise (id),
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  basis          TEXT NOT NULL CHECK (basis IN ('ORDER', 'RECEIVABLE')),
  buyer_name     TEXT NOT NULL,
  buyer_code     CHAR(18),
  document_no    TEXT NOT NULL,
  document_amount NUMERIC(20, 2) NOT NULL CHECK (document_amount > 0),
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  maturity       DATE NOT NULL,
  decision       JSONB NOT NULL,
  outcome        TEXT NOT NULL CHECK (outcome IN ('APPROVED', 'REFERRED', 'DECLINED')),
  loan_id        BIGINT REFERENCES loan (id),
  filing_number  TEXT,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
