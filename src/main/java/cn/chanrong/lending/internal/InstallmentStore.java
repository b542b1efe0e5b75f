package cn.chanrong.lending.internal;

import cn.chanrong.lending.schedule.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of a loan's installments: a schedule written as resolved at disbursement, and the
 * rewrites that repricing and prepayment make of its future periods.
 */
@Component
class InstallmentStore {

    private final JdbcClient jdbc;

    InstallmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes {@code schedule}'s installments as periods {@code firstPeriod}, {@code firstPeriod + 1}…,
     * the first starting on {@code start} and each of the others on its predecessor's due date.
     */
    void write(long loanId, int firstPeriod, LocalDate start, Schedule schedule) {
        LocalDate from = start;
        for (Schedule.Installment i : schedule.installments()) {
            jdbc.sql("""
                            INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                            VALUES (:l, :p, :s, :d, :pr, :in)""")
                    .param("l", loanId).param("p", firstPeriod - 1 + i.period()).param("s", from).param("d", i.date())
                    .param("pr", i.principal()).param("in", i.interest()).update();
            from = i.date();
        }
    }

    /** Drops the installments from {@code period} on. */
    void dropFrom(long loanId, int period) {
        jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND period >= :p").param("l", loanId).param("p", period)
                .update();
    }

    /** Ends {@code period} early on {@code due} with what it now asks: the principal prepaid and the interest earned. */
    void endEarly(long loanId, int period, LocalDate due, BigDecimal principal, BigDecimal interest) {
        jdbc.sql("""
                        UPDATE loan_installment SET due_date = :d, principal_due = :pr, interest_due = :i
                        WHERE loan_id = :l AND period = :p""")
                .param("d", due).param("pr", principal).param("i", interest).param("l", loanId).param("p", period).update();
    }

    /** Moves the loan's maturity to {@code maturity}, the last due date of its rewritten schedule. */
    void matureOn(long loanId, LocalDate maturity) {
        jdbc.sql("UPDATE loan SET maturity_date = :m, version = version + 1 WHERE id = :id")
                .param("m", maturity).param("id", loanId).update();
    }
}
