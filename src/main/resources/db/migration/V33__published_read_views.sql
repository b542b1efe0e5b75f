-- Read views the owners publish, so that no module's SQL names another module's tables: a table is
-- private to its module, a view is what it offers the others (checked by TableOwnershipTests).

-- enterprise: the public profile, supply relationships, related parties, chain tags, statements.
CREATE VIEW enterprise_party_view AS
SELECT id, credit_code, name, name_en, region_code, industry_code, ownership, founding_date, employees, annual_revenue,
       group_id
FROM enterprise;

CREATE VIEW enterprise_chain_tag_view AS
SELECT enterprise_id, tag FROM enterprise_chain_tag;

CREATE VIEW enterprise_relationship_view AS
SELECT supplier_id, customer_id, annual_volume FROM enterprise_relationship;

CREATE VIEW enterprise_related_party_view AS
SELECT enterprise_id, related_enterprise_id, relation FROM enterprise_related_party;

CREATE VIEW enterprise_statement_view AS
SELECT * FROM enterprise_statement;

-- institution: names, codes, type and head office; the published catalogue.
CREATE VIEW institution_party_view AS
SELECT id, credit_code, name, name_en, type, head_region FROM institution;

CREATE VIEW product_view AS
SELECT * FROM product;

-- lending: who is party to a loan and where it stands (consents for monitoring name a loan).
CREATE VIEW loan_party_view AS
SELECT id AS loan_id, institution_id, borrower_id, risk_obligor_id, status FROM loan;

-- cashflow: which accounts an enterprise has bound.
CREATE VIEW cash_account_view AS
SELECT id, enterprise_id, account_no, bank_name, currency, bound_at FROM cash_account;
