package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.schedule.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of a loan's installments: a schedule written as resolved at disbursement, the
 * rewrites that repricing, prepayment, payoff, restructuring and renewal make of it, and the payments
 * spread over its periods; and the count of installments falling due soon (the enterprise's home queue).
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

    /** Spreads a payment onto {@code period}: principal and interest paid. */
    void pay(long loanId, int period, BigDecimal principal, BigDecimal interest) {
        jdbc.sql("""
                        UPDATE loan_installment SET principal_paid = principal_paid + :pp, interest_paid = interest_paid + :pi
                        WHERE loan_id = :l AND period = :p""")
                .param("pp", principal).param("pi", interest).param("l", loanId).param("p", period).update();
    }

    /** Drops the periods due after {@code date} that nothing has been paid on. */
    void dropUnpaidAfter(long loanId, LocalDate date) {
        jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND due_date > :d AND principal_paid = 0 AND interest_paid = 0")
                .param("l", loanId).param("d", date).update();
    }

    /** Adds {@code principal} to what the period due on {@code date} asks. */
    void addPrincipalDueOn(long loanId, LocalDate date, BigDecimal principal) {
        jdbc.sql("UPDATE loan_installment SET principal_due = principal_due + :p WHERE loan_id = :l AND due_date = :d")
                .param("p", principal).param("l", loanId).param("d", date).update();
    }

    /** Adds a last period from {@code start} to {@code due} asking {@code principal} and no interest. */
    void addFinal(long loanId, int period, LocalDate start, LocalDate due, BigDecimal principal) {
        jdbc.sql("""
                        INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                        VALUES (:l, :p, :s, :d, :pr, 0)""")
                .param("l", loanId).param("p", period).param("s", start).param("d", due).param("pr", principal).update();
    }

    /** Drops the periods after {@code period}. */
    void dropAfter(long loanId, int period) {
        jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND period > :p")
                .param("l", loanId).param("p", period).update();
    }

    /** Ends {@code period} on {@code due}, asking the interest earned and {@code principal} beyond what was paid. */
    void endOn(long loanId, int period, LocalDate due, BigDecimal interest, BigDecimal principal) {
        jdbc.sql("""
                        UPDATE loan_installment SET due_date = :d, interest_due = :i, principal_due = principal_paid + :pr
                        WHERE loan_id = :l AND period = :p""")
                .param("d", due).param("i", interest).param("pr", principal).param("l", loanId)
                .param("p", period).update();
    }

    /** Takes the unpaid principal off every period (a restructuring schedules it anew). */
    void clearUnpaidPrincipal(long loanId) {
        jdbc.sql("UPDATE loan_installment SET principal_due = principal_paid WHERE loan_id = :l AND principal_due > principal_paid")
                .param("l", loanId).update();
    }

    /** Forgives the unpaid interest of every period. */
    void forgiveUnpaidInterest(long loanId) {
        jdbc.sql("UPDATE loan_installment SET interest_due = interest_paid WHERE loan_id = :l AND interest_due > interest_paid")
                .param("l", loanId).update();
    }

    /** Settles the principal of every period (a renewal carries it to the new loan). */
    void settlePrincipal(long loanId) {
        jdbc.sql("UPDATE loan_installment SET principal_paid = principal_due WHERE loan_id = :l").param("l", loanId).update();
    }

    /** Installments of the caller's running loans falling due from today to {@code days} days on and not yet paid. */
    long dueWithin(Caller caller, LocalDate today, int days) {
        Map<String, Object> p = new java.util.HashMap<>();
        String where = LoanStore.visible(caller, p);
        return jdbc.sql("SELECT count(*) FROM loan l JOIN loan_installment i ON i.loan_id = l.id WHERE l.status = :active"
                        + " AND i.due_date BETWEEN :today AND :until"
                        + " AND (i.principal_paid < i.principal_due OR i.interest_paid < i.interest_due) AND " + where)
                .params(p).param("active", LoanStatus.ACTIVE.name()).param("today", today)
                .param("until", today.plusDays(days)).query(Long.class).single();
    }
}
