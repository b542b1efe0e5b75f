-- Following a loan's money reads payments by account and day (issue 18 §3). The account leads: an index led by
-- the institution would tempt the planner on the detections' per-borrower reads, which the enterprise index serves.
CREATE INDEX monitoring_payment_account ON monitoring_payment (account, value_date);
