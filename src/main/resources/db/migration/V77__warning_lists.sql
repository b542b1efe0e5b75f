-- Shared high-risk lists (issue 20 §1): a regulator publishes enterprises or projects with reason, severity and
-- confidentiality; the platform matches each against every institution's book on the risk obligor and the group,
-- and each exposed institution answers by a due day with the action it takes.

-- lending publishes its credit lines, so that other modules read limits without naming its tables
CREATE VIEW facility_view AS
SELECT id AS facility_id, institution_id, borrower_id, amount, used, status, valid_from, valid_to FROM facility;

CREATE TABLE warning_list
(
  id           BIGSERIAL PRIMARY KEY,
  department   TEXT        NOT NULL CHECK (department IN ('MIIT', 'NDRC', 'PBOC', 'NFRA')),
  region_code  TEXT CHECK (region_code IS NULL OR region_code ~ '^[0-9]{6}$'),
  title        TEXT        NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  reason       TEXT        NOT NULL CHECK (length(reason) BETWEEN 2 AND 1000),
  severity     TEXT        NOT NULL CHECK (severity IN ('HIGH', 'MEDIUM', 'LOW')),
  confidential BOOLEAN     NOT NULL,
  answer_days  INT         NOT NULL CHECK (answer_days BETWEEN 1 AND 60),
  published_on DATE        NOT NULL,
  due_on       DATE        NOT NULL CHECK (due_on >= published_on),
  published_by TEXT        NOT NULL,
  published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE warning_entry
(
  id              BIGSERIAL PRIMARY KEY,
  list_id         BIGINT NOT NULL REFERENCES warning_list (id),
  line            INT    NOT NULL,
  enterprise_id   BIGINT NOT NULL REFERENCES enterprise (id),
  credit_code     TEXT   NOT NULL,
  enterprise_name TEXT   NOT NULL,
  region_code     TEXT,
  project_name    TEXT CHECK (project_name IS NULL OR length(project_name) BETWEEN 2 AND 200),
  reason          TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 2 AND 500),
  UNIQUE (list_id, enterprise_id, project_name)
);
CREATE INDEX warning_entry_list ON warning_entry (list_id);
CREATE INDEX warning_entry_enterprise ON warning_entry (enterprise_id);

-- One institution's exposure to one listed enterprise: on the risk obligor itself (OBLIGOR) or only through another
-- member of its group (GROUP); loans outstanding and unused credit lines as they stood when the list was published.
CREATE TABLE warning_exposure
(
  id                 BIGSERIAL PRIMARY KEY,
  list_id            BIGINT         NOT NULL REFERENCES warning_list (id),
  entry_id           BIGINT         NOT NULL REFERENCES warning_entry (id),
  institution_id     BIGINT         NOT NULL REFERENCES institution (id),
  via                TEXT           NOT NULL CHECK (via IN ('OBLIGOR', 'GROUP')),
  loans              INT            NOT NULL CHECK (loans >= 0),
  loan_balance       NUMERIC(20, 2) NOT NULL CHECK (loan_balance >= 0),
  facility_available NUMERIC(20, 2) NOT NULL CHECK (facility_available >= 0),
  due_on             DATE           NOT NULL,
  status             TEXT           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED')),
  action             TEXT CHECK (action IS NULL OR action IN ('MONITOR', 'REDUCE', 'EXIT', 'NO_ACTION')),
  note               TEXT CHECK (note IS NULL OR length(note) BETWEEN 2 AND 1000),
  answered_on        DATE,
  answered_by        TEXT,
  UNIQUE (entry_id, institution_id),
  CHECK ((status = 'ANSWERED') = (answered_on IS NOT NULL AND action IS NOT NULL))
);
CREATE INDEX warning_exposure_list ON warning_exposure (list_id);
CREATE INDEX warning_exposure_institution ON warning_exposure (institution_id, status);

-- A confirmed fund-diversion case a lender's approver reported to the joint mechanism (issue 18 §6): once per case,
-- on the loan's risk obligor; every regulator where the enterprise is sees it, with the rule, not the loan's figures.
CREATE TABLE warning_report
(
  id             BIGSERIAL PRIMARY KEY,
  case_number    TEXT   NOT NULL UNIQUE,
  rule           TEXT   NOT NULL,
  loan_id        BIGINT NOT NULL REFERENCES loan (id),
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  enterprise_id  BIGINT NOT NULL REFERENCES enterprise (id),
  reason         TEXT   NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  reported_on    DATE   NOT NULL,
  reported_by    TEXT   NOT NULL
);
CREATE INDEX warning_report_enterprise ON warning_report (enterprise_id);
