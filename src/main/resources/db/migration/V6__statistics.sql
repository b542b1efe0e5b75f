-- Facts the statistics module keeps from registry events (its own copy; it never reads enterprise).
CREATE TABLE stat_enterprise
(
  enterprise_id    BIGINT PRIMARY KEY,
  version          INT     NOT NULL,
  province_code    CHAR(6) NOT NULL,
  industry_section CHAR(1) NOT NULL,
  size_class       TEXT    NOT NULL
);
CREATE INDEX stat_enterprise_province ON stat_enterprise (province_code);
