-- Following a loan's money reads an institution's payments by account and day (issue 18 §3).
CREATE INDEX monitoring_payment_account ON monitoring_payment (institution_id, account, value_date);
