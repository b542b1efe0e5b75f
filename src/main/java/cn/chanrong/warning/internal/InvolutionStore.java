package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.warning.InvolutionWatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the involution watch: the year's lending summed in the caller's scope, and the institutions' cost settings. */
@Repository
class InvolutionStore {

    /** The lender; the financial regulators and the industry departments where the borrower is. */
    static final ReadScope SCOPE = ReadScope.customerData().alsoDepartment("MIIT").alsoDepartment("NDRC")
            .institution("p.institution_id").regionOfEnterprise("p.obligor_id");

    private final JdbcClient jdbc;

    InvolutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static BigDecimal fen(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The rows of one dimension (INSTITUTION, REGION — the province —, SECTOR — the GB/T 4754 division) for loans paid out
     * from {@code from} to {@code to}, the restricted lending of the year before beside it; names are the caller's to add
     * for regions and sectors.
     */
    List<InvolutionWatch.Row> rows(Caller caller, String dimension, LocalDate from, LocalDate to, List<String> restricted) {
        Map<String, Object> p = new HashMap<>();
        String w = SCOPE.where(caller, p);
        String key = switch (dimension) {
            case "INSTITUTION" -> "p.institution_id::text";
            case "REGION" -> "left(e.region_code, 2) || '0000'";
            default -> "left(e.industry_code, 3)";
        };
        return jdbc.sql("""
                        WITH l AS (
                          SELECT %s AS k, p.institution_id, p.principal, p.disbursed_on >= :from AS this_year,
                                 e.industry_code LIKE ANY (:restricted) AS restricted, p.purpose = 'FIXED_ASSET' AS capacity,
                                 p.annual_rate < c.cost + coalesce(g.pd, 0) * c.lgd_percent AS below_cost
                            FROM loan_pricing_view p
                            JOIN enterprise_party_view e ON e.id = p.obligor_id
                            LEFT JOIN credit_grade_view g ON g.enterprise_id = p.obligor_id
                            LEFT JOIN LATERAL (
                              SELECT s.funding_percent + s.operating_percent + s.capital_percent AS cost, s.lgd_percent
                                FROM warning_cost_setting s
                               WHERE (s.institution_id = p.institution_id OR s.institution_id IS NULL)
                                 AND s.effective_from <= p.disbursed_on
                               ORDER BY s.institution_id IS NULL, s.effective_from DESC LIMIT 1) c ON TRUE
                           WHERE p.disbursed_on > :before AND p.disbursed_on <= :to AND e.region_code IS NOT NULL
                             AND e.industry_code IS NOT NULL AND %s)
                        SELECT k, count(*) FILTER (WHERE this_year), sum(principal) FILTER (WHERE this_year),
                               sum(principal) FILTER (WHERE this_year AND restricted),
                               sum(principal) FILTER (WHERE NOT this_year AND restricted),
                               count(*) FILTER (WHERE this_year AND restricted AND capacity),
                               sum(principal) FILTER (WHERE this_year AND restricted AND capacity),
                               count(*) FILTER (WHERE this_year AND below_cost),
                               sum(principal) FILTER (WHERE this_year AND below_cost)
                          FROM l GROUP BY k HAVING count(*) FILTER (WHERE this_year) > 0 ORDER BY k""".formatted(key, w))
                .params(p).param("from", from).param("to", to).param("before", from.minusYears(1).minusDays(1))
                .param("restricted", restricted.stream().map(c -> c + "%").toArray(String[]::new))
                .query((rs, n) -> {
                    BigDecimal amount = fen(rs.getBigDecimal(3));
                    BigDecimal restrictedNow = fen(rs.getBigDecimal(4));
                    BigDecimal restrictedBefore = fen(rs.getBigDecimal(5));
                    BigDecimal below = fen(rs.getBigDecimal(9));
                    return new InvolutionWatch.Row(dimension, rs.getString(1), null, rs.getInt(2), amount, restrictedNow,
                            restrictedBefore, restrictedBefore.signum() == 0 ? null
                                    : restrictedNow.subtract(restrictedBefore).multiply(BigDecimal.valueOf(100))
                                    .divide(restrictedBefore, 2, RoundingMode.HALF_UP),
                            rs.getInt(6), fen(rs.getBigDecimal(7)), rs.getInt(8), below,
                            amount.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                                    : below.multiply(BigDecimal.valueOf(100)).divide(amount, 2, RoundingMode.HALF_UP));
                })
                .list();
    }

    /** The institution's settings and the platform's defaults, latest first. */
    List<InvolutionWatch.CostSetting> costSettings(Long institutionId) {
        return jdbc.sql("""
                        SELECT institution_id, funding_percent, operating_percent, capital_percent, lgd_percent, effective_from,
                               set_by FROM warning_cost_setting
                         WHERE institution_id IS NULL OR institution_id = :i ORDER BY institution_id NULLS LAST,
                               effective_from DESC""")
                .param("i", institutionId == null ? -1L : institutionId)
                .query((rs, n) -> new InvolutionWatch.CostSetting(rs.getObject(1, Long.class), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7)))
                .list();
    }

    /** Writes the institution's setting for its day (replacing one set for the same day). */
    void setCost(long institutionId, InvolutionWatch.CostSetting s, String by) {
        jdbc.sql("""
                        INSERT INTO warning_cost_setting (institution_id, funding_percent, operating_percent, capital_percent,
                            lgd_percent, effective_from, set_by)
                        VALUES (:i, :f, :o, :c, :l, :d, :by)
                        ON CONFLICT (coalesce(institution_id, 0), effective_from) DO UPDATE SET
                            funding_percent = EXCLUDED.funding_percent, operating_percent = EXCLUDED.operating_percent,
                            capital_percent = EXCLUDED.capital_percent, lgd_percent = EXCLUDED.lgd_percent,
                            set_by = EXCLUDED.set_by, set_at = now()""")
                .param("i", institutionId).param("f", s.fundingPercent()).param("o", s.operatingPercent())
                .param("c", s.capitalPercent()).param("l", s.lgdPercent()).param("d", s.effectiveFrom()).param("by", by)
                .update();
    }
}
