-- Patient capital (issue 21 §1–§3): investors registered on the platform with their mandates, enterprises' equity
-- needs shown to qualified investors only, and each investor's deals from first interest to investment or decline.

-- matching publishes which enterprises each roadshow presented, so that a deal can name the roadshow it followed
CREATE VIEW roadshow_enterprise_view AS
SELECT r.id AS roadshow_id, r.title, r.month, r.chain, r.region_code, e.enterprise_id
FROM roadshow r JOIN roadshow_enterprise e ON e.roadshow_id = r.id;

-- An institution acting as an investor: what kind, its registration with the Asset Management Association of China
-- (私募基金管理人登记编号) where it manages private funds, and when the platform checked it (a qualified investor
-- only from then on).
CREATE TABLE capital_investor
(
  institution_id BIGINT      PRIMARY KEY REFERENCES institution (id),
  kind           TEXT        NOT NULL CHECK (kind IN ('VC_PE_MANAGER', 'GUIDANCE_FUND', 'INSURANCE_FUND', 'REGIONAL_EQUITY_MARKET')),
  amac_number    TEXT CHECK (amac_number IS NULL OR amac_number ~ '^P[0-9]{7}$'),
  verified_on    DATE,
  verified_by    TEXT,
  registered_by  TEXT        NOT NULL,
  registered_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (kind <> 'VC_PE_MANAGER' OR amac_number IS NOT NULL),
  CHECK ((verified_on IS NULL) = (verified_by IS NULL))
);

CREATE TABLE capital_mandate
(
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT         NOT NULL REFERENCES capital_investor (institution_id),
  name           TEXT           NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  stages         TEXT[]         NOT NULL CHECK (cardinality(stages) > 0),
  chains         TEXT[]         NOT NULL DEFAULT '{}',
  regions        TEXT[]         NOT NULL DEFAULT '{}',
  min_ticket     NUMERIC(20, 2) NOT NULL CHECK (min_ticket > 0),
  max_ticket     NUMERIC(20, 2) NOT NULL CHECK (max_ticket >= min_ticket),
  horizon_years  INT            NOT NULL CHECK (horizon_years BETWEEN 1 AND 20),
  active         BOOLEAN        NOT NULL DEFAULT TRUE,
  created_by     TEXT           NOT NULL,
  created_at     TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX capital_mandate_investor ON capital_mandate (institution_id);

CREATE SEQUENCE capital_need_number;

-- An enterprise's equity need: seen by qualified investors (all of them, or the ones it chose), never by banks'
-- lending staff or the public.
CREATE TABLE capital_need
(
  id               BIGSERIAL PRIMARY KEY,
  number           TEXT           NOT NULL UNIQUE,
  enterprise_id    BIGINT         NOT NULL REFERENCES enterprise (id),
  amount           NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  pre_money        NUMERIC(20, 2) CHECK (pre_money IS NULL OR pre_money > 0),
  stage            TEXT           NOT NULL CHECK (stage IN ('SEED', 'ANGEL', 'SERIES_A', 'SERIES_B', 'SERIES_C', 'PRE_IPO')),
  use_of_proceeds  TEXT           NOT NULL CHECK (length(use_of_proceeds) BETWEEN 2 AND 1000),
  disclosure       TEXT           NOT NULL CHECK (disclosure IN ('ALL_QUALIFIED', 'CHOSEN')),
  chosen           BIGINT[]       NOT NULL DEFAULT '{}',
  status           TEXT           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FUNDED', 'WITHDRAWN')),
  published_on     DATE           NOT NULL,
  created_by       TEXT           NOT NULL,
  created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
  CHECK (disclosure = 'CHOSEN' OR cardinality(chosen) = 0)
);
CREATE INDEX capital_need_enterprise ON capital_need (enterprise_id);

CREATE SEQUENCE capital_deal_number;

-- One investor's pipeline entry on one enterprise: interest, NDA, due diligence, term sheet, then invested (amount,
-- share, post-money valuation, day) or declined with a reason; every move kept.
CREATE TABLE capital_deal
(
  id             BIGSERIAL PRIMARY KEY,
  number         TEXT           NOT NULL UNIQUE,
  institution_id BIGINT         NOT NULL REFERENCES capital_investor (institution_id),
  enterprise_id  BIGINT         NOT NULL REFERENCES enterprise (id),
  need_id        BIGINT REFERENCES capital_need (id),
  roadshow_id    BIGINT REFERENCES roadshow (id),
  round          TEXT CHECK (round IS NULL OR length(round) BETWEEN 1 AND 40),
  stage          TEXT           NOT NULL CHECK (stage IN ('INTEREST', 'NDA', 'DUE_DILIGENCE', 'TERM_SHEET', 'INVESTED', 'DECLINED')),
  amount         NUMERIC(20, 2) CHECK (amount IS NULL OR amount > 0),
  share_percent  NUMERIC(7, 4) CHECK (share_percent IS NULL OR share_percent > 0 AND share_percent <= 100),
  post_money     NUMERIC(20, 2) CHECK (post_money IS NULL OR post_money >= amount),
  invested_on    DATE,
  reason         TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 2 AND 1000),
  opened_on      DATE           NOT NULL,
  opened_by      TEXT           NOT NULL,
  CHECK ((stage = 'INVESTED') = (invested_on IS NOT NULL AND amount IS NOT NULL AND share_percent IS NOT NULL
                                 AND post_money IS NOT NULL)),
  CHECK ((stage = 'DECLINED') = (reason IS NOT NULL))
);
CREATE INDEX capital_deal_investor ON capital_deal (institution_id, id);
CREATE INDEX capital_deal_enterprise ON capital_deal (enterprise_id);

CREATE TABLE capital_deal_event
(
  id         BIGSERIAL PRIMARY KEY,
  deal_id    BIGINT      NOT NULL REFERENCES capital_deal (id),
  from_stage TEXT,
  to_stage   TEXT        NOT NULL,
  on_day     DATE        NOT NULL,
  note       TEXT,
  by_user    TEXT        NOT NULL,
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX capital_deal_event_deal ON capital_deal_event (deal_id, id);

-- capital publishes its deals, so that a coaching case or a roadshow can close on an equity deal
CREATE VIEW capital_deal_view AS
SELECT id AS deal_id, number, institution_id, enterprise_id, roadshow_id, stage, amount, invested_on FROM capital_deal;
