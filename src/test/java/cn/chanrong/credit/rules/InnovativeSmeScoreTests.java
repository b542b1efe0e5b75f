package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InnovativeSmeScoreTests {

    static int points(EvaluationInputs in, String indicator) {
        return InnovativeSmeScore.evaluate(in).indicator(indicator).orElseThrow().points();
    }

    @ParameterizedTest(name = "R&D {0} % of revenue scores {1}")
    @CsvSource({"5, 20", "12, 20", "4.99, 15", "3, 15", "2.99, 10", "2, 10", "1.99, 5", "1, 5", "0.99, 0", "0, 0"})
    void rd_ratio_bands_include_their_lower_edge(String percent, int expected) {
        EvaluationInputs in = Samples.blank().revenue(bd("100")).rdExpense(bd(percent)).build();
        assertThat(points(in, "rd_ratio")).isEqualTo(expected);
    }

    @Test
    void rd_ratio_of_four_percent_scores_fifteen_and_shows_its_band() {
        EvaluationInputs in = Samples.blank().revenue(bd("1000000")).rdExpense(bd("40000")).build();
        IndicatorScore s = InnovativeSmeScore.evaluate(in).indicator("rd_ratio").orElseThrow();
        assertThat(s.points()).isEqualTo(15);
        assertThat(s.band()).isEqualTo("3–5%");
    }

    @ParameterizedTest(name = "revenue growth {0} % scores {1}")
    @CsvSource({"15, 20", "14.99, 15", "10, 15", "9.99, 10", "5, 10", "4.99, 5", "0, 5", "-0.01, 0", "-40, 0"})
    void main_revenue_growth_bands_include_their_lower_edge(String growth, int expected) {
        EvaluationInputs in = Samples.blank().revenueLastYear(bd("100")).revenue(bd("100").add(bd(growth))).build();
        assertThat(points(in, "main_revenue_growth")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "debt ratio {0} % scores {1}")
    @CsvSource({"0, 10", "54.99, 10", "55, 5", "75, 5", "75.01, 0", "100, 0"})
    void debt_ratio_band_55_to_75_holds_both_edges_because_the_next_reads_above_75(String ratio, int expected) {
        EvaluationInputs in = Samples.blank().totalAssets(bd("100")).totalLiabilities(bd(ratio)).build();
        assertThat(points(in, "debt_ratio")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "main-business share {0} % scores {1}")
    @CsvSource({"100, 20", "70, 20", "69.99, 15", "60, 15", "59.99, 10", "55, 10", "54.99, 5", "50, 5", "49.99, 0"})
    void main_business_share_bands_include_their_lower_edge(String share, int expected) {
        EvaluationInputs in = Samples.blank().revenue(bd("100")).mainBusinessRevenue(bd(share)).build();
        assertThat(points(in, "main_business_share")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "class I {0}, class II {1}, high-value {2}, self-developed {3} scores {4}")
    @CsvSource({"1, 0, true, false, 20", "2, 0, false, true, 15", "1, 0, false, false, 10", "0, 3, true, true, 5",
            "0, 0, false, false, 0"})
    void main_product_ip_ranks_high_value_then_self_developed_then_class_one_then_class_two(
            int class1, int class2, boolean highValue, boolean selfDeveloped, int expected) {
        EvaluationInputs in = Samples.blank().ipClass1(class1).ipClass2(class2).highValueIp(highValue)
                .selfDevelopedIp(selfDeveloped).build();
        assertThat(points(in, "main_product_ip")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "strategic emerging industry {0} scores {1}")
    @CsvSource({"true, 10", "false, 5"})
    void a_product_in_a_strategic_emerging_industry_scores_ten_and_any_other_five(boolean yes, int expected) {
        assertThat(points(Samples.blank().inStrategicEmergingIndustry(yes).build(), "strategic_emerging_industry"))
                .isEqualTo(expected);
    }

    @Test
    void a_strong_enterprise_qualifies_by_points() {
        Evaluation e = InnovativeSmeScore.evaluate(Samples.strong());
        assertThat(e.total()).isEqualTo(95);
        assertThat(e.max()).isEqualTo(100);
        assertThat(e.groupPoints("innovation")).isEqualTo(35);
        assertThat(e.groupPoints("growth")).isEqualTo(30);
        assertThat(e.groupPoints("specialisation")).isEqualTo(30);
        assertThat(e.conditionsMet()).contains("total_at_least_60", "innovation_at_least_20", "growth_at_least_15",
                "specialisation_at_least_15", "route_points");
        assertThat(e.conditionsFailed()).containsExactly("route_direct");
        assertThat(e.missing()).isEmpty();
        assertThat(e.suggestsQualification()).isTrue();
    }

    @Test
    void a_high_tech_enterprise_qualifies_by_the_direct_route_despite_few_points() {
        EvaluationInputs weak = Samples.strong().toBuilder().ipClass1(0).ipClass2(0).rdExpense(bd("100000"))
                .revenueLastYear(bd("31000000")).highTechEnterprise(true).build();
        Evaluation e = InnovativeSmeScore.evaluate(weak);
        assertThat(e.total()).isLessThan(60);
        assertThat(e.conditionsFailed()).contains("total_at_least_60", "innovation_at_least_20", "route_points");
        assertThat(e.conditionsMet()).contains("direct_high_tech", "route_direct").doesNotContain("route_points");
        assertThat(e.suggestsQualification()).isTrue();
    }

    @ParameterizedTest(name = "equity raised in 3 years {0} yuan meets the direct route: {1}")
    @CsvSource({"5000000, true", "4999999, false"})
    void five_million_yuan_of_new_equity_in_three_years_is_a_direct_route(String equity, boolean met) {
        EvaluationInputs in = Samples.strong().toBuilder().equityRaisedLast2Years(bd("0"))
                .equityRaisedLast3Years(bd(equity)).build();
        assertThat(InnovativeSmeScore.evaluate(in).met("direct_equity_5m")).isEqualTo(met);
    }

    @Test
    void a_national_rd_institution_counts_as_provincial_for_the_direct_route() {
        EvaluationInputs in = Samples.strong().toBuilder().provincialRdInstitution(null)
                .rdInstitutionLevel(RdInstitutionLevel.NATIONAL).build();
        assertThat(InnovativeSmeScore.evaluate(in).met("direct_provincial_rd_institution")).isTrue();
    }

    @Test
    void a_total_above_sixty_fails_when_the_innovation_group_is_below_twenty() {
        EvaluationInputs in = Samples.strong().toBuilder().ipClass1(0).ipClass2(2).rdExpense(bd("450000")).build();
        Evaluation e = InnovativeSmeScore.evaluate(in);
        assertThat(e.groupPoints("innovation")).isEqualTo(10);
        assertThat(e.total()).isEqualTo(70);
        assertThat(e.conditionsMet()).contains("total_at_least_60", "growth_at_least_15");
        assertThat(e.conditionsFailed()).containsExactlyInAnyOrder("innovation_at_least_20", "route_points",
                "route_direct");
        assertThat(e.suggestsQualification()).isFalse();
    }

    @Test
    void a_missing_rd_expense_scores_zero_and_leaves_the_innovation_minimum_unjudged() {
        Evaluation e = InnovativeSmeScore.evaluate(Samples.strong().toBuilder().rdExpense(null).build());
        IndicatorScore rd = e.indicator("rd_ratio").orElseThrow();
        assertThat(rd.missing()).isTrue();
        assertThat(rd.points()).isZero();
        assertThat(e.missing()).containsExactly("rd_ratio", "innovation_at_least_20", "route_points");
        assertThat(e.conditionsFailed()).doesNotContain("innovation_at_least_20");
        assertThat(e.suggestsQualification()).isFalse();
    }

    @Test
    void empty_inputs_score_zero_and_list_every_indicator_as_missing_without_false_failures() {
        Evaluation e = InnovativeSmeScore.evaluate(EvaluationInputs.builder().build());
        assertThat(e.total()).isZero();
        assertThat(e.missing()).contains("main_product_ip", "rd_ratio", "main_revenue_growth", "debt_ratio",
                "strategic_emerging_industry", "main_business_share", "direct_high_tech", "route_direct");
        assertThat(e.conditionsFailed()).isEmpty();
        assertThat(e.suggestsQualification()).isFalse();
    }
}
