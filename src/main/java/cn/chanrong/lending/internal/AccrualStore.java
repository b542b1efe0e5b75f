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
                               npl_before_restructure, restructure_count FROM loan WHERE id = :id""")
                .param("id", loanId)
                .query((rs, i) -> new Servicer.Exact(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getBoolean(6), rs.getInt(7)))
                .single();
    }

    /** {@link #exact} of the loans, by loan. */
    Map<Long, Servicer.Exact> exacts(Long[] ids) {
        Map<Long, Servicer.Exact> out = new HashMap<>();
        jdbc.sql("""
                        SELECT id, interest_exact, penalty_exact, last_overdue_on, observation_from, observation_end,
                               npl_before_restructure, restructure_count FROM loan WHERE id = ANY(:ids)""")
                .param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), new Servicer.Exact(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getBoolean(7), rs.getInt(8))))
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
    int recordAll(List<Accrued> accrued, LocalDate date) {
        StringBuilder rows = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Accrued a : accrued) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            args.addAll(List.of(a.loan().id(), date, a.dInterest(), a.dPenalty(), a.loan().nonAccrual()));
        }
        return jdbc.sql("INSERT INTO loan_accrual (loan_id, business_date, interest, penalty, memo) VALUES " + rows
                + " ON CONFLICT DO NOTHING").params(args).update();
    }

    /** Writes a slice of end of day's new balances in one statement (within the parameter limit). */
    void accruedAll(List<Accrued> accrued, LocalDate date) {
        StringBuilder updates = new StringBuilder();
        List<Object> updateArgs = new ArrayList<>();
        for (Accrued a : accrued) {
            updates.append(updates.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            BigDecimal total = a.total();
            updateArgs.addAll(List.of(a.loan().id(), a.interestExact().setScale(10, RoundingMode.HALF_UP),
                    a.penaltyExact().setScale(10, RoundingMode.HALF_UP), a.dInterest(), a.dPenalty(),
                    a.loan().nonAccrual() ? BigDecimal.ZERO : total, a.dpd()));
        }
        jdbc.sql("""
                        UPDATE loan SET accrued_through = ?, interest_exact = v.ie, penalty_exact = v.pe,
                            interest_accrued = interest_accrued + v.di, penalty_accrued = penalty_accrued + v.dp,
                            receivable = receivable + v.rec, memo_receivable = memo_receivable + (v.di + v.dp - v.rec),
                            days_past_due = v.dpd,
                            last_overdue_on = CASE WHEN v.dpd > 0 THEN ? ELSE last_overdue_on END, version = version + 1
                        FROM (VALUES\s""" + updates + """
                        ) AS v(id, ie, pe, di, dp, rec, dpd) WHERE loan.id = v.id""")
                .params(concat(List.of(date, date), updateArgs)).update();
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
