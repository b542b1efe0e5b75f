-- The register ranks, it does not refuse (Civil Code 414/416, FACTS §10): every valid filing is
-- registered; the business day of registration and, for a purchase-money interest, the delivery date
-- of the goods decide its priority.
ALTER TABLE registry_filing
  ADD COLUMN registered_on  DATE,
  ADD COLUMN purchase_money BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN delivered_on   DATE;
UPDATE registry_filing SET registered_on = (registered_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE registry_filing ALTER COLUMN registered_on SET NOT NULL;
-- an identifier added by an amendment ranks from the amendment's place in the sequence
ALTER TABLE registry_identifier ADD COLUMN added_seq BIGINT;
