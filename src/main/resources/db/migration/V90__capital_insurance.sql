-- First-of-a-kind insurance (issue 22 §2): the schemes' terms as effective-dated data, the catalogues of products they
-- cover, insurers' policies on catalogue products, and the insured manufacturers' premium-subsidy claims with their
-- review by the industry department and payment by the finance department.

CREATE TABLE capital_insurance_scheme
(
  id               BIGSERIAL PRIMARY KEY,
  scheme           TEXT          NOT NULL CHECK (scheme IN ('FIRST_SET', 'FIRST_BATCH', 'FIRST_VERSION')),
  region_code      TEXT CHECK (region_code IS NULL OR region_code ~ '^[0-9]{2}0000$'),
  premium_rate_cap NUMERIC(7, 4) NOT NULL CHECK (premium_rate_cap > 0 AND premium_rate_cap < 100),
  subsidy_percent  NUMERIC(7, 4) NOT NULL CHECK (subsidy_percent > 0 AND subsidy_percent <= 100),
  max_years        INT           NOT NULL CHECK (max_years BETWEEN 1 AND 10),
  effective_from   DATE          NOT NULL,
  effective_to     DATE,
  source           TEXT          NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);

-- 首台（套）重大技术装备保险补偿机制 (财建〔2015〕19号, FACTS §10): the central budget subsidises 80 % of the premium, the
-- rate capped at 3 %, for up to three years of cover; recorded from the start of that year. The first-batch materials
-- scheme is "similar" and the first-version software schemes provincial: their terms are added as rows when known.
INSERT INTO capital_insurance_scheme (scheme, region_code, premium_rate_cap, subsidy_percent, max_years, effective_from,
                                      source)
VALUES ('FIRST_SET', NULL, 3, 80, 3, DATE '2015-01-01',
        '财政部 工业和信息化部 保监会《关于开展首台（套）重大技术装备保险补偿机制试点工作的通知》（财建〔2015〕19号）');

-- A catalogue entry as the industry department publishes it: the product recognised and its maker (by credit code,
-- registered here or not), within the edition's validity.
CREATE TABLE capital_catalogue_item
(
  id            BIGSERIAL PRIMARY KEY,
  scheme        TEXT        NOT NULL CHECK (scheme IN ('FIRST_SET', 'FIRST_BATCH', 'FIRST_VERSION')),
  edition       TEXT        NOT NULL CHECK (length(edition) BETWEEN 2 AND 100),
  code          TEXT        NOT NULL CHECK (code ~ '^[0-9A-Za-z.\-]{1,20}$'),
  product       TEXT        NOT NULL CHECK (length(product) BETWEEN 2 AND 300),
  manufacturer  TEXT        NOT NULL CHECK (manufacturer ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  valid_from    DATE        NOT NULL,
  valid_to      DATE,
  imported_by   TEXT        NOT NULL,
  imported_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (scheme, edition, code),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE SEQUENCE capital_insurance_policy_number;

CREATE TABLE capital_insurance_policy
(
  id              BIGSERIAL PRIMARY KEY,
  number          TEXT           NOT NULL UNIQUE,
  institution_id  BIGINT         NOT NULL REFERENCES institution (id),
  enterprise_id   BIGINT         NOT NULL REFERENCES enterprise (id),
  scheme          TEXT           NOT NULL CHECK (scheme IN ('FIRST_SET', 'FIRST_BATCH', 'FIRST_VERSION')),
  item_id         BIGINT         NOT NULL REFERENCES capital_catalogue_item (id),
  insured_object  TEXT           NOT NULL CHECK (length(insured_object) BETWEEN 2 AND 300),
  sum_insured     NUMERIC(20, 2) NOT NULL CHECK (sum_insured > 0),
  premium_rate    NUMERIC(7, 4)  NOT NULL CHECK (premium_rate > 0),
  premium         NUMERIC(20, 2) NOT NULL CHECK (premium > 0),
  start_on        DATE           NOT NULL,
  end_on          DATE           NOT NULL CHECK (end_on > start_on),
  issued_by       TEXT           NOT NULL,
  issued_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX capital_insurance_policy_insurer ON capital_insurance_policy (institution_id, id);
CREATE INDEX capital_insurance_policy_insured ON capital_insurance_policy (enterprise_id, item_id);

CREATE SEQUENCE capital_subsidy_claim_number;

CREATE TABLE capital_subsidy_claim
(
  id            BIGSERIAL PRIMARY KEY,
  number        TEXT           NOT NULL UNIQUE,
  policy_id     BIGINT         NOT NULL UNIQUE REFERENCES capital_insurance_policy (id),
  amount        NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  status        TEXT           NOT NULL CHECK (status IN ('CLAIMED', 'CONFIRMED', 'PAID', 'REFUSED')),
  claimed_on    DATE           NOT NULL,
  claimed_by    TEXT           NOT NULL,
  confirmed_on  DATE,
  confirmed_by  TEXT,
  paid_on       DATE,
  paid_by       TEXT,
  refused_reason TEXT CHECK (refused_reason IS NULL OR length(refused_reason) BETWEEN 2 AND 1000),
  CHECK ((status = 'REFUSED') = (refused_reason IS NOT NULL)),
  CHECK (status NOT IN ('CONFIRMED', 'PAID') OR confirmed_on IS NOT NULL),
  CHECK ((status = 'PAID') = (paid_on IS NOT NULL))
);
