-- A funder may take a pledge behind another party's senior claim only when it says so (FACTS §10):
-- the offer records the acceptance, the loan's pledge records the position it took in the register.
ALTER TABLE scf_financing_offer ADD COLUMN accept_junior BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE loan_security ADD COLUMN priority_position INT CHECK (priority_position IS NULL OR priority_position >= 1);
