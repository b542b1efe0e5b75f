-- Rentals received (issue 22 §1): each rental's amount paid and the part of it that was interest, the payments as the
-- lessor recorded them, and the lessor's accounts for leases in the financial-enterprise chart.

ALTER TABLE capital_lease_rental
  ADD COLUMN paid          NUMERIC(20, 2) NOT NULL DEFAULT 0,
  ADD COLUMN interest_paid NUMERIC(20, 2) NOT NULL DEFAULT 0,
  ADD COLUMN paid_on       DATE,
  ADD CONSTRAINT capital_lease_rental_paid CHECK (paid >= 0 AND paid <= rent),
  ADD CONSTRAINT capital_lease_rental_interest_paid CHECK (interest_paid >= 0 AND interest_paid <= interest
                                                            AND interest_paid <= paid),
  ADD CONSTRAINT capital_lease_rental_paid_on CHECK ((paid_on IS NOT NULL) = (paid = rent));

CREATE SEQUENCE capital_lease_payment_number;

CREATE TABLE capital_lease_payment
(
  id          BIGSERIAL PRIMARY KEY,
  number      TEXT           NOT NULL UNIQUE,
  lease_id    BIGINT         NOT NULL REFERENCES capital_lease (id),
  amount      NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  interest    NUMERIC(20, 2) NOT NULL CHECK (interest >= 0 AND interest <= amount),
  received_on DATE           NOT NULL,
  entry_id    BIGINT         NOT NULL,
  recorded_by TEXT           NOT NULL,
  recorded_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX capital_lease_payment_lease ON capital_lease_payment (lease_id, id);

-- A lessor's accounts (金融企业会计科目): the lease payments receivable gross, the finance income not yet earned against
-- them, and the lessees' deposits held.
INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('1531', '应收融资租赁款', 'Finance lease receivables', 'ASSET', NULL),
  ('1532', '未实现融资收益', 'Unearned finance income', 'CONTRA_ASSET', NULL),
  ('2244', '其他应付款—租赁保证金', 'Other payables: lease deposits received', 'LIABILITY', NULL);
