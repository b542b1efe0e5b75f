-- Issue 18 §2: the payment stream (Kafka topic chanrong.payments). The consumer keeps how far it has read
-- here, written in the same transaction as the payments, alerts and dead letters of each batch, so after a
-- crash it resumes exactly where its last committed effects end.
CREATE TABLE monitoring_stream_offset
(
  topic           TEXT        NOT NULL CHECK (length(topic) BETWEEN 1 AND 249),
  kafka_partition INT         NOT NULL CHECK (kafka_partition >= 0),
  -- the offset of the next record to read
  next_offset     BIGINT      NOT NULL CHECK (next_offset >= 0),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, kafka_partition)
);

-- A record of the stream whose institution cannot be told (malformed, or a credit code the platform does
-- not know) is set aside too, with no institution. Its source (topic-partition@offset) with its payload sets
-- it aside once, so a replay adds none; the payload is in the key because a topic deleted and created again
-- numbers its records from 0 once more, and a different record there must not be lost.
ALTER TABLE monitoring_dead_letter ALTER COLUMN institution_id DROP NOT NULL;
ALTER TABLE monitoring_dead_letter ADD COLUMN source TEXT CHECK (source IS NULL OR length(source) BETWEEN 1 AND 300);
CREATE UNIQUE INDEX monitoring_dead_letter_source ON monitoring_dead_letter (source, md5(payload))
  WHERE source IS NOT NULL;
