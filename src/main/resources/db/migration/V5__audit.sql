-- The audit trail. Business transactions insert entries with seq NULL; a single sealer assigns the
-- sequence and the hash chain in the order entries become visible (commit order).
CREATE TABLE audit_entry
(
  id          BIGSERIAL PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor       TEXT        NOT NULL,
  action      TEXT        NOT NULL,
  target_type TEXT        NOT NULL,
  target_id   TEXT,
  request_id  TEXT,
  outcome     TEXT        NOT NULL CHECK (outcome IN ('SUCCESS', 'REJECTED')),
  detail      TEXT        NOT NULL DEFAULT '',
  seq         BIGINT UNIQUE,
  prev_hash   TEXT,
  hash        TEXT,
  CHECK ((seq IS NULL) = (hash IS NULL))
);
CREATE INDEX audit_entry_unsealed ON audit_entry (id) WHERE seq IS NULL;
CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id);

-- Entries are append-only: the only change allowed is sealing an unsealed entry once.
CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit entries cannot be deleted';
  END IF;
  IF OLD.seq IS NOT NULL
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at OR NEW.actor IS DISTINCT FROM OLD.actor
     OR NEW.action IS DISTINCT FROM OLD.action OR NEW.target_type IS DISTINCT FROM OLD.target_type
     OR NEW.target_id IS DISTINCT FROM OLD.target_id OR NEW.request_id IS DISTINCT FROM OLD.request_id
     OR NEW.outcome IS DISTINCT FROM OLD.outcome OR NEW.detail IS DISTINCT FROM OLD.detail THEN
    RAISE EXCEPTION 'audit entries are append-only (entry %)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_guard();
