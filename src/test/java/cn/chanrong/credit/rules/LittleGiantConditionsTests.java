package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LittleGiantConditionsTests {

    /** The strong sample grown to a given latest-year revenue, keeping its shares and growth plausible. */
    static EvaluationInputs.Builder grown(String revenue, String revenueLastYear) {
        BigDecimal r = bd(revenue);
        return Samples.strong().toBuilder().revenue(r).revenueLastYear(bd(revenueLastYear))
                .revenueTwoYearsAgo(bd(revenueLastYear).multiply(bd("0.8"))).mainBusinessRevenue(r.multiply(bd("0.9")))
                .totalAssets(r).totalLiabilities(r.multiply(bd("0.5")));
    }

    @Test
    void an_enterprise_under_fifty_million_yuan_revenue_is_not_eligible_and_says_why() {
        Evaluation e = LittleGiantConditions.evaluate(Samples.strong());
        assertThat(e.conditionsFailed()).containsExactly("revenue_at_least_50m");
        assertThat(e.conditionsMet()).containsExactly("years_in_niche_at_least_3", "main_business_share_at_least_70",
                "revenue_cagr_at_least_5", "debt_ratio_at_most_70", "niche_market_share_at_least_10");
        assertThat(e.indicators()).isEmpty();
        assertThat(e.total()).isZero();
        assertThat(e.suggestsQualification()).isFalse();
    }

    @ParameterizedTest(name = "R&D {0} + {1} on 120 M + 100 M meets 3 %: {2}")
    @CsvSource({"3600000, 3000000, true", "3500000, 3000000, false"})
    void above_one_hundred_million_yuan_revenue_the_rd_ratio_must_reach_three_percent(String rd, String rdLast,
            boolean met) {
        EvaluationInputs in = grown("120000000", "100000000").rdExpense(bd(rd)).rdExpenseLastYear(bd(rdLast)).build();
        Evaluation e = LittleGiantConditions.evaluate(in);
        assertThat(e.met("revenue_at_least_50m")).isTrue();
        assertThat(e.met(LittleGiantConditions.RD_LARGE)).isEqualTo(met);
        assertThat(e.conditionsFailed().contains(LittleGiantConditions.RD_LARGE)).isEqualTo(!met);
        assertThat(e.suggestsQualification()).isEqualTo(met);
    }

    @ParameterizedTest(name = "R&D {0} + {1} on 80 M + 70 M meets 6 %: {2}")
    @CsvSource({"5000000, 4000000, true", "4990000, 4000000, false"})
    void between_fifty_and_one_hundred_million_yuan_the_rd_ratio_must_reach_six_percent(String rd, String rdLast,
            boolean met) {
        EvaluationInputs in = grown("80000000", "70000000").rdExpense(bd(rd)).rdExpenseLastYear(bd(rdLast)).build();
        Evaluation e = LittleGiantConditions.evaluate(in);
        assertThat(e.met(LittleGiantConditions.RD_MID)).isEqualTo(met);
        assertThat(e.conditionsMet()).doesNotContain(LittleGiantConditions.RD_LARGE);
        assertThat(e.suggestsQualification()).isEqualTo(met);
    }

    @ParameterizedTest(name = "revenue {0} uses the {1} tier")
    @CsvSource({"100000000, rd_ratio_at_least_3_revenue_100m_plus", "99999999, rd_ratio_at_least_6_revenue_50m_to_100m",
            "50000000, rd_ratio_at_least_6_revenue_50m_to_100m"})
    void one_hundred_million_belongs_to_the_upper_tier_and_fifty_million_to_the_middle_one(String revenue,
            String condition) {
        Evaluation e = LittleGiantConditions.evaluate(grown(revenue, "45000000").build());
        assertThat(e.conditionsMet().contains(condition) || e.conditionsFailed().contains(condition)).isTrue();
    }

    @ParameterizedTest(name = "revenue {0} after 100 two years ago meets 5 % compound growth: {1}")
    @CsvSource({"110.25, true", "110.24, false"})
    void two_year_growth_is_the_compound_annual_rate_and_five_percent_is_enough(String revenue, boolean met) {
        EvaluationInputs in = Samples.blank().revenueTwoYearsAgo(bd("100")).revenue(bd(revenue)).build();
        assertThat(LittleGiantConditions.evaluate(in).met("revenue_cagr_at_least_5")).isEqualTo(met);
    }

    @ParameterizedTest(name = "debt {0} of 100 meets at most 70 %: {1}")
    @CsvSource({"70, true", "70.01, false"})
    void a_debt_ratio_of_exactly_seventy_percent_passes(String liabilities, boolean met) {
        EvaluationInputs in = Samples.blank().totalAssets(bd("100")).totalLiabilities(bd(liabilities)).build();
        assertThat(LittleGiantConditions.evaluate(in).met("debt_ratio_at_most_70")).isEqualTo(met);
    }

    @ParameterizedTest(name = "niche share {0} %, main share {1} %, {2} years: all met {3}")
    @CsvSource({"10, 70, 3, true", "9.99, 70, 3, false", "10, 69.99, 3, false", "10, 70, 2, false"})
    void niche_share_main_share_and_years_have_inclusive_thresholds(String niche, String main, int years,
            boolean met) {
        EvaluationInputs in = Samples.blank().nicheMarketShare(bd(niche)).revenue(bd("100"))
                .mainBusinessRevenue(bd(main)).yearsInNiche(years).build();
        Evaluation e = LittleGiantConditions.evaluate(in);
        assertThat(e.conditionsMet()).hasSize(met ? 3 : 2);
    }

    @Test
    void unknown_revenue_leaves_the_rd_tier_missing_and_suggests_nothing() {
        Evaluation e = LittleGiantConditions.evaluate(Samples.strong().toBuilder().revenue(null)
                .mainBusinessRevenue(null).build());
        assertThat(e.missing()).containsExactly("main_business_share_at_least_70", "revenue_cagr_at_least_5",
                LittleGiantConditions.RD_BY_TIER);
        assertThat(e.conditionsFailed()).isEmpty();
        assertThat(e.suggestsQualification()).isFalse();
    }
}
