package cn.chanrong.statistics.internal;

import cn.chanrong.statistics.Supervision.FunnelStep;
import cn.chanrong.statistics.Supervision.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard reads: the figures as last rebuilt ({@code stat_figure}, {@code stat_plan}, {@code stat_refresh})
 * and the funnels counted live from the views matching publishes.
 */
@Repository
class FigureStore {

    /** The sums of one cell: a period, a dimension and its key. */
    record Sum(String period, String dim, String key, SupervisionService.Raw raw) {
    }

    /** When the figures were last rebuilt, as of which date, how long it took, and how many institutions and products were live. */
    record Refreshed(LocalDate asOf, OffsetDateTime refreshedAt, Long millis, long institutions, long products) {
    }

    private static final String SUMS = """
            sum(enterprises), sum(needs), sum(need_amount), sum(matched_needs), sum(signed_amount), sum(disbursed_amount),
            sum(disbursements), sum(beneficiaries), sum(balance), sum(balance_ly), sum(disbursed_ly), sum(mfg_balance),
            sum(mlt_balance), sum(credit_balance), sum(npl_balance), sum(first_loan_borrowers), sum(contributors),
            sum(exposure_balance), sum(junior_balance)""";

    private final JdbcClient jdbc;

    FigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static SupervisionService.Raw raw(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        return new SupervisionService.Raw(rs.getLong(from), rs.getLong(from + 1), rs.getBigDecimal(from + 2), rs.getLong(from + 3),
                rs.getBigDecimal(from + 4), rs.getBigDecimal(from + 5), rs.getLong(from + 6), rs.getLong(from + 7),
                rs.getBigDecimal(from + 8), rs.getBigDecimal(from + 9), rs.getBigDecimal(from + 10),
                rs.getBigDecimal(from + 11), rs.getBigDecimal(from + 12), rs.getBigDecimal(from + 13),
                rs.getBigDecimal(from + 14), rs.getLong(from + 15), rs.getLong(from + 16), rs.getBigDecimal(from + 17),
                rs.getBigDecimal(from + 18));
    }

    /**
     * Year to date by dimension and key, and the monthly totals, of one province ({@code ""} for all), in period,
     * dimension and key order.
     */
    List<Sum> sums(String province) {
        return jdbc.sql("SELECT period, dim, key, " + SUMS + " FROM stat_figure WHERE (:p = '' OR province = :p)"
                        + " AND (period = 'YTD' OR dim = 'TOTAL') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                .param("p", province)
                .query((rs, i) -> new Sum(rs.getString(1), rs.getString(2), rs.getString(3), raw(rs, 4))).list();
    }

    /** Year-to-date totals by province code (two digits), of one province ({@code ""} for all), in code order. */
    Map<String, SupervisionService.Raw> provinceTotals(String province) {
        Map<String, SupervisionService.Raw> out = new LinkedHashMap<>();
        jdbc.sql("SELECT province, " + SUMS + " FROM stat_figure WHERE (:p = '' OR province = :p)"
                        + " AND period = 'YTD' AND dim = 'TOTAL' GROUP BY 1 ORDER BY 1")
                .param("p", province).query(rs -> {
                    out.put(rs.getString(1), raw(rs, 2));
                });
        return out;
    }

    Refreshed refreshed() {
        return jdbc.sql("SELECT as_of, refreshed_at, millis, coalesce(institutions, 0), coalesce(products, 0) FROM stat_refresh WHERE id = 1")
                .query((rs, i) -> new Refreshed(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, Long.class), rs.getLong(4), rs.getLong(5))).single();
    }

    /** The institutions' plans against their books, by institution name. */
    List<Plan> plans() {
        return jdbc.sql("""
                        SELECT institution_id, institution_name, net_increase_target, net_increase, mlt_share_target, mlt_share,
                               credit_share_target, credit_share FROM stat_plan ORDER BY institution_name""")
                .query((rs, i) -> new Plan(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8))).list();
    }

    /** Needs published this year up to the date, those with matching products and those with interest. */
    List<FunnelStep> needFunnel(String province, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE n.has_match), count(*) FILTER (WHERE n.has_interest)
                        FROM matching_need_view n JOIN enterprise_fact_view e ON e.id = n.enterprise_id
                        WHERE n.published_on BETWEEN :from AND :to AND (:p = '' OR e.region_code LIKE :p || '%')""")
                .param("from", asOf.withDayOfYear(1)).param("to", asOf).param("p", province)
                .query((rs, i) -> List.of(new FunnelStep("PUBLISHED", rs.getLong(1)),
                        new FunnelStep("MATCHED_PRODUCTS", rs.getLong(2)), new FunnelStep("INTEREST", rs.getLong(3))))
                .single();
    }

    /** Pushes by the stage they reached, declined, and overdue for contact on the date. */
    List<FunnelStep> pushFunnel(String province, String department, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE contacted_on IS NOT NULL),
                               count(*) FILTER (WHERE 'DUE_DILIGENCE' = ANY(reached)),
                               count(*) FILTER (WHERE 'APPROVED' = ANY(reached)), count(*) FILTER (WHERE 'SIGNED' = ANY(reached)),
                               count(*) FILTER (WHERE 'DISBURSED' = ANY(reached)), count(*) FILTER (WHERE status = 'DECLINED'),
                               count(*) FILTER (WHERE status = 'PUSHED' AND contact_due < :today)
                        FROM matching_push_view
                        WHERE (:p = '' OR region_code LIKE :p || '%') AND (CAST(:d AS text) IS NULL OR department = :d)""")
                .param("p", province).param("d", department).param("today", asOf)
                .query((rs, i) -> List.of(new FunnelStep("PUSHED", rs.getLong(1)), new FunnelStep("CONTACTED", rs.getLong(2)),
                        new FunnelStep("DUE_DILIGENCE", rs.getLong(3)), new FunnelStep("APPROVED", rs.getLong(4)),
                        new FunnelStep("SIGNED", rs.getLong(5)), new FunnelStep("DISBURSED", rs.getLong(6)),
                        new FunnelStep("DECLINED", rs.getLong(7)), new FunnelStep("OVERDUE", rs.getLong(8))))
                .single();
    }

    /** One instrument's figures: how many, of how many enterprises, for how much. */
    record Instrument(long count, long enterprises, BigDecimal amount) {
    }

    /** Equity investments made between the days (the capital module's deals), of enterprises in the province if given. */
    Instrument equityInvested(String province, LocalDate from, LocalDate to) {
        return instrument("capital_deal_view", "amount", "invested_on", "stage = 'INVESTED'", province, from, to);
    }

    /** Leases starting between the days (the capital module's), amount financed, of lessees in the province if given. */
    Instrument leasesStarted(String province, LocalDate from, LocalDate to) {
        return instrument("capital_lease_view", "financed", "start_on", "TRUE", province, from, to);
    }

    /** First-of-a-kind policies whose cover starts between the days, sum insured, of makers in the province if given. */
    Instrument policiesStarted(String province, LocalDate from, LocalDate to) {
        return instrument("capital_policy_view", "sum_insured", "start_on", "TRUE", province, from, to);
    }

    /** Rows of a published view (its names are constants of this class) counted and summed between the days. */
    private Instrument instrument(String view, String amount, String day, String condition, String province,
                                  LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*), count(DISTINCT x.enterprise_id), coalesce(sum(x." + amount + "), 0) FROM " + view
                        + " x WHERE " + condition + " AND x." + day + " BETWEEN :f AND :t"
                        + " AND (CAST(:p AS text) IS NULL OR x.enterprise_id IN"
                        + " (SELECT enterprise_id FROM enterprise_region_view WHERE region_code LIKE :p || '%'))")
                .param("f", from).param("t", to).param("p", province)
                .query((rs, n) -> new Instrument(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).single();
    }
}
