-- Chain tags per enterprise as statistics learns them from events (its own copy).
CREATE TABLE stat_enterprise_chain
(
  enterprise_id BIGINT NOT NULL,
  tag           TEXT   NOT NULL,
  PRIMARY KEY (enterprise_id, tag)
);
CREATE INDEX stat_enterprise_chain_tag ON stat_enterprise_chain (tag);
