-- Guarantees one enterprise gave for another's bank debt (对外担保, e.g. mutual guarantees among a core's suppliers),
-- as declared: when the debtor defaults the guarantor is called, which is how distress travels between firms that
-- neither buy from nor sell to each other (issue 20 §3).
CREATE TABLE enterprise_guarantee
(
  guarantor_id BIGINT         NOT NULL REFERENCES enterprise (id),
  debtor_id    BIGINT         NOT NULL REFERENCES enterprise (id),
  amount       NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  declared_by  TEXT           NOT NULL,
  PRIMARY KEY (guarantor_id, debtor_id),
  CHECK (guarantor_id <> debtor_id)
);
CREATE INDEX enterprise_guarantee_debtor ON enterprise_guarantee (debtor_id);

CREATE VIEW enterprise_guarantee_view AS
SELECT guarantor_id, debtor_id, amount FROM enterprise_guarantee;
