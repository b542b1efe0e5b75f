-- Interest subsidies netted off a borrower's interest (issue 19 §3): a loan movement of its own, and the bank's
-- accounts for what a treasury owes it and what a treasury paid it ahead of the claims.
ALTER TABLE loan_transaction DROP CONSTRAINT loan_transaction_type_check;
ALTER TABLE loan_transaction ADD CONSTRAINT loan_transaction_type_check
  CHECK (type IN ('DISBURSEMENT', 'REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'RENEWAL', 'WRITE_OFF', 'RECOVERY', 'TRANSFER',
                  'SUBSIDY'));

INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('1221', '其他应收款—应收财政贴息', 'Other receivables: interest subsidies due from the treasury', 'ASSET', NULL),
  ('2241', '其他应付款—财政预拨贴息资金', 'Other payables: subsidy funds prepaid by the treasury', 'LIABILITY', NULL);
