-- End of day at scale (issue 26). The run's work list: the risk obligors with loans still to close on
-- the date, filled once at the start of a run (one scan of the loan table instead of one per chunk) and
-- emptied obligor by obligor in the chunk's own transaction, so a killed run resumes where it stopped and
-- two workers never take the same obligor.
CREATE TABLE eod_work
(
  business_date DATE   NOT NULL,
  obligor       BIGINT NOT NULL,
  loans         INT    NOT NULL CHECK (loans > 0),
  PRIMARY KEY (business_date, obligor)
);

-- The general ledger takes end of day's accruals as one summary entry per chunk, book and account
-- (a bank's practice); each loan's accrual stays in loan_accrual with the summary's subledger key, and
-- the loan reconciliation adds those rows loan by loan and checks each summary against its rows.
ALTER TABLE loan_accrual ADD COLUMN summary TEXT;
CREATE INDEX loan_accrual_summary ON loan_accrual (summary) WHERE summary IS NOT NULL;

-- Room on each page for the nightly update of a loan's accrued figures to stay on the page (a HOT
-- update: no index entry written). Applies to pages written from now on.
ALTER TABLE loan SET (fillfactor = 75);
