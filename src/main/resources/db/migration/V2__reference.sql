-- Reference data read by every module. Codes tables are filled by the Java migration V3.
CREATE TABLE ref_industry
(
  code    TEXT PRIMARY KEY CHECK (code ~ '^[A-T]([0-9]{2}([0-9]([0-9])?)?)?$'),
  level   SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent  TEXT REFERENCES ref_industry (code),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  CHECK ((level = 1) = (parent IS NULL))
);

CREATE TABLE ref_region
(
  code    CHAR(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  level   SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 2),
  parent  CHAR(6) REFERENCES ref_region (code),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  CHECK ((level = 1) = (parent IS NULL))
);

-- Loan prime rate history (贷款市场报价利率), effective from the publication date.
CREATE TABLE ref_lpr
(
  effective_from DATE NOT NULL,
  tenor          TEXT NOT NULL CHECK (tenor IN ('1Y', '5Y')),
  rate_percent   NUMERIC(6, 4) NOT NULL CHECK (rate_percent > 0 AND rate_percent < 100),
  PRIMARY KEY (tenor, effective_from)
);
INSERT INTO ref_lpr (effective_from, tenor, rate_percent) VALUES
  ('2023-08-21', '1Y', 3.45), ('2023-08-21', '5Y', 4.20),
  ('2024-02-20', '1Y', 3.45), ('2024-02-20', '5Y', 3.95),
  ('2024-07-22', '1Y', 3.35), ('2024-07-22', '5Y', 3.85),
  ('2024-10-21', '1Y', 3.10), ('2024-10-21', '5Y', 3.60),
  ('2025-05-20', '1Y', 3.00), ('2025-05-20', '5Y', 3.50);

-- Exceptions to the Monday–Friday working week: public holidays and the weekend days worked in
-- exchange (调休), as announced by the State Council's General Office each year.
CREATE TABLE ref_calendar_day
(
  day     DATE PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
);
INSERT INTO ref_calendar_day (day, kind, name_zh, name_en)
SELECT d::date, 'HOLIDAY', z, e FROM (VALUES
  -- 2024
  ('2024-01-01', '2024-01-01', '元旦', 'New Year''s Day'),
  ('2024-02-10', '2024-02-17', '春节', 'Spring Festival'),
  ('2024-04-04', '2024-04-06', '清明节', 'Qingming Festival'),
  ('2024-05-01', '2024-05-05', '劳动节', 'Labour Day'),
  ('2024-06-10', '2024-06-10', '端午节', 'Dragon Boat Festival'),
  ('2024-09-15', '2024-09-17', '中秋节', 'Mid-Autumn Festival'),
  ('2024-10-01', '2024-10-07', '国庆节', 'National Day'),
  -- 2025
  ('2025-01-01', '2025-01-01', '元旦', 'New Year''s Day'),
  ('2025-01-28', '2025-02-04', '春节', 'Spring Festival'),
  ('2025-04-04', '2025-04-06', '清明节', 'Qingming Festival'),
  ('2025-05-01', '2025-05-05', '劳动节', 'Labour Day'),
  ('2025-05-31', '2025-06-02', '端午节', 'Dragon Boat Festival'),
  ('2025-10-01', '2025-10-08', '国庆节、中秋节', 'National Day and Mid-Autumn Festival'),
  -- 2026
  ('2026-01-01', '2026-01-03', '元旦', 'New Year''s Day'),
  ('2026-02-15', '2026-02-23', '春节', 'Spring Festival'),
  ('2026-04-04', '2026-04-06', '清明节', 'Qingming Festival'),
  ('2026-05-01', '2026-05-05', '劳动节', 'Labour Day'),
  ('2026-06-19', '2026-06-21', '端午节', 'Dragon Boat Festival'),
  ('2026-09-25', '2026-09-27', '中秋节', 'Mid-Autumn Festival'),
  ('2026-10-01', '2026-10-07', '国庆节', 'National Day')
) AS h (first_day, last_day, z, e), generate_series(first_day::date, last_day::date, interval '1 day') AS d;
INSERT INTO ref_calendar_day (day, kind, name_zh, name_en) VALUES
  ('2024-02-04', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2024-02-18', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2024-04-07', 'WORKDAY', '清明节调休上班', 'Qingming make-up working day'),
  ('2024-04-28', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up working day'),
  ('2024-05-11', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up working day'),
  ('2024-09-14', 'WORKDAY', '中秋节调休上班', 'Mid-Autumn make-up working day'),
  ('2024-09-29', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day'),
  ('2024-10-12', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day'),
  ('2025-01-26', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2025-02-08', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2025-04-27', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up working day'),
  ('2025-09-28', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day'),
  ('2025-10-11', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day'),
  ('2026-01-04', 'WORKDAY', '元旦调休上班', 'New Year make-up working day'),
  ('2026-02-14', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2026-02-28', 'WORKDAY', '春节调休上班', 'Spring Festival make-up working day'),
  ('2026-05-09', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up working day'),
  ('2026-09-20', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day'),
  ('2026-10-10', 'WORKDAY', '国庆节调休上班', 'National Day make-up working day');

-- Restricted and supported sector lists (有扶有控), effective-dated; empty until a list is adopted.
CREATE TABLE ref_sector_list_entry
(
  id            BIGSERIAL PRIMARY KEY,
  list_code     TEXT NOT NULL,
  stance        TEXT NOT NULL CHECK (stance IN ('SUPPORT', 'CONTROL', 'PROHIBIT')),
  industry_code TEXT NOT NULL REFERENCES ref_industry (code),
  note          TEXT,
  valid_from    DATE NOT NULL,
  valid_to      DATE,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX ref_sector_list_entry_industry ON ref_sector_list_entry (industry_code);
