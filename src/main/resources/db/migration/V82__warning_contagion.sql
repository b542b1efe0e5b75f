-- Contagion through the chain and stress scenarios (issue 20 §3, docs/WARNING.md §3).

-- scf publishes the claims firms hold on their debtors: confirmed receivables not yet paid nor carried into a voucher,
-- and the live parts of unsettled vouchers at whatever tier they are held; what the holder loses if the debtor fails.
CREATE VIEW scf_claim_view AS
SELECT r.creditor_id AS holder_id, r.debtor_id, 'RECEIVABLE' AS kind, r.amount - r.diluted - r.paid AS amount
FROM scf_receivable r
WHERE r.status IN ('CONFIRMED', 'FINANCED') AND r.amount - r.diluted - r.paid > 0
  AND NOT EXISTS (SELECT 1 FROM scf_voucher_receivable v WHERE v.receivable_id = r.id)
UNION ALL
SELECT p.holder_id, v.issuer_id, 'VOUCHER', p.amount
FROM scf_voucher_part p JOIN scf_voucher v ON v.id = p.voucher_id
WHERE p.status = 'LIVE' AND v.status <> 'SETTLED' AND p.holder_id <> v.issuer_id;

-- Distress at a firm (source) reaches a firm that depends on it (target): its suppliers by the share of their revenue
-- sold to it, the holders of its receivables and vouchers by the share of their revenue owed, its guarantors by the
-- share of their revenue guaranteed, the other members of its group by a fixed 0.3. Shares between one pair add up to
-- at most 1, rounded to six decimals; the channel is the one that weighs most.
CREATE VIEW warning_contagion_edge AS
SELECT c.source, c.target, CAST(least(1, round(sum(c.share), 6)) AS double precision) AS weight,
       (array_agg(c.channel ORDER BY c.share DESC, c.channel))[1] AS channel
FROM (SELECT r.customer_id AS source, r.supplier_id AS target, 'SUPPLY' AS channel, r.annual_volume / t.annual_revenue AS share
        FROM enterprise_relationship_view r JOIN enterprise_party_view t ON t.id = r.supplier_id
       WHERE t.annual_revenue > 0
      UNION ALL
      SELECT k.debtor_id, k.holder_id, 'CLAIM', k.amount / t.annual_revenue
        FROM scf_claim_view k JOIN enterprise_party_view t ON t.id = k.holder_id
       WHERE t.annual_revenue > 0
      UNION ALL
      SELECT g.debtor_id, g.guarantor_id, 'GUARANTEE', g.amount / t.annual_revenue
        FROM enterprise_guarantee_view g JOIN enterprise_party_view t ON t.id = g.guarantor_id
       WHERE t.annual_revenue > 0
      UNION ALL
      SELECT a.id, b.id, 'GROUP', 0.3
        FROM enterprise_party_view a JOIN enterprise_party_view b ON b.group_id = a.group_id AND b.id <> a.id
       WHERE a.group_id IS NOT NULL) c
GROUP BY c.source, c.target;

-- A stress scenario as run: what was shocked and how hard, the rule's settings, who ran it (an institution's own
-- scenario is its own; a regulator's is shared with every institution and the regulators of its region).
CREATE TABLE warning_scenario
(
  id                BIGSERIAL PRIMARY KEY,
  kind              TEXT         NOT NULL CHECK (kind IN ('ENTERPRISE_DEFAULT', 'SECTOR_SHOCK', 'REGION_SHOCK')),
  title             TEXT         NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  enterprise_id     BIGINT REFERENCES enterprise (id),
  industry_code     TEXT CHECK (industry_code IS NULL OR industry_code ~ '^[A-T][0-9]{0,4}$'),
  region_code       TEXT CHECK (region_code IS NULL OR region_code ~ '^[0-9]{6}$'),
  shock_percent     NUMERIC(5, 2) NOT NULL CHECK (shock_percent > 0 AND shock_percent <= 100),
  threshold_percent NUMERIC(5, 2) NOT NULL CHECK (threshold_percent > 0 AND threshold_percent <= shock_percent),
  max_depth         INT          NOT NULL CHECK (max_depth BETWEEN 1 AND 10),
  run_on            DATE         NOT NULL,
  run_by            TEXT         NOT NULL,
  run_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
  institution_id    BIGINT REFERENCES institution (id),
  department        TEXT,
  scope_region      TEXT CHECK (scope_region IS NULL OR scope_region ~ '^[0-9]{6}$'),
  shocked           INT          NOT NULL CHECK (shocked >= 0),
  stressed          INT          NOT NULL CHECK (stressed >= shocked),
  rounds            INT          NOT NULL CHECK (rounds >= 0),
  CHECK ((kind = 'ENTERPRISE_DEFAULT') = (enterprise_id IS NOT NULL)),
  CHECK ((kind = 'SECTOR_SHOCK') = (industry_code IS NOT NULL)),
  CHECK ((kind = 'REGION_SHOCK') = (region_code IS NOT NULL))
);
CREATE INDEX warning_scenario_institution ON warning_scenario (institution_id);

-- Every firm the scenario reached at or above its threshold (and every firm shocked): its impact (share of revenue at
-- risk), the steps from the shock, the channel of the last step and the firms along the way, the shocked one first.
CREATE TABLE warning_scenario_firm
(
  scenario_id   BIGINT           NOT NULL REFERENCES warning_scenario (id),
  enterprise_id BIGINT           NOT NULL REFERENCES enterprise (id),
  impact        DOUBLE PRECISION NOT NULL CHECK (impact > 0 AND impact <= 1),
  depth         INT              NOT NULL CHECK (depth >= 0),
  channel       TEXT CHECK (channel IS NULL OR channel IN ('SUPPLY', 'CLAIM', 'GUARANTEE', 'GROUP')),
  path          BIGINT[]         NOT NULL CHECK (cardinality(path) = depth + 1),
  PRIMARY KEY (scenario_id, enterprise_id),
  CHECK ((depth = 0) = (channel IS NULL))
);
