-- Financial leases (issue 22 §1): a lessor's contract with a lessee over equipment with serial numbers, its rental
-- schedule from the schedule core, and the registry filing of type FINANCIAL_LEASING made at signing.

CREATE SEQUENCE capital_lease_number;

CREATE TABLE capital_lease
(
  id               BIGSERIAL PRIMARY KEY,
  number           TEXT           NOT NULL UNIQUE,
  institution_id   BIGINT         NOT NULL REFERENCES institution (id),
  enterprise_id    BIGINT         NOT NULL REFERENCES enterprise (id),
  kind             TEXT           NOT NULL CHECK (kind IN ('DIRECT', 'SALE_LEASEBACK')),
  equipment        TEXT           NOT NULL CHECK (length(equipment) BETWEEN 2 AND 500),
  serial_numbers   TEXT[]         NOT NULL CHECK (cardinality(serial_numbers) BETWEEN 1 AND 200),
  cost             NUMERIC(20, 2) NOT NULL CHECK (cost > 0),
  down_payment     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (down_payment >= 0 AND down_payment < cost),
  financed         NUMERIC(20, 2) NOT NULL CHECK (financed = cost - down_payment),
  months           INT            NOT NULL CHECK (months BETWEEN 1 AND 600),
  period_months    INT            NOT NULL CHECK (period_months IN (1, 3)),
  annual_rate      NUMERIC(9, 6)  NOT NULL CHECK (annual_rate >= 0 AND annual_rate < 100),
  timing           TEXT           NOT NULL CHECK (timing IN ('IN_ADVANCE', 'IN_ARREARS')),
  deposit          NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (deposit >= 0),
  residual         NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (residual >= 0 AND residual < financed),
  start_on         DATE           NOT NULL,
  maturity         DATE           NOT NULL CHECK (maturity > start_on),
  equipment_renewal BOOLEAN       NOT NULL DEFAULT FALSE,
  filing_number    TEXT           NOT NULL,
  status           TEXT           NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BOUGHT_OUT', 'TERMINATED')),
  signed_by        TEXT           NOT NULL,
  signed_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX capital_lease_lessor ON capital_lease (institution_id, id);
CREATE INDEX capital_lease_lessee ON capital_lease (enterprise_id);

-- The rentals as scheduled at signing (the last line, when a residual is agreed, is the buy-out on the maturity day).
CREATE TABLE capital_lease_rental
(
  lease_id  BIGINT         NOT NULL REFERENCES capital_lease (id),
  period    INT            NOT NULL CHECK (period >= 1),
  due_on    DATE           NOT NULL,
  rent      NUMERIC(20, 2) NOT NULL CHECK (rent >= 0),
  principal NUMERIC(20, 2) NOT NULL CHECK (principal >= 0),
  interest  NUMERIC(20, 2) NOT NULL CHECK (interest >= 0),
  balance   NUMERIC(20, 2) NOT NULL CHECK (balance >= 0),
  buy_out   BOOLEAN        NOT NULL DEFAULT FALSE,
  PRIMARY KEY (lease_id, period),
  CHECK (rent = principal + interest)
);
