package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluationsTests {

    @Test
    void all_returns_the_four_schemes_in_order() {
        List<Evaluation> all = RuleEvaluations.all(Samples.strong(), Map.of());
        assertThat(all).extracting(Evaluation::scheme).containsExactly("innovative_sme", "specialised_sme",
                "little_giant", "innovation_points");
        assertThat(all).extracting(Evaluation::suggestsQualification).containsExactly(true, true, false, false);
    }

    @Test
    void innovation_values_the_inputs_already_tell_are_derived_and_given_values_override_them() {
        Map<String, BigDecimal> derived = RuleEvaluations.derivedInnovationValues(Samples.strong());
        assertThat(derived).containsEntry("rd_expense_ratio", bd("5"))
                .containsEntry("revenue_growth", bd("20"))
                .containsEntry("rd_staff_share", bd("20"))
                .containsEntry("rd_institution_level", bd("1"));
        Evaluation points = RuleEvaluations.all(Samples.strong(), Map.of("rd_expense_ratio", bd("0"))).get(3);
        assertThat(points.indicator("rd_expense_ratio").orElseThrow().points()).isZero();
        assertThat(points.missing()).doesNotContain("revenue_growth", "rd_staff_share").contains("valuation");
    }

    @Test
    void inputs_that_cannot_be_true_are_refused() {
        assertThatThrownBy(() -> EvaluationInputs.builder().revenue(bd("-1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationInputs.builder().digitalisationLevel(5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationInputs.builder().rdStaff(11).employees(10).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationInputs.builder().revenue(bd("10")).mainBusinessRevenue(bd("11")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_score_cannot_claim_more_than_its_maximum_or_points_while_missing() {
        assertThatThrownBy(() -> new IndicatorScore("g", "i", 11, 10, "x", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndicatorScore("g", "i", 1, 10, "x", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
