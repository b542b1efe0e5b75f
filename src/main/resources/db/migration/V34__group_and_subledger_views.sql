-- enterprise: the groups enterprises belong to, for lenders' group lines (read view, see V33).
CREATE VIEW enterprise_group_view AS
SELECT id, code, name, name_en, parent_id FROM enterprise_group;

-- ledger: the balance of each account per subledger (a lender's subledger is the loan), so that the
-- owner of the subledger can reconcile its own records against the books without reading postings.
CREATE VIEW ledger_subledger_balance_view AS
SELECT account, subledger, sum(debit) AS debit, sum(credit) AS credit FROM posting GROUP BY account, subledger;
