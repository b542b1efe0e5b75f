package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialisedSmeEvaluationTests {

    static int points(EvaluationInputs in, String indicator) {
        return SpecialisedSmeEvaluation.evaluate(in).indicator(indicator).orElseThrow().points();
    }

    @ParameterizedTest(name = "main-business share {0} % scores {1}")
    @CsvSource({"80, 5", "79.99, 3", "70, 3", "69.99, 1", "60, 1", "59.99, 0"})
    void main_business_share_scores_5_3_1_from_80_70_60_percent(String share, int expected) {
        EvaluationInputs in = Samples.blank().revenue(bd("100")).mainBusinessRevenue(bd(share)).build();
        assertThat(points(in, "main_business_share")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "revenue {0} after 100 two years ago scores {1}")
    @CsvSource({"121, 10", "120.99, 8", "108.16, 4", "108.15, 2", "100, 2", "99.99, 0"})
    void two_year_growth_is_compound_and_scores_ten_from_ten_percent_and_two_from_zero(String revenue, int expected) {
        // 121 / 100 is 10 % a year compounded; 108.16 / 100 is 4 %, the top of the 0–4 % band.
        EvaluationInputs in = Samples.blank().revenueTwoYearsAgo(bd("100")).revenue(bd(revenue)).build();
        assertThat(points(in, "main_revenue_cagr")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} years in the niche score {1}")
    @CsvSource({"0, 0", "1, 0", "2, 1", "3, 1", "9, 4", "10, 5", "30, 5"})
    void years_in_niche_earn_one_point_per_full_two_years_up_to_five(int years, int expected) {
        assertThat(points(Samples.blank().yearsInNiche(years).build(), "years_in_niche")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "key field {0} scores {1}")
    @CsvSource({"true, 5", "false, 3"})
    void the_product_field_scores_five_in_a_key_field_and_three_otherwise(boolean key, int expected) {
        assertThat(points(Samples.blank().inStrategicEmergingIndustry(key).build(), "product_field"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "net margin {0} % scores {1}")
    @CsvSource({"10, 10", "9.99, 8", "4, 4", "3.99, 2", "2, 2", "1.99, 0", "-5, 0"})
    void net_margin_scores_ten_from_ten_percent_and_two_from_two_percent(String profit, int expected) {
        EvaluationInputs in = Samples.blank().revenue(bd("100")).netProfit(bd(profit)).build();
        assertThat(points(in, "net_margin")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "debt ratio {0} % scores {1}")
    @CsvSource({"49.99, 5", "50, 3", "59.99, 3", "60, 1", "69.99, 1", "70, 0"})
    void debt_ratio_scores_5_below_50_then_3_then_1_below_70(String ratio, int expected) {
        EvaluationInputs in = Samples.blank().totalAssets(bd("100")).totalLiabilities(bd(ratio)).build();
        assertThat(points(in, "debt_ratio")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "R&D {0} + {1} on revenue {2} + {3} scores {4}")
    @CsvSource({
            "3000000, 2000000, 1000000000, 1000000000, 10", // 5 M over 2 years
            "2999999, 2000000, 1000000000, 1000000000, 8",
            "600000, 400000, 1000000000, 1000000000, 2", // 1 M: bottom of 1–2 M
            "600000, 399999, 1000000000, 1000000000, 0",
            "500000, 400000, 5000000, 4000000, 10", // 0.9 M on 9 M: 10 %
            "500000, 400000, 5000000, 4000900, 8",
            "500000, 400000, 15000000, 15000000, 2", // 3 %: bottom of 3–4 %
            "500000, 400000, 15000000, 15000300, 0"})
    void rd_investment_takes_the_better_of_two_year_amount_and_two_year_ratio(String rd, String rdLast,
            String revenue, String revenueLast, int expected) {
        EvaluationInputs in = Samples.blank().rdExpense(bd(rd)).rdExpenseLastYear(bd(rdLast)).revenue(bd(revenue))
                .revenueLastYear(bd(revenueLast)).build();
        assertThat(points(in, "rd_investment")).isEqualTo(expected);
    }

    @Test
    void distinctiveness_is_the_province_s_score_as_given() {
        assertThat(points(Samples.blank().distinctivenessScore(15).build(), "distinctiveness")).isEqualTo(15);
    }

    @Test
    void a_strong_enterprise_meets_every_basic_condition_and_scores_seventy_nine() {
        Evaluation e = SpecialisedSmeEvaluation.evaluate(Samples.strong());
        assertThat(e.indicators()).hasSize(13);
        assertThat(e.total()).isEqualTo(79);
        assertThat(e.groupMax("specialisation")).isEqualTo(25);
        assertThat(e.groupMax("refinement")).isEqualTo(25);
        assertThat(e.groupMax("distinctiveness")).isEqualTo(15);
        assertThat(e.groupMax("innovation")).isEqualTo(35);
        assertThat(e.conditionsMet()).containsExactly("years_in_niche_at_least_2", "rd_expense_at_least_1m",
                "rd_ratio_at_least_3", "revenue_10m_or_equity_20m", "score_at_least_60");
        assertThat(e.conditionsFailed()).isEmpty();
        assertThat(e.missing()).isEmpty();
        assertThat(e.suggestsQualification()).isTrue();
    }

    @Test
    void one_year_in_the_niche_fails_the_two_year_condition_despite_the_score() {
        assertOnlyFailure(Samples.strong().toBuilder().yearsInNiche(1).build(), "years_in_niche_at_least_2");
    }

    @Test
    void rd_below_one_million_yuan_fails_even_at_a_high_ratio() {
        assertOnlyFailure(Samples.strong().toBuilder().rdExpense(bd("999999")).rdExpenseLastYear(bd("2000000"))
                .build(), "rd_expense_at_least_1m");
    }

    @Test
    void rd_below_three_percent_of_revenue_fails_even_above_one_million_yuan() {
        assertOnlyFailure(Samples.strong().toBuilder().revenue(bd("50200000")).mainBusinessRevenue(bd("45000000"))
                .build(), "rd_ratio_at_least_3");
    }

    @Test
    void revenue_under_ten_million_without_twenty_million_equity_fails() {
        EvaluationInputs small = Samples.strong().toBuilder().revenue(bd("9990000")).mainBusinessRevenue(
                bd("9000000")).revenueLastYear(bd("8000000")).revenueTwoYearsAgo(bd("6000000"))
                .equityRaisedLast2Years(bd("19990000")).equityRaisedLast3Years(bd("19990000")).build();
        assertOnlyFailure(small, "revenue_10m_or_equity_20m");
        EvaluationInputs funded = small.toBuilder().equityRaisedLast2Years(bd("20000000"))
                .equityRaisedLast3Years(bd("20000000")).build();
        assertThat(SpecialisedSmeEvaluation.evaluate(funded).met("revenue_10m_or_equity_20m")).isTrue();
    }

    @Test
    void a_score_below_sixty_fails_although_the_basic_conditions_hold() {
        EvaluationInputs in = Samples.strong().toBuilder().distinctivenessScore(0).digitalisationLevel(1)
                .qualityCertifications(0).rdInstitutionLevel(RdInstitutionLevel.NONE).build();
        Evaluation e = SpecialisedSmeEvaluation.evaluate(in);
        assertThat(e.total()).isEqualTo(55);
        assertThat(e.conditionsFailed()).containsExactly("score_at_least_60");
        assertThat(e.suggestsQualification()).isFalse();
    }

    @Test
    void missing_inputs_are_listed_and_the_conditions_they_feed_stay_unjudged() {
        EvaluationInputs in = Samples.strong().toBuilder().yearsInNiche(null).digitalisationLevel(null).build();
        Evaluation e = SpecialisedSmeEvaluation.evaluate(in);
        assertThat(e.missing()).containsExactly("years_in_niche", "digitalisation", "years_in_niche_at_least_2");
        assertThat(e.indicator("digitalisation").orElseThrow().band()).isEqualTo(IndicatorScore.NO_BAND);
        assertThat(e.conditionsFailed()).isEmpty();
        assertThat(e.suggestsQualification()).isFalse();
    }

    private static void assertOnlyFailure(EvaluationInputs in, String condition) {
        Evaluation e = SpecialisedSmeEvaluation.evaluate(in);
        assertThat(e.total()).isGreaterThanOrEqualTo(60);
        assertThat(e.conditionsFailed()).containsExactly(condition);
        assertThat(e.suggestsQualification()).isFalse();
    }
}
