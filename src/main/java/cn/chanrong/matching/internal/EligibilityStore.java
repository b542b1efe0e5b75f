package cn.chanrong.matching.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The eligibility index ({@code need_eligibility}): per enterprise, the eligible products and the near misses. */
@Repository
class EligibilityStore {

    /** An enterprise's row as stored: the eligible product ids and the near misses as JSON. */
    record Stored(Long[] eligible, String nearJson) {
    }

    private final JdbcClient jdbc;

    EligibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enterprises with an open need, in id order. */
    List<Long> enterprisesWithOpenNeeds() {
        return jdbc.sql("SELECT DISTINCT enterprise_id FROM financing_need WHERE status = 'OPEN' ORDER BY 1")
                .query(Long.class).list();
    }

    /** The enterprises that have a row, in id order. */
    List<Long> indexedEnterprises() {
        return jdbc.sql("SELECT enterprise_id FROM need_eligibility ORDER BY 1").query(Long.class).list();
    }

    boolean indexed(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM need_eligibility WHERE enterprise_id = :e").param("e", enterpriseId)
                .query(Long.class).single() > 0;
    }

    Optional<Stored> find(long enterpriseId) {
        return jdbc.sql("SELECT eligible, near::text FROM need_eligibility WHERE enterprise_id = :e")
                .param("e", enterpriseId)
                .query((rs, i) -> new Stored((Long[]) rs.getArray(1).getArray(), rs.getString(2))).optional();
    }

    /** Replaces the enterprise's row. */
    void write(EligibilityIndex.Row r) {
        jdbc.sql("""
                        INSERT INTO need_eligibility (enterprise_id, eligible, near, evaluations, computed_at)
                        VALUES (:e, :el, CAST(:near AS jsonb), :n, now())
                        ON CONFLICT (enterprise_id) DO UPDATE SET eligible = excluded.eligible, near = excluded.near,
                          evaluations = excluded.evaluations, computed_at = excluded.computed_at""")
                .param("e", r.enterpriseId()).param("el", r.eligible().toArray(Long[]::new))
                .param("near", EligibilityIndex.json(r.near())).param("n", r.evaluations()).update();
    }

    /** Takes the product out of the enterprise's row and puts it back where the one-product row {@code r} says it belongs. */
    void patch(long productId, EligibilityIndex.Row r) {
        jdbc.sql("""
                        UPDATE need_eligibility SET
                          eligible = array_remove(eligible, :p) || CAST(:add AS bigint[]),
                          near = (near - CAST(:p AS text)) || CAST(:near AS jsonb),
                          evaluations = evaluations + :n, computed_at = now()
                        WHERE enterprise_id = :e""")
                .param("p", productId).param("add", r.eligible().toArray(Long[]::new))
                .param("near", EligibilityIndex.json(r.near())).param("n", r.evaluations()).param("e", r.enterpriseId())
                .update();
    }
}
