-- One-to-one project coaching (issue 20 §5): a local office (an MIIT bureau) opens a case for a major project or
-- enterprise with its financing need, a checklist of documents and conditions (要件) each with who must supply it and by
-- when, financial specialists the institutions station at enterprises and parks, reviews by experts of the pool (each
-- declaring any conflict of interest), and the outcome linked to the financing.
CREATE TABLE warning_expert
(
  id            BIGSERIAL PRIMARY KEY,
  name          TEXT        NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  organisation  TEXT        NOT NULL CHECK (length(organisation) BETWEEN 2 AND 200),
  fields        TEXT        NOT NULL CHECK (length(fields) BETWEEN 2 AND 200),
  region_code   TEXT CHECK (region_code IS NULL OR region_code ~ '^[0-9]{6}$'),
  registered_by TEXT        NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE warning_specialist
(
  id              BIGSERIAL PRIMARY KEY,
  institution_id  BIGINT      NOT NULL REFERENCES institution (id),
  name            TEXT        NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  enterprise_id   BIGINT REFERENCES enterprise (id),
  park            TEXT CHECK (park IS NULL OR length(park) BETWEEN 2 AND 200),
  registered_by   TEXT        NOT NULL,
  registered_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (enterprise_id IS NOT NULL OR park IS NOT NULL)
);

CREATE TABLE warning_case
(
  id             BIGSERIAL PRIMARY KEY,
  region_code    TEXT           NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  enterprise_id  BIGINT         NOT NULL REFERENCES enterprise (id),
  project        TEXT           NOT NULL CHECK (length(project) BETWEEN 2 AND 200),
  financing_need NUMERIC(20, 2) NOT NULL CHECK (financing_need > 0),
  opened_on      DATE           NOT NULL,
  due_on         DATE           NOT NULL CHECK (due_on >= opened_on),
  status         TEXT           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FINANCED', 'CLOSED')),
  outcome_loan   BIGINT REFERENCES loan (id),
  closed_on      DATE,
  opened_by      TEXT           NOT NULL
);
CREATE INDEX warning_case_enterprise ON warning_case (enterprise_id);

CREATE TABLE warning_case_item
(
  id          BIGSERIAL PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES warning_case (id),
  name        TEXT   NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  supplier    TEXT   NOT NULL CHECK (supplier IN ('ENTERPRISE', 'INSTITUTION', 'OFFICE')),
  due_on      DATE   NOT NULL,
  supplied_on DATE,
  supplied_by TEXT
);
CREATE INDEX warning_case_item_case ON warning_case_item (case_id);

CREATE TABLE warning_case_specialist
(
  case_id       BIGINT NOT NULL REFERENCES warning_case (id),
  specialist_id BIGINT NOT NULL REFERENCES warning_specialist (id),
  PRIMARY KEY (case_id, specialist_id)
);

CREATE TABLE warning_case_review
(
  id             BIGSERIAL PRIMARY KEY,
  case_id        BIGINT      NOT NULL REFERENCES warning_case (id),
  expert_id      BIGINT      NOT NULL REFERENCES warning_expert (id),
  conflict       BOOLEAN     NOT NULL,
  recommendation TEXT CHECK (recommendation IS NULL OR recommendation IN ('SUPPORT', 'CONDITIONAL', 'NOT_SUPPORTED')),
  opinion        TEXT        NOT NULL CHECK (length(opinion) BETWEEN 2 AND 1000),
  reviewed_on    DATE        NOT NULL,
  recorded_by    TEXT        NOT NULL,
  UNIQUE (case_id, expert_id),
  -- an expert with a conflict of interest recuses: the review records the conflict, not a recommendation
  CHECK (conflict = (recommendation IS NULL))
);
