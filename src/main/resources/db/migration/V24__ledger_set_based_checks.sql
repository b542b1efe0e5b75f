-- Batched posting, checked per statement instead of per row. Row-level foreign keys cost one
-- referential-integrity trigger per posting and per account (two lookups for each of the tens of
-- thousands of postings a batch inserts); the statement-level trigger now checks the same facts
-- once per statement, set-based: every posting's entry exists (and is of this transaction) and
-- every account is in the chart. Entries and postings are append-only and the chart refuses deletes,
-- so nothing can orphan a posting later. The deferred per-entry check only needs an entry to have
-- postings: their balance is already checked statement by statement.
ALTER TABLE posting DROP CONSTRAINT posting_entry_id_fkey;
ALTER TABLE posting DROP CONSTRAINT posting_account_fkey;

CREATE OR REPLACE FUNCTION posting_statement_balances() RETURNS trigger LANGUAGE plpgsql AS $$
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
  SELECT n.entry_id, e.id AS found INTO bad FROM (SELECT DISTINCT entry_id FROM new_rows) n
    LEFT JOIN journal_entry e ON e.id = n.entry_id
  WHERE e.id IS NULL OR e.xmin <> pg_current_xact_id()::xid LIMIT 1;
  IF FOUND THEN
    IF bad.found IS NULL THEN
      RAISE EXCEPTION 'journal entry % does not exist', bad.entry_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RAISE EXCEPTION 'journal entry % was committed earlier: postings cannot be added to it', bad.entry_id;
  END IF;
  SELECT n.account INTO bad FROM (SELECT DISTINCT account FROM new_rows) n
    LEFT JOIN ledger_account a ON a.code = n.account WHERE a.code IS NULL LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'account % is not in the chart of accounts', bad.account USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION journal_entry_has_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM posting WHERE entry_id = NEW.id) THEN
    RAISE EXCEPTION 'journal entry % has no postings; at least two are needed', NEW.id;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER journal_entry_balanced ON journal_entry;
CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_has_postings();

CREATE FUNCTION ledger_chart_keeps_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'accounts stay in the chart once created (%)', OLD.code;
END $$;
CREATE TRIGGER ledger_account_kept BEFORE DELETE OR UPDATE OF code ON ledger_account
  FOR EACH ROW EXECUTE FUNCTION ledger_chart_keeps_accounts();
