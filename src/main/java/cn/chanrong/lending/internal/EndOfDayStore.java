package cn.chanrong.lending.internal;

import cn.chanrong.lending.EndOfDay.Run;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * End of day's runs ({@code eod_run}) and its work list: the active loans not yet brought to or
 * classified on the date, taken risk obligor by risk obligor ({@link ClassificationStore#OBLIGOR}) and
 * locked a chunk at a time. The run's {@code borrowers} column counts obligors.
 */
@Component
class EndOfDayStore {

    private static final String PENDING = """
            FROM loan WHERE status = 'ACTIVE' AND disbursed_on <= :d
              AND (accrued_through < :d OR classified_on IS NULL OR classified_on < :d)""";

    private final JdbcClient jdbc;

    EndOfDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many loans are still to be closed on the date. */
    long pendingLoans(LocalDate date) {
        return jdbc.sql("SELECT count(*) " + PENDING).param("d", date).query(Long.class).single();
    }

    /** How many risk obligors have a loan still to be closed on the date. */
    long pendingBorrowers(LocalDate date) {
        return jdbc.sql("SELECT count(DISTINCT " + ClassificationStore.OBLIGOR + ") " + PENDING).param("d", date).query(Long.class).single();
    }

    /** Starts the date's run, or starts it again counting what an earlier run already did. */
    void start(LocalDate date, long borrowers, long loans) {
        jdbc.sql("""
                        INSERT INTO eod_run (business_date, status, borrowers, loans_total, loans_done)
                        VALUES (:d, 'RUNNING', :b, :t, 0)
                        ON CONFLICT (business_date) DO UPDATE SET status = 'RUNNING', borrowers = :b,
                            loans_total = eod_run.loans_done + :t, finished_at = NULL""")
                .param("d", date).param("b", borrowers).param("t", loans).update();
    }

    /** Counts {@code loans} more done in the date's run. */
    void done(LocalDate date, int loans) {
        jdbc.sql("UPDATE eod_run SET loans_done = loans_done + :n WHERE business_date = :d")
                .param("n", loans).param("d", date).update();
    }

    /** Marks the date's run done. */
    void finish(LocalDate date) {
        jdbc.sql("UPDATE eod_run SET status = 'DONE', finished_at = now() WHERE business_date = :d").param("d", date).update();
    }

    Optional<Run> status(LocalDate date) {
        return jdbc.sql("SELECT business_date, status, borrowers, loans_total, loans_done FROM eod_run WHERE business_date = :d")
                .param("d", date)
                .query((rs, i) -> new Run(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .optional();
    }

    /** Up to {@code limit} risk obligors with loans still to be closed, in id order, each with how many. */
    List<long[]> pendingByBorrower(LocalDate date, int limit) {
        return jdbc.sql("SELECT " + ClassificationStore.OBLIGOR + " AS obligor, count(*) " + PENDING
                        + " GROUP BY obligor ORDER BY obligor LIMIT :n")
                .param("d", date).param("n", limit).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /**
     * Locks the obligors' active loans, in id order; each with 1 when it is still to be closed on the
     * date, else 0.
     */
    List<long[]> lock(Long[] obligors, LocalDate date) {
        return jdbc.sql("""
                        SELECT id, CASE WHEN accrued_through < :d OR classified_on IS NULL OR classified_on < :d THEN 1 ELSE 0 END
                        FROM loan WHERE coalesce(risk_obligor_id, borrower_id) = ANY(:b) AND status = 'ACTIVE'
                          AND disbursed_on <= :d
                        ORDER BY id FOR UPDATE""")
                .param("b", obligors).param("d", date).query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
    }
}
