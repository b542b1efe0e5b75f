package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Interest and penalty accrual: the days recorded in {@code loan_accrual} and the loan's accrued
 * balances with their unrounded figures, one loan at a time or a chunk of end of day at once.
 */
@Component
class AccrualStore {

    /** What one loan earns from the day after {@code accruedThrough} to the end of a date. */
    record Accrued(Loan loan, BigDecimal interestExact, BigDecimal penaltyExact, BigDecimal dInterest,
                   BigDecimal dPenalty, int dpd) {
        BigDecimal total() {
            return dInterest.add(dPenalty);
        }
    }

    private final JdbcClient jdbc;

    AccrualStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The loan's unrounded accruals and the classification facts the public view does not carry. */
    Servicer.Exact exact(long loanId) {
        return jdbc.sql("""
                        SELECT interest_exact, penalty_exact, last_overdue_on, observation_from, observation_end,
                               npl_before_restructure, restructure_count, diverted_amount, diversion_markup
                          FROM loan WHERE id = :id""")
                .param("id", loanId)
                .query((rs, i) -> new Servicer.Exact(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getBoolean(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
                .single();
    }

    /** {@link #exact} of the loans, by loan. */
    Map<Long, Servicer.Exact> exacts(Long[] ids) {
        Map<Long, Servicer.Exact> out = new HashMap<>();
        jdbc.sql("""
                        SELECT id, interest_exact, penalty_exact, last_overdue_on, observation_from, observation_end,
                               npl_before_restructure, restructure_count, diverted_amount, diversion_markup
                          FROM loan WHERE id = ANY(:ids)""")
                .param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), new Servicer.Exact(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getBoolean(7), rs.getInt(8), rs.getBigDecimal(9), rs.getBigDecimal(10))))
                .list();
        return out;
    }

    /** Records the loan's accrual through {@code date}; false when it was already recorded. */
    boolean record(long loanId, LocalDate date, BigDecimal interest, BigDecimal penalty, boolean memo, Long entryId) {
        return jdbc.sql("""
                        INSERT INTO loan_accrual (loan_id, business_date, interest, penalty, memo, entry_id)
                        VALUES (:l, :d, :i, :p, :m, :e) ON CONFLICT DO NOTHING""")
                .param("l", loanId).param("d", date).param("i", interest).param("p", penalty).param("m", memo)
                .param("e", entryId).update() != 0;
    }

    /** Brings the loan's accrued balances to {@code date}: the new exact figures and the fen changes. */
    void accrued(long id, LocalDate date, BigDecimal interestExact, BigDecimal penaltyExact, BigDecimal dInterest,
                 BigDecimal dPenalty, BigDecimal receivable, BigDecimal memo, int daysPastDue) {
        jdbc.sql("""
                        UPDATE loan SET accrued_through = :d, interest_exact = :ie, penalty_exact = :pe,
                            interest_accrued = interest_accrued + :di, penalty_accrued = penalty_accrued + :dp,
                            receivable = receivable + :rec, memo_receivable = memo_receivable + :memo,
                            days_past_due = :dpd, last_overdue_on = CASE WHEN :dpd > 0 THEN :d ELSE last_overdue_on END,
                            version = version + 1
                        WHERE id = :id""")
                .param("d", date).param("ie", interestExact.setScale(10, RoundingMode.HALF_UP))
                .param("pe", penaltyExact.setScale(10, RoundingMode.HALF_UP)).param("di", dInterest)
                .param("dp", dPenalty).param("rec", receivable)
                .param("memo", memo).param("dpd", daysPastDue).param("id", id).update();
    }

    /**
     * Adds a diversion's catch-up penalty (its new exact figure and the fen change) and makes the diverted
     * amount bear the uplift from now on: {@code divertedAmount} added, the markup set.
     */
    void divert(long id, BigDecimal penaltyExact, BigDecimal d, boolean memo, BigDecimal diverted, BigDecimal markup) {
        jdbc.sql("""
                        UPDATE loan SET penalty_exact = :pe, penalty_accrued = penalty_accrued + :d,
                            receivable = receivable + :rec, memo_receivable = memo_receivable + :memo,
                            diverted_amount = coalesce(diverted_amount, 0) + :amt, diversion_markup = :mk,
                            version = version + 1 WHERE id = :id""")
                .param("pe", penaltyExact.setScale(10, RoundingMode.HALF_UP)).param("d", d)
                .param("rec", memo ? BigDecimal.ZERO : d).param("memo", memo ? d : BigDecimal.ZERO)
                .param("amt", diverted).param("mk", markup).param("id", id).update();
    }

    /** Adds a true-up of {@code d} to the interest accrued, with its new exact figure. */
    void trueUp(long id, BigDecimal interestExact, BigDecimal d, BigDecimal receivable, BigDecimal memo) {
        jdbc.sql("""
                        UPDATE loan SET interest_exact = :ie, interest_accrued = interest_accrued + :d,
                            receivable = receivable + :rec, memo_receivable = memo_receivable + :memo,
                            version = version + 1 WHERE id = :id""")
                .param("ie", interestExact.setScale(10, RoundingMode.HALF_UP)).param("d", d)
                .param("rec", receivable).param("memo", memo)
                .param("id", id).update();
    }

    /**
     * Records a slice of end of day's accruals in one statement (within the parameter limit); returns
     * how many were new.
     */
    int recordAll(List<Accrued> accrued, LocalDate date, String summary) {
        int n = accrued.size();
        Long[] ids = new Long[n];
        String[] interest = new String[n];
        String[] penalty = new String[n];
        String[] memo = new String[n];
        for (int i = 0; i < n; i++) {
            Accrued a = accrued.get(i);
            ids[i] = a.loan().id();
            interest[i] = a.dInterest().toPlainString();
            penalty[i] = a.dPenalty().toPlainString();
            memo[i] = Boolean.toString(a.loan().nonAccrual());
        }
        return jdbc.sql("""
                        INSERT INTO loan_accrual (loan_id, business_date, interest, penalty, memo, summary)
                        SELECT l, :d, i, p, m, :s FROM unnest(CAST(:l AS bigint[]), CAST(:i AS numeric[]),
                          CAST(:p AS numeric[]), CAST(:m AS boolean[])) AS u(l, i, p, m)
                        ON CONFLICT DO NOTHING""")
                .param("d", date).param("s", summary).param("l", ids).param("i", interest).param("p", penalty)
                .param("m", memo).update();
    }

    /**
     * Writes the chunk's new balances in one statement, arrays bound as parameters, and marks the loans
     * classified on the date: classification runs in the same transaction, and a loan whose tier changes
     * is written again by the per-loan path before it commits. A loan is written only at the version it
     * was read at; returns how many were written.
     */
    int accruedAll(List<Accrued> accrued, LocalDate date) {
        int n = accrued.size();
        Long[] ids = new Long[n];
        Integer[] versions = new Integer[n];
        String[] ie = new String[n];
        String[] pe = new String[n];
        String[] di = new String[n];
        String[] dp = new String[n];
        String[] rec = new String[n];
        Integer[] dpd = new Integer[n];
        for (int i = 0; i < n; i++) {
            Accrued a = accrued.get(i);
            ids[i] = a.loan().id();
            versions[i] = a.loan().version();
            ie[i] = a.interestExact().setScale(10, RoundingMode.HALF_UP).toPlainString();
            pe[i] = a.penaltyExact().setScale(10, RoundingMode.HALF_UP).toPlainString();
            di[i] = a.dInterest().toPlainString();
            dp[i] = a.dPenalty().toPlainString();
            rec[i] = (a.loan().nonAccrual() ? BigDecimal.ZERO : a.total()).toPlainString();
            dpd[i] = a.dpd();
        }
        return jdbc.sql("""
                        UPDATE loan SET accrued_through = :d, classified_on = :d, interest_exact = v.ie, penalty_exact = v.pe,
                            interest_accrued = interest_accrued + v.di, penalty_accrued = penalty_accrued + v.dp,
                            receivable = receivable + v.rec, memo_receivable = memo_receivable + (v.di + v.dp - v.rec),
                            days_past_due = v.dpd,
                            last_overdue_on = CASE WHEN v.dpd > 0 THEN :d ELSE last_overdue_on END, version = version + 1
                        FROM unnest(CAST(:id AS bigint[]), CAST(:ie AS numeric[]), CAST(:pe AS numeric[]),
                          CAST(:di AS numeric[]), CAST(:dp AS numeric[]), CAST(:rec AS numeric[]), CAST(:dpd AS int[]),
                          CAST(:v AS int[]))
                          AS v(id, ie, pe, di, dp, rec, dpd, ver)
                        WHERE loan.id = v.id AND loan.version = v.ver""")
                .param("d", date).param("id", ids).param("v", versions).param("ie", ie).param("pe", pe).param("di", di).param("dp", dp)
                .param("rec", rec).param("dpd", dpd).update();
    }
}
