package cn.chanrong.credit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An enterprise's latest model inputs and score ({@code credit_features}). */
@Repository
class FeatureStore {

    private final JdbcClient jdbc;

    FeatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the enterprise's inputs as of the date (a JSON object), replacing what it had. */
    void upsertFeatures(long enterpriseId, LocalDate asOf, String featuresJson) {
        jdbc.sql("""
                        INSERT INTO credit_features (enterprise_id, as_of, features) VALUES (:e, :d, CAST(:f AS jsonb))
                        ON CONFLICT (enterprise_id) DO UPDATE SET as_of = excluded.as_of, features = excluded.features,
                                                                  computed_at = now()""")
                .param("e", enterpriseId).param("d", asOf).param("f", featuresJson).update();
    }

    /** Records the score the model gave the stored inputs, and keeps it as the score of the business day. */
    void updateScore(long enterpriseId, long modelId, int score, BigDecimal pd, String grade, LocalDate on) {
        jdbc.sql("UPDATE credit_features SET model_id = :m, score = :s, pd = :pd, grade = :g WHERE enterprise_id = :e")
                .param("m", modelId).param("s", score).param("pd", pd).param("g", grade).param("e", enterpriseId).update();
        jdbc.sql("""
                        INSERT INTO credit_score_history (enterprise_id, scored_on, model_id, score, pd, grade)
                        VALUES (:e, :on, :m, :s, :pd, :g)
                        ON CONFLICT (enterprise_id, scored_on) DO UPDATE SET model_id = excluded.model_id,
                            score = excluded.score, pd = excluded.pd, grade = excluded.grade""")
                .param("m", modelId).param("s", score).param("pd", pd).param("g", grade).param("e", enterpriseId)
                .param("on", on).update();
    }
}
