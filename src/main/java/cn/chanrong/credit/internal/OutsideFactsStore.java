package cn.chanrong.credit.internal;

import cn.chanrong.credit.features.CreditInputs;
import cn.chanrong.credit.simulation.CashFlowSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tax (银税互动) and credit-bureau summaries of enterprises, as imported or generated. */
@Repository
class OutsideFactsStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OutsideFactsStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The facts as of {@code asOf}: tax over the 12 months up to it, the latest grade and bureau summary. */
    CreditInputs.Outside asOf(long enterpriseId, LocalDate asOf) {
        LocalDate from = asOf.withDayOfMonth(1).minusMonths(11);
        var tax = jdbc.sql("""
                        SELECT count(*), coalesce(sum(tax_paid), 0), coalesce(sum(invoice_sales), 0) FROM tax_record
                         WHERE enterprise_id = :e AND month BETWEEN :f AND :t""")
                .param("e", enterpriseId).param("f", from).param("t", asOf)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)}).single();
        boolean hasTax = (Long) tax[0] > 0;
        String grade = jdbc.sql("SELECT grade FROM tax_grade WHERE enterprise_id = :e AND year <= :y ORDER BY year DESC LIMIT 1")
                .param("e", enterpriseId).param("y", asOf.getYear()).query(String.class).optional().orElse(null);
        var bureau = jdbc.sql("""
                        SELECT loans_outstanding, lenders, overdue_90_share, max_days_overdue_24m, ever_borrowed
                          FROM credit_bureau_summary WHERE enterprise_id = :e AND as_of <= :d ORDER BY as_of DESC LIMIT 1""")
                .param("e", enterpriseId).param("d", asOf)
                .query((rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4), rs.getBoolean(5)})
                .optional().orElse(null);
        return new CreditInputs.Outside(grade, hasTax ? ((BigDecimal) tax[1]).doubleValue() : null,
                hasTax ? ((BigDecimal) tax[2]).doubleValue() : null,
                bureau == null ? null : ((BigDecimal) bureau[0]).doubleValue(), bureau == null ? null : (Integer) bureau[1],
                bureau == null ? null : ((BigDecimal) bureau[2]).doubleValue(), bureau == null ? null : (Integer) bureau[3],
                bureau == null ? null : (Boolean) bureau[4]);
    }

    /** Stores a month of tax facts, replacing what the month had. */
    void upsertTaxMonth(long enterpriseId, YearMonth month, BigDecimal taxPaid, BigDecimal invoiceSales) {
        jdbc.sql("""
                        INSERT INTO tax_record (enterprise_id, month, tax_paid, invoice_sales) VALUES (:e, :m, :t, :s)
                        ON CONFLICT (enterprise_id, month) DO UPDATE SET tax_paid = excluded.tax_paid,
                                                                           invoice_sales = excluded.invoice_sales""")
                .param("e", enterpriseId).param("m", month.atDay(1)).param("t", taxPaid).param("s", invoiceSales).update();
    }

    /** Stores the year's tax grade, replacing what the year had. */
    void upsertTaxGrade(long enterpriseId, int year, String grade) {
        jdbc.sql("""
                        INSERT INTO tax_grade (enterprise_id, year, grade) VALUES (:e, :y, :g)
                        ON CONFLICT (enterprise_id, year) DO UPDATE SET grade = excluded.grade""")
                .param("e", enterpriseId).param("y", year).param("g", grade).update();
    }

    /** Stores a bureau summary, replacing the one of the same date. */
    void upsertBureauSummary(long enterpriseId, cn.chanrong.credit.OutsideFacts.BureauSummary s) {
        jdbc.sql("""
                        INSERT INTO credit_bureau_summary (enterprise_id, as_of, loans_outstanding, lenders, guarantees_given,
                                                           overdue_90_share, max_days_overdue_24m, ever_borrowed)
                        VALUES (:e, :d, :l, :n, :g, :o, :m, :b)
                        ON CONFLICT (enterprise_id, as_of) DO UPDATE SET loans_outstanding = excluded.loans_outstanding,
                          lenders = excluded.lenders, guarantees_given = excluded.guarantees_given,
                          overdue_90_share = excluded.overdue_90_share, max_days_overdue_24m = excluded.max_days_overdue_24m,
                          ever_borrowed = excluded.ever_borrowed""")
                .param("e", enterpriseId).param("d", s.asOf()).param("l", s.loansOutstanding()).param("n", s.lenders())
                .param("g", s.guaranteesGiven()).param("o", s.overdue90Share()).param("m", s.maxDaysOverdue24m())
                .param("b", s.everBorrowed()).update();
    }

    /** Each enterprise's latest overdue-90 share as of the date, for those that have a summary. */
    Map<Long, BigDecimal> overdue90Shares(Collection<Long> enterpriseIds, LocalDate asOf) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (enterprise_id) enterprise_id, overdue_90_share FROM credit_bureau_summary
                         WHERE enterprise_id = ANY(:e) AND as_of <= :d ORDER BY enterprise_id, as_of DESC""")
                .param("e", enterpriseIds.toArray(Long[]::new)).param("d", asOf)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    /** Whether the latest summary as of the date says the enterprise ever borrowed. */
    Optional<Boolean> everBorrowed(long enterpriseId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT ever_borrowed FROM credit_bureau_summary WHERE enterprise_id = :e AND as_of <= :d
                         ORDER BY as_of DESC LIMIT 1""").param("e", enterpriseId).param("d", asOf).query(Boolean.class).optional();
    }

    /**
     * The demo's generated facts of an enterprise that has none: its tax months (tax paid and invoice sales in fen),
     * the tax grade of {@code gradeYear} and the bureau summary as of {@code asOf}, from the simulation's extras.
     */
    void insertGenerated(long enterpriseId, Map<YearMonth, long[]> taxFen, int gradeYear, LocalDate asOf, CashFlowSimulator.Extras x) {
        for (var t : taxFen.entrySet()) {
            template.update("INSERT INTO tax_record (enterprise_id, month, tax_paid, invoice_sales) VALUES (?, ?, ?, ?)", enterpriseId,
                    t.getKey().atDay(1), BigDecimal.valueOf(t.getValue()[0], 2), BigDecimal.valueOf(Math.max(0, t.getValue()[1]), 2));
        }
        template.update("INSERT INTO tax_grade (enterprise_id, year, grade) VALUES (?, ?, ?)", enterpriseId, gradeYear, x.taxGrade());
        template.update("""
                        INSERT INTO credit_bureau_summary (enterprise_id, as_of, loans_outstanding, lenders, guarantees_given,
                                                           overdue_90_share, max_days_overdue_24m, ever_borrowed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", enterpriseId, asOf, BigDecimal.valueOf(x.bankDebt()).setScale(2,
                RoundingMode.HALF_UP), x.lenders(), BigDecimal.ZERO, BigDecimal.valueOf(x.overdue90Share()).setScale(4,
                RoundingMode.HALF_UP), x.maxDaysOverdue24m(), x.everBorrowed());
    }
}
