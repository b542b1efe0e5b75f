-- The double-entry ledger: a chart of accounts (after the financial-enterprise chart, 金融企业会计科目),
-- journal entries per book (one book per institution) and their postings. Entries balance, checked at
-- commit by a deferred constraint trigger; postings and entries are never updated or deleted
-- (corrections are reversals). No running balance is stored for shared accounts.
CREATE TABLE ledger_account
(
  code        TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{4}([0-9]{2})*$'),
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE', 'CONTRA_ASSET')),
  subledger   TEXT CHECK (subledger IS NULL OR subledger IN ('LOAN', 'FACILITY', 'RELENDING'))
);
INSERT INTO ledger_account (code, name_zh, name_en, type, subledger) VALUES
  ('1001', '库存现金', 'Cash on hand', 'ASSET', NULL),
  ('1003', '存放中央银行款项', 'Deposits with the central bank', 'ASSET', NULL),
  ('1011', '存放同业', 'Deposits with other banks', 'ASSET', NULL),
  ('1132', '应收利息', 'Interest receivable', 'ASSET', 'LOAN'),
  ('1301', '贴现资产', 'Discounted assets', 'ASSET', 'LOAN'),
  ('1303', '贷款', 'Loans', 'ASSET', 'LOAN'),
  ('1304', '贷款损失准备', 'Loan-loss provisions', 'CONTRA_ASSET', 'LOAN'),
  ('2002', '吸收存款', 'Customer deposits', 'LIABILITY', NULL),
  ('2004', '向中央银行借款', 'Borrowings from the central bank', 'LIABILITY', 'RELENDING'),
  ('2231', '应付利息', 'Interest payable', 'LIABILITY', NULL),
  ('4001', '实收资本', 'Paid-in capital', 'EQUITY', NULL),
  ('6011', '利息收入', 'Interest income', 'INCOME', NULL),
  ('6021', '手续费及佣金收入', 'Fee and commission income', 'INCOME', NULL),
  ('6411', '利息支出', 'Interest expense', 'EXPENSE', NULL),
  ('6701', '资产减值损失', 'Impairment losses', 'EXPENSE', NULL);

CREATE TABLE journal_entry
(
  id            BIGSERIAL PRIMARY KEY,
  book          BIGINT      NOT NULL REFERENCES institution (id),
  business_date DATE        NOT NULL,
  posted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  description   TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  source        TEXT        NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
  reverses      BIGINT UNIQUE REFERENCES journal_entry (id),
  posted_by     TEXT        NOT NULL,
  UNIQUE (book, source)
);
CREATE INDEX journal_entry_book_date ON journal_entry (book, business_date);

CREATE TABLE posting
(
  id        BIGSERIAL PRIMARY KEY,
  entry_id  BIGINT NOT NULL REFERENCES journal_entry (id),
  account   TEXT   NOT NULL REFERENCES ledger_account (code),
  debit     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit    NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
  subledger TEXT,
  CHECK ((debit > 0) <> (credit > 0))
);
CREATE INDEX posting_entry ON posting (entry_id);
CREATE INDEX posting_account ON posting (account, subledger);

-- Every entry balances and has at least two postings, checked when the transaction commits.
CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry BIGINT;
  d NUMERIC; c NUMERIC; n INT;
BEGIN
  IF TG_TABLE_NAME = 'posting' THEN
    entry := NEW.entry_id;
  ELSE
    entry := NEW.id;
  END IF;
  SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*) INTO d, c, n FROM posting WHERE entry_id = entry;
  IF n < 2 THEN
    RAISE EXCEPTION 'journal entry % has % posting(s); at least two are needed', entry, n;
  END IF;
  IF d <> c THEN
    RAISE EXCEPTION 'journal entry % does not balance: debits % <> credits %', entry, d, c;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER posting_balanced AFTER INSERT ON posting
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();
CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: correct an entry with a reversal', TG_TABLE_NAME;
END $$;
CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON posting
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
