package cn.chanrong.credit.internal;

import cn.chanrong.credit.features.CreditInputs;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tax (银税互动) and credit-bureau summaries of enterprises, as imported or generated. */
@Repository
class OutsideData {

    private final JdbcClient jdbc;

    OutsideData(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
