-- Published read views of where each party is registered, so that every module applies the
-- regulators' regional scope by joining a view the owner publishes instead of its tables.
-- The enterprise module: an enterprise is in the region of its registration.
-- Its credit code too, for records that name parties by code (invoices).
CREATE VIEW enterprise_region_view AS
SELECT id AS enterprise_id, credit_code, region_code FROM enterprise;

-- The institution module: an institution is in each region where it has its head office or a branch.
CREATE VIEW institution_region_view AS
SELECT id AS institution_id, head_region AS region_code FROM institution WHERE head_region IS NOT NULL
UNION
SELECT institution_id, region_code FROM institution_branch;
