-- Where a bound account is kept (issue 18 §2): the institution on the platform whose name or branch is the
-- account's bank. Its own flows a bank reports without a consent; an account at another bank is seen only
-- through statements imported under the borrower's POST_LOAN consent.
CREATE VIEW institution_branch_view AS
SELECT institution_id, name, region_code FROM institution_branch;

ALTER TABLE cash_account ADD COLUMN held_at BIGINT REFERENCES institution (id);

UPDATE cash_account a SET held_at = coalesce(
    (SELECT i.id FROM institution_party_view i WHERE i.name = btrim(a.bank_name) ORDER BY i.id LIMIT 1),
    (SELECT b.institution_id FROM institution_branch_view b WHERE b.name = btrim(a.bank_name) ORDER BY b.institution_id LIMIT 1));

CREATE OR REPLACE VIEW cash_account_view AS
SELECT id, enterprise_id, account_no, bank_name, currency, bound_at, held_at FROM cash_account;
