-- Supply-chain finance (issue 8), part 2: e-vouchers (应收账款电子凭证). A core enterprise issues a voucher
-- to a tier-1 supplier; holders split it, transfer parts down the chain and discount parts with funders;
-- at maturity the issuer pays and the platform settles to the current holders or their funders.

CREATE SEQUENCE scf_voucher_number;

-- The voucher as issued. Its row is also the lock every movement of any of its parts takes first.
CREATE TABLE scf_voucher
(
  id               BIGSERIAL PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  issuer_id        BIGINT NOT NULL REFERENCES enterprise (id),
  supplier_id      BIGINT NOT NULL REFERENCES enterprise (id),
  face_value       NUMERIC(20, 2) NOT NULL CHECK (face_value > 0),
  issued_on        DATE NOT NULL,
  maturity         DATE NOT NULL CHECK (maturity > issued_on),
  over_default     BOOLEAN NOT NULL DEFAULT FALSE, -- the recorded exception to the six-month default term
  trade_background TEXT NOT NULL CHECK (length(btrim(trade_background)) BETWEEN 1 AND 200),
  status           TEXT NOT NULL CHECK (status IN ('ISSUED', 'SETTLED', 'OVERDUE')),
  paid             NUMERIC(20, 2) CHECK (paid IS NULL OR paid >= 0 AND paid <= face_value),
  settled_on       DATE,
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (issuer_id <> supplier_id),
  CHECK ((status = 'ISSUED') = (settled_on IS NULL))
);
CREATE INDEX scf_voucher_issuer ON scf_voucher (issuer_id, status);

-- The confirmed payables a voucher was issued against.
CREATE TABLE scf_voucher_receivable
(
  voucher_id    BIGINT NOT NULL REFERENCES scf_voucher (id),
  receivable_id BIGINT NOT NULL REFERENCES scf_receivable (id),
  amount        NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  PRIMARY KEY (voucher_id, receivable_id)
);
CREATE UNIQUE INDEX scf_voucher_receivable_once ON scf_voucher_receivable (receivable_id);

-- Every part ever cut from a voucher: the root (tier 1, the supplier) and its descendants. A SPLIT part
-- has two or more children at its tier summing to it, a TRANSFERRED one exactly one child a tier down;
-- the LIVE and DISCOUNTED parts of an unsettled voucher sum to its face value.
CREATE TABLE scf_voucher_part
(
  id                BIGSERIAL PRIMARY KEY,
  voucher_id        BIGINT NOT NULL REFERENCES scf_voucher (id),
  parent_id         BIGINT REFERENCES scf_voucher_part (id),
  tier              INT NOT NULL CHECK (tier >= 1),
  holder_id         BIGINT NOT NULL REFERENCES enterprise (id),
  amount            NUMERIC(20, 2) NOT NULL CHECK (amount >= 0.01),
  status            TEXT NOT NULL CHECK (status IN ('LIVE', 'SPLIT', 'TRANSFERRED', 'DISCOUNTED', 'SETTLED')),
  funder_id         BIGINT REFERENCES institution (id),
  loan_id           BIGINT REFERENCES loan (id),
  discount_rate     NUMERIC(9, 6),
  discount_interest NUMERIC(20, 2),
  discounted_on     DATE,
  recourse          BOOLEAN,          -- agreed at discount: may the funder claim from the discounting holder?
  paid              NUMERIC(20, 2) CHECK (paid IS NULL OR paid >= 0),
  shortfall         NUMERIC(20, 2) CHECK (shortfall IS NULL OR shortfall >= 0),
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (parent_id IS NOT NULL OR tier = 1),
  CHECK (status <> 'DISCOUNTED' OR (funder_id IS NOT NULL AND loan_id IS NOT NULL)),
  CHECK ((funder_id IS NULL) = (loan_id IS NULL)),
  CHECK ((status = 'SETTLED') = (paid IS NOT NULL))
);
CREATE UNIQUE INDEX scf_voucher_part_root ON scf_voucher_part (voucher_id) WHERE parent_id IS NULL;
CREATE INDEX scf_voucher_part_voucher ON scf_voucher_part (voucher_id, id);
CREATE INDEX scf_voucher_part_holder ON scf_voucher_part (holder_id, status);
CREATE INDEX scf_voucher_part_funder ON scf_voucher_part (funder_id) WHERE funder_id IS NOT NULL;
CREATE UNIQUE INDEX scf_voucher_part_loan ON scf_voucher_part (loan_id) WHERE loan_id IS NOT NULL;

-- Every movement, as booked: who gave what to whom on which trade background, and the loan and ledger
-- entry when a discount or a settlement touched the loan core.
CREATE TABLE scf_voucher_event
(
  id                 BIGSERIAL PRIMARY KEY,
  voucher_id         BIGINT NOT NULL REFERENCES scf_voucher (id),
  part_id            BIGINT REFERENCES scf_voucher_part (id),
  kind               TEXT NOT NULL CHECK (kind IN ('ISSUE', 'SPLIT', 'TRANSFER', 'DISCOUNT', 'SETTLE', 'OVERDUE',
                       'LATE_PAYMENT')),
  amount             NUMERIC(20, 2) NOT NULL CHECK (amount >= 0),
  from_enterprise_id BIGINT REFERENCES enterprise (id),
  to_enterprise_id   BIGINT REFERENCES enterprise (id),
  to_institution_id  BIGINT REFERENCES institution (id),
  trade_background   TEXT,
  detail             TEXT,
  loan_id            BIGINT REFERENCES loan (id),
  entry_id           BIGINT REFERENCES journal_entry (id),
  actor              TEXT NOT NULL,
  business_date      DATE NOT NULL,
  occurred_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (kind NOT IN ('TRANSFER', 'DISCOUNT') OR length(btrim(trade_background)) > 0)
);
CREATE INDEX scf_voucher_event_voucher ON scf_voucher_event (voucher_id, id);
