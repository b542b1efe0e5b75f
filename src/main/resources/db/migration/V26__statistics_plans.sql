-- The manufacturing credit plans against the book, copied at each rebuild of the figures so that the
-- dashboard reads them like every other figure instead of recomputing them from the loan book.
CREATE TABLE stat_plan
(
  institution_id      BIGINT PRIMARY KEY,
  institution_name    TEXT           NOT NULL,
  year                INT            NOT NULL,
  net_increase_target NUMERIC(20, 2) NOT NULL,
  net_increase        NUMERIC(22, 2),
  mlt_share_target    NUMERIC(5, 4)  NOT NULL,
  mlt_share           NUMERIC(6, 4),
  credit_share_target NUMERIC(5, 4)  NOT NULL,
  credit_share        NUMERIC(6, 4)
);
