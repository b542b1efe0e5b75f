-- Each enterprise's score as it stood on each business day it was computed (the last computation of the day wins), so
-- that a deterioration can be seen (issue 20 §2): credit keeps it, warning reads the view.
CREATE TABLE credit_score_history
(
  enterprise_id BIGINT  NOT NULL REFERENCES enterprise (id),
  scored_on     DATE    NOT NULL,
  model_id      BIGINT,
  score         INT     NOT NULL,
  pd            NUMERIC(8, 6),
  grade         TEXT    NOT NULL,
  PRIMARY KEY (enterprise_id, scored_on)
);
INSERT INTO credit_score_history (enterprise_id, scored_on, model_id, score, pd, grade)
SELECT enterprise_id, as_of, model_id, score, pd, grade FROM credit_features WHERE score IS NOT NULL AND grade IS NOT NULL;

CREATE VIEW credit_score_view AS
SELECT enterprise_id, scored_on, score, pd, grade FROM credit_score_history;

INSERT INTO warning_weight (rule, weight, effective_from) VALUES ('SCORE_DETERIORATION', 20, DATE '2025-01-01');
