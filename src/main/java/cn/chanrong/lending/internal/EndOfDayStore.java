package cn.chanrong.lending.internal;

import cn.chanrong.lending.EndOfDay.Run;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * End of day's runs ({@code eod_run}) and its work list ({@code eod_work}): the risk obligors
 * ({@link ClassificationStore#OBLIGOR}) whose active loans are not yet brought to or classified on the
 * date, listed by one scan at the start of a run and taken a chunk at a time — skipping those another
 * worker holds — then struck off in the chunk's transaction. The run's {@code borrowers} column counts
 * obligors.
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

    /** Starts the date's run, or starts it again counting what an earlier run already did. */
    void start(LocalDate date, long borrowers, long loans) {
        jdbc.sql("""
                        INSERT INTO eod_run (business_date, status, borrowers, loans_total, loans_done)
                        VALUES (:d, 'RUNNING', :b, :t, 0)
                        ON CONFLICT (business_date) DO UPDATE SET status = 'RUNNING', borrowers = :b,
                            loans_total = eod_run.loans_done + :t, finished_at = NULL""")
                .param("d", date).param("b", borrowers).param("t", loans).update();
    }

    /** Adds obligors and loans listed after the run started (paid out meanwhile) to the run's totals. */
    void more(LocalDate date, long borrowers, long loans) {
        jdbc.sql("UPDATE eod_run SET borrowers = borrowers + :b, loans_total = loans_total + :t WHERE business_date = :d")
                .param("b", borrowers).param("t", loans).param("d", date).update();
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

    /**
     * Lists the risk obligors with loans still to be closed on the date that the work list lacks (all of
     * them at the start of a run; after a crash, or loans paid out during the run, the rest); returns
     * how many obligors and loans it added.
     */
    long[] fillWorkList(LocalDate date) {
        return jdbc.sql("WITH added AS (INSERT INTO eod_work (business_date, obligor, loans) SELECT :d, "
                        + ClassificationStore.OBLIGOR + " AS obligor, count(*) " + PENDING
                        + " GROUP BY obligor ON CONFLICT DO NOTHING RETURNING loans) SELECT count(*), coalesce(sum(loans), 0) FROM added")
                .param("d", date).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Locks the loans, in id order, and answers their versions. */
    java.util.Map<Long, Integer> lockVersions(Long[] ids) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        jdbc.sql("SELECT id, version FROM loan WHERE id = ANY(:ids) ORDER BY id FOR UPDATE").param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        return out;
    }

    /** How many obligors and loans the date's work list holds. */
    long[] workLeft(LocalDate date) {
        return jdbc.sql("SELECT count(*), coalesce(sum(loans), 0) FROM eod_work WHERE business_date = :d").param("d", date)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /**
     * Up to {@code limit} obligors of the work list in id order, each with how many loans, locked for
     * this transaction; obligors another worker holds are skipped.
     */
    List<long[]> takeWork(LocalDate date, int limit) {
        return jdbc.sql("""
                        SELECT obligor, loans FROM eod_work WHERE business_date = :d ORDER BY obligor LIMIT :n
                        FOR UPDATE SKIP LOCKED""")
                .param("d", date).param("n", limit).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Strikes the obligors off the date's work list (in the transaction that closed their loans). */
    void workDone(LocalDate date, Long[] obligors) {
        jdbc.sql("DELETE FROM eod_work WHERE business_date = :d AND obligor = ANY(:o)")
                .param("d", date).param("o", obligors).update();
    }

    /**
     * The obligors' active loans, in id order; each with 1 when it is still to be closed on the date,
     * else 0. Not locked: the chunk writes each loan back only at the version it read (a loan repaid
     * meanwhile fails the chunk, which is then taken again).
     */
    List<long[]> closing(Long[] obligors, LocalDate date) {
        return jdbc.sql("""
                        SELECT id, CASE WHEN accrued_through < :d OR classified_on IS NULL OR classified_on < :d THEN 1 ELSE 0 END
                        FROM loan WHERE coalesce(risk_obligor_id, borrower_id) = ANY(:b) AND status = 'ACTIVE'
                          AND disbursed_on <= :d
                        ORDER BY id""")
                .param("b", obligors).param("d", date).query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
    }
}
