-- Cheaper balance checks for batched posting. Each statement that inserts postings must leave every
-- entry it touches balanced with at least two postings, and may only add postings to entries created
-- in the same transaction (no lines appended to a committed entry). Checked once per statement over
-- the inserted rows, instead of once per posting at commit. The deferred per-entry check stays: it
-- catches an entry left with no postings at all.
DROP TRIGGER posting_balanced ON posting;

CREATE FUNCTION posting_statement_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad RECORD;
BEGIN
  SELECT n.entry_id, sum(n.debit) AS d, sum(n.credit) AS c, count(*) AS k INTO bad
  FROM new_rows n GROUP BY n.entry_id
  HAVING sum(n.debit) <> sum(n.credit) OR count(*) < 2 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance in this statement: debits % <> credits % in % posting(s)',
      bad.entry_id, bad.d, bad.c, bad.k;
  END IF;
  SELECT n.entry_id INTO bad FROM new_rows n JOIN journal_entry e ON e.id = n.entry_id
  WHERE e.xmin <> pg_current_xact_id()::xid LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % was committed earlier: postings cannot be added to it', bad.entry_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER posting_statement_balanced AFTER INSERT ON posting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_statement_balances();
