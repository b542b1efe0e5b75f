package cn.chanrong.lending.internal;

import cn.chanrong.lending.domain.ProvisionRates;
import cn.chanrong.lending.domain.ProvisionRatios;
import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Provision configuration as effective-dated data: each institution's rates by tier
 * ({@code lending_provision_rate}) and the floors of its provision ratios ({@code lending_provision_floor}),
 * rows without an institution being the platform's defaults; and the book the ratios are measured on.
 */
@Component
class ProvisionStore {

    /** An institution's book on the business date: loans outstanding, the non-performing part, provisions held. */
    record Book(BigDecimal loans, BigDecimal npl, BigDecimal provisions) {
    }

    private final JdbcClient jdbc;

    ProvisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rates in force for the institution on {@code date}: per tier its own latest row, else the default's. */
    ProvisionRates rates(long institutionId, LocalDate date) {
        Map<Tier, BigDecimal> found = new EnumMap<>(Tier.class);
        jdbc.sql("""
                        SELECT DISTINCT ON (tier) tier, rate FROM lending_provision_rate
                        WHERE (institution_id = :i OR institution_id IS NULL) AND valid_from <= :d
                        ORDER BY tier, institution_id IS NULL, valid_from DESC""")
                .param("i", institutionId).param("d", date)
                .query((rs, n) -> found.put(Tier.valueOf(rs.getString(1)), rs.getBigDecimal(2))).list();
        return ProvisionRates.over(found);
    }

    /** Sets the institution's rate for a tier from {@code validFrom}, replacing one set for the same day. */
    void setRate(long institutionId, Tier tier, BigDecimal rate, LocalDate validFrom, String actor) {
        jdbc.sql("""
                        INSERT INTO lending_provision_rate (institution_id, tier, rate, valid_from, set_by)
                        VALUES (:i, :t, :r, :d, :by)
                        ON CONFLICT (coalesce(institution_id, 0), tier, valid_from)
                        DO UPDATE SET rate = :r, set_by = :by, set_at = now()""")
                .param("i", institutionId).param("t", tier.name()).param("r", rate).param("d", validFrom)
                .param("by", actor).update();
    }

    /** The floors in force for the institution on {@code date}: its own latest, else the defaults. */
    ProvisionRatios.Floors floors(long institutionId, LocalDate date) {
        return jdbc.sql("""
                        SELECT coverage_floor, loan_ratio_floor FROM lending_provision_floor
                        WHERE (institution_id = :i OR institution_id IS NULL) AND valid_from <= :d
                        ORDER BY institution_id IS NULL, valid_from DESC LIMIT 1""")
                .param("i", institutionId).param("d", date)
                .query((rs, n) -> new ProvisionRatios.Floors(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional()
                .orElse(new ProvisionRatios.Floors(ProvisionRatios.COVERAGE_FLOOR_MAX, ProvisionRatios.LOAN_RATIO_FLOOR_MAX));
    }

    /** Sets the institution's floors from {@code validFrom}, replacing those set for the same day. */
    void setFloors(long institutionId, ProvisionRatios.Floors floors, LocalDate validFrom, String actor) {
        jdbc.sql("""
                        INSERT INTO lending_provision_floor (institution_id, coverage_floor, loan_ratio_floor, valid_from, set_by)
                        VALUES (:i, :c, :l, :d, :by)
                        ON CONFLICT (coalesce(institution_id, 0), valid_from)
                        DO UPDATE SET coverage_floor = :c, loan_ratio_floor = :l, set_by = :by, set_at = now()""")
                .param("i", institutionId).param("c", floors.coverage()).param("l", floors.loanRatio())
                .param("d", validFrom).param("by", actor).update();
    }

    /** The institution's active loans: principal outstanding, the non-performing part, provisions held. */
    Book book(long institutionId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(principal_outstanding), 0),
                               coalesce(sum(principal_outstanding) FILTER (WHERE tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0),
                               coalesce(sum(provision), 0)
                        FROM loan WHERE institution_id = :i AND status = 'ACTIVE'""")
                .param("i", institutionId)
                .query((rs, n) -> new Book(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
    }
}
