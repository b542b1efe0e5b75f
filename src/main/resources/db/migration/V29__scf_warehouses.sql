-- Supply-chain finance (issue 8), part 3: supervised warehouses, electronic warehouse receipts pledged
-- statically or dynamically, supervision events, a commodity price feed, daily revaluation with LTV
-- lines and margin calls. Alerts go to scf_alert (V27).

-- A supervised warehouse; its operator enterprise's users issue receipts and post supervision events.
CREATE TABLE scf_warehouse
(
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  region_code CHAR(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  address     TEXT NOT NULL CHECK (length(address) BETWEEN 2 AND 500),
  operator_id BIGINT REFERENCES enterprise (id),
  supervised  BOOLEAN NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX scf_warehouse_operator ON scf_warehouse (operator_id) WHERE operator_id IS NOT NULL;

CREATE SEQUENCE scf_receipt_number;

-- An electronic warehouse receipt: these goods, in this warehouse, belonging to the owner.
CREATE TABLE scf_warehouse_receipt
(
  id             BIGSERIAL PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE CHECK (number ~ '^WR[0-9]{8}[0-9]{6,}$'),
  warehouse_id   BIGINT NOT NULL REFERENCES scf_warehouse (id),
  owner_id       BIGINT NOT NULL REFERENCES enterprise (id),
  commodity_code TEXT NOT NULL CHECK (commodity_code ~ '^[A-Z0-9.]{1,20}$'),
  commodity_name TEXT NOT NULL CHECK (length(commodity_name) BETWEEN 1 AND 200),
  quantity       NUMERIC(20, 4) NOT NULL CHECK (quantity >= 0),
  unit           TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  status         TEXT NOT NULL CHECK (status IN ('ISSUED', 'PLEDGED', 'RELEASED', 'CANCELLED')),
  issued_on      DATE NOT NULL,
  issued_by      TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  version        INT NOT NULL DEFAULT 0
);
CREATE INDEX scf_receipt_owner ON scf_warehouse_receipt (owner_id, status);
CREATE INDEX scf_receipt_warehouse ON scf_warehouse_receipt (warehouse_id, status);

-- The one pledge of a receipt (its loan reference warehouse-receipt:<number> is unique in the loan book).
CREATE TABLE scf_receipt_pledge
(
  receipt_id        BIGINT PRIMARY KEY REFERENCES scf_warehouse_receipt (id),
  institution_id    BIGINT NOT NULL REFERENCES institution (id),
  mode              TEXT NOT NULL CHECK (mode IN ('STATIC', 'DYNAMIC')),
  minimum_value     NUMERIC(20, 2) CHECK (minimum_value IS NULL OR minimum_value > 0),
  loan_id           BIGINT NOT NULL REFERENCES loan (id),
  loan_amount       NUMERIC(20, 2) NOT NULL CHECK (loan_amount > 0),
  annual_rate       NUMERIC(7, 4) NOT NULL CHECK (annual_rate > 0 AND annual_rate < 36),
  maturity          DATE NOT NULL,
  alert_line        NUMERIC(5, 4) NOT NULL,
  liquidation_line  NUMERIC(5, 4) NOT NULL,
  cure_days         INT NOT NULL CHECK (cure_days BETWEEN 1 AND 90),
  filing_number     TEXT NOT NULL,
  initial_price     NUMERIC(20, 4) NOT NULL,
  initial_value     NUMERIC(20, 2) NOT NULL,
  ltv_state         TEXT NOT NULL CHECK (ltv_state IN ('NORMAL', 'ALERT', 'MARGIN_CALL')),
  pledged_on        DATE NOT NULL,
  pledged_by        TEXT NOT NULL,
  release_requested_on DATE,
  release_requested_by TEXT,
  released_on       DATE,
  released_by       TEXT,
  release_note      TEXT,
  released_unpaid   BOOLEAN,
  CHECK (alert_line > 0 AND alert_line < liquidation_line AND liquidation_line <= 1),
  CHECK ((mode = 'DYNAMIC') = (minimum_value IS NOT NULL))
);
CREATE INDEX scf_pledge_institution ON scf_receipt_pledge (institution_id);

-- Supervision events as the warehouse reports them; quantity_after is the receipt's quantity afterwards.
CREATE TABLE scf_receipt_event
(
  id             BIGSERIAL PRIMARY KEY,
  receipt_id     BIGINT NOT NULL REFERENCES scf_warehouse_receipt (id),
  kind           TEXT NOT NULL CHECK (kind IN ('INBOUND', 'OUTBOUND', 'STOCKTAKE', 'SENSOR_ALARM')),
  quantity       NUMERIC(20, 4) CHECK (quantity IS NULL OR quantity >= 0),
  quantity_after NUMERIC(20, 4) NOT NULL CHECK (quantity_after >= 0),
  occurred_on    DATE NOT NULL,
  sensor         TEXT,
  note           TEXT,
  decision       TEXT,          -- for goods leaving a pledged receipt: ALLOWED, NEAR_MINIMUM, BELOW_MINIMUM, UNRELEASED
  alert          TEXT,          -- the scf_alert kind raised, if any
  recorded_by    TEXT NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX scf_receipt_event_receipt ON scf_receipt_event (receipt_id, id);

-- The commodity price feed: price per unit of a commodity on a date, entered or imported.
CREATE TABLE scf_commodity_price
(
  commodity_code TEXT NOT NULL CHECK (commodity_code ~ '^[A-Z0-9.]{1,20}$'),
  unit           TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  priced_on      DATE NOT NULL,
  price          NUMERIC(20, 4) NOT NULL CHECK (price > 0),
  source         TEXT NOT NULL CHECK (source IN ('ENTERED', 'CSV')),
  entered_by     TEXT NOT NULL,
  entered_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (commodity_code, unit, priced_on)
);

-- Daily valuation history of pledged receipts (a revaluation of the same day replaces its row).
CREATE TABLE scf_receipt_valuation
(
  id         BIGSERIAL PRIMARY KEY,
  receipt_id BIGINT NOT NULL REFERENCES scf_warehouse_receipt (id),
  valued_on  DATE NOT NULL,
  priced_on  DATE NOT NULL,
  price      NUMERIC(20, 4) NOT NULL,
  quantity   NUMERIC(20, 4) NOT NULL,
  value      NUMERIC(20, 2) NOT NULL,
  exposure   NUMERIC(20, 2) NOT NULL,
  ltv        NUMERIC(12, 4),  -- null when there is exposure and no collateral left
  state      TEXT NOT NULL CHECK (state IN ('NORMAL', 'ALERT', 'MARGIN_CALL')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (receipt_id, valued_on)
);

-- A margin call: started when LTV crosses the liquidation line, cured back under the alert line by cure_by.
CREATE TABLE scf_margin_call
(
  id             BIGSERIAL PRIMARY KEY,
  receipt_id     BIGINT NOT NULL REFERENCES scf_warehouse_receipt (id),
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  raised_on      DATE NOT NULL,
  cure_by        DATE NOT NULL CHECK (cure_by >= raised_on),
  ltv            NUMERIC(12, 4),
  status         TEXT NOT NULL CHECK (status IN ('OPEN', 'CURED', 'LAPSED')),
  closed_on      DATE
);
CREATE UNIQUE INDEX scf_margin_call_open ON scf_margin_call (receipt_id) WHERE status = 'OPEN';
