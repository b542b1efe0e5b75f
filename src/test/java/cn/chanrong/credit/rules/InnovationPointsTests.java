package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InnovationPointsTests {

    static final InnovationPoints DEFAULTS = InnovationPoints.defaults();

    @Test
    void the_default_table_has_eighteen_indicators_in_three_groups() {
        assertThat(DEFAULTS.indicators()).hasSize(18);
        assertThat(DEFAULTS.indicators().stream().map(InnovationIndicator::group).distinct())
                .containsExactly("technology", "growth", "auxiliary");
    }

    @Test
    void each_stage_s_weights_add_up_to_one_hundred_points() {
        for (GrowthStage stage : GrowthStage.values()) {
            Evaluation e = DEFAULTS.evaluate(stage, Map.of());
            assertThat(e.max()).as("%s", stage).isEqualTo(100);
        }
    }

    @Test
    void the_same_equity_financing_weighs_more_for_a_start_up_than_for_a_mature_enterprise() {
        Map<String, BigDecimal> values = Map.of("equity_financing", bd("50"));
        int startup = DEFAULTS.evaluate(GrowthStage.STARTUP, values).indicator("equity_financing").orElseThrow()
                .points();
        int growth = DEFAULTS.evaluate(GrowthStage.GROWTH, values).indicator("equity_financing").orElseThrow()
                .points();
        int mature = DEFAULTS.evaluate(GrowthStage.MATURE, values).indicator("equity_financing").orElseThrow()
                .points();
        assertThat(List.of(startup, growth, mature)).containsExactly(12, 8, 4);
    }

    @Test
    void the_same_enterprise_scores_differently_by_stage() {
        Map<String, BigDecimal> values = Map.of("profit_growth", bd("30"), "revenue_growth", bd("30"),
                "credit_rating", bd("4"), "valuation", bd("20"));
        Evaluation startup = DEFAULTS.evaluate(GrowthStage.STARTUP, values);
        Evaluation mature = DEFAULTS.evaluate(GrowthStage.MATURE, values);
        assertThat(startup.total()).isEqualTo(6 + 2 + 3);
        assertThat(mature.total()).isEqualTo(10 + 10 + 7);
        assertThat(mature.groupScore("growth")).isEqualTo(57); // 20 of 35
    }

    @ParameterizedTest(name = "R&D ratio {0} % at growth stage earns {1} of 10")
    @CsvSource({"0.99, 0", "1, 2", "4.99, 6", "5, 8", "8, 10", "40, 10"})
    void a_value_earns_its_band_s_share_of_the_stage_weight(String ratio, int expected) {
        IndicatorScore s = DEFAULTS.evaluate(GrowthStage.GROWTH, Map.of("rd_expense_ratio", bd(ratio)))
                .indicator("rd_expense_ratio").orElseThrow();
        assertThat(s.points()).isEqualTo(expected);
        assertThat(s.max()).isEqualTo(10);
    }

    @Test
    void absent_values_score_zero_and_are_listed_as_missing() {
        Evaluation e = DEFAULTS.evaluate(GrowthStage.GROWTH, Map.of("rd_expense_ratio", bd("5")));
        assertThat(e.missing()).hasSize(17).doesNotContain("rd_expense_ratio").contains("valuation", "credit_rating");
        assertThat(e.indicator("valuation").orElseThrow().missing()).isTrue();
        assertThat(e.suggestsQualification()).isFalse();
    }

    @Test
    void an_unknown_stage_uses_growth_weights_and_is_listed_as_missing() {
        Evaluation e = DEFAULTS.evaluate(null, Map.of("equity_financing", bd("50")));
        assertThat(e.missing()).startsWith(InnovationPoints.STAGE_KEY);
        assertThat(e.indicator("equity_financing").orElseThrow().points()).isEqualTo(8);
    }

    @Test
    void a_new_indicator_is_a_table_row_and_a_zero_weight_one_is_not_reported_missing() {
        InnovationPoints table = InnovationPoints.parse(List.of(
                "# custom",
                InnovationPoints.HEADER,
                "patents,technology,专利,Patents,patent_count,count,100,60,50,1:50;5:100",
                "exports,growth,出口,Exports,export_share,%,0,40,50,10:100"));
        Evaluation e = table.evaluate(GrowthStage.STARTUP, Map.of("patent_count", bd("5")));
        assertThat(e.total()).isEqualTo(100);
        assertThat(e.missing()).isEmpty();
        assertThat(table.evaluate(GrowthStage.MATURE, Map.of("patent_count", bd("1"))).missing())
                .containsExactly("exports");
    }

    @Test
    void a_table_whose_stage_weights_do_not_add_up_to_one_hundred_is_rejected() {
        assertThatThrownBy(() -> InnovationPoints.parse(List.of(InnovationPoints.HEADER,
                "patents,technology,专利,Patents,patent_count,count,90,100,100,1:50")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STARTUP add up to 90");
    }

    @Test
    void band_steps_out_of_order_are_rejected() {
        assertThatThrownBy(() -> InnovationPoints.parse(List.of(InnovationPoints.HEADER,
                "patents,technology,专利,Patents,patent_count,count,100,100,100,5:50;1:100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
    }
}
