-- Outbox for cross-module events (Spring Modulith's JDBC event publication registry, schema v2).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Idempotency records: the first result of a creating call, stored in the transaction of its effect.
CREATE TABLE idempotency_record
(
  caller        TEXT        NOT NULL,
  idem_key      TEXT        NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 200),
  operation     TEXT        NOT NULL,
  request_hash  TEXT        NOT NULL,
  status        INT         NOT NULL,
  location      TEXT,
  body          TEXT        NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, idem_key)
);
