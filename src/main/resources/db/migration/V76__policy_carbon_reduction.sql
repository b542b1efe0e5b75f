-- Carbon-reduction loans (issue 19 §6): the bank records each green loan's verified CO2 reduction and who verified it;
-- the carbon tool takes only loans so recorded, and each bank discloses its carbon-reduction loans, amounts and CO2
-- avoided (FACTS §1: banks disclose loans and verified CO2 reduction).
CREATE TABLE policy_carbon_reduction
(
  loan_id        BIGINT PRIMARY KEY REFERENCES loan (id),
  loan_number    TEXT           NOT NULL,
  institution_id BIGINT         NOT NULL REFERENCES institution (id),
  borrower_id    BIGINT         NOT NULL REFERENCES enterprise (id),
  co2_tonnes     NUMERIC(16, 2) NOT NULL CHECK (co2_tonnes > 0),
  verifier       TEXT           NOT NULL CHECK (length(verifier) BETWEEN 2 AND 200),
  verified_on    DATE           NOT NULL,
  method         TEXT           NOT NULL CHECK (length(method) BETWEEN 2 AND 500),
  recorded_by    TEXT           NOT NULL,
  recorded_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX policy_carbon_reduction_institution ON policy_carbon_reduction (institution_id);

-- the carbon tool's versions take carbon-reduction loans: green, with the reduction verified
UPDATE policy_programme_version v SET eligibility = v.eligibility || '{"carbonReductionVerified": true}'::jsonb
  FROM policy_programme p WHERE p.id = v.programme_id AND p.code = 'PBOC-CARBON';
