package cn.chanrong.lending.internal;

import cn.chanrong.lending.domain.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What problem loans go through on the loan row: restructuring's new terms and forgiven penalty,
 * write-off, transfer and recoveries after a write-off.
 */
@Component
class WorkoutStore {

    private final JdbcClient jdbc;

    WorkoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgives the unpaid penalty, taken from the recognised receivable first, then from memo. */
    void forgivePenalty(long id, BigDecimal penalty, BigDecimal fromReceivable, BigDecimal fromMemo) {
        jdbc.sql("""
                        UPDATE loan SET penalty_accrued = penalty_accrued - :p, penalty_exact = penalty_accrued - :p,
                            receivable = receivable - :r, memo_receivable = memo_receivable - :m, version = version + 1
                        WHERE id = :id""")
                .param("p", penalty).param("r", fromReceivable).param("m", fromMemo).param("id", id).update();
    }

    /**
     * The restructured terms: rate and maturity, restructured on {@code date} ({@code again} when within
     * an earlier restructuring's observation), non-performing before or not, observed from {@code from}
     * to {@code end}.
     */
    void restructured(long id, BigDecimal rate, LocalDate maturity, LocalDate date, boolean again, boolean nplBefore,
                      LocalDate from, LocalDate end) {
        jdbc.sql("""
                        UPDATE loan SET annual_rate = :r, maturity_date = :m, days_past_due = 0, restructured_on = :d,
                            restructure_count = CASE WHEN :again THEN restructure_count + 1 ELSE 1 END,
                            npl_before_restructure = :npl, observation_from = :from, observation_end = :end,
                            version = version + 1 WHERE id = :id""")
                .param("r", rate).param("m", maturity)
                .param("d", date).param("again", again).param("npl", nplBefore).param("from", from)
                .param("end", end).param("id", id).update();
    }

    /** Writes the loan off: the whole claim moves off the balance sheet. */
    void writtenOff(long id, LoanStatus status, BigDecimal claim) {
        jdbc.sql("""
                        UPDATE loan SET status = :status, written_off = :w, principal_outstanding = 0, receivable = 0,
                            memo_receivable = 0, provision = 0, version = version + 1 WHERE id = :id""")
                .param("status", status.name()).param("w", claim).param("id", id).update();
    }

    /** The loan transferred: nothing left on the books. */
    void transferred(long id, LoanStatus status) {
        jdbc.sql("""
                        UPDATE loan SET status = :status, principal_outstanding = 0, receivable = 0, memo_receivable = 0,
                            provision = 0, version = version + 1 WHERE id = :id""")
                .param("status", status.name()).param("id", id).update();
    }

    /** Adds a recovery on a written-off loan. */
    void recovered(long id, BigDecimal amount) {
        jdbc.sql("UPDATE loan SET recovered = recovered + :a, version = version + 1 WHERE id = :id")
                .param("a", amount).param("id", id).update();
    }
}
