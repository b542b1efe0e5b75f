package cn.chanrong.credit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTests {

    @Test
    void every_key_an_evaluation_can_emit_has_a_chinese_and_an_english_label() {
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.addAll(RuleEvaluations.all(Samples.strong(), Map.of()));
        evaluations.addAll(RuleEvaluations.all(EvaluationInputs.builder().build(), null));
        evaluations.add(LittleGiantConditions.evaluate(LittleGiantConditionsTests.grown("120000000", "100000000")
                .build()));
        evaluations.add(LittleGiantConditions.evaluate(LittleGiantConditionsTests.grown("80000000", "70000000")
                .build()));
        evaluations.add(InnovativeSmeScore.evaluate(Samples.strong().toBuilder().highTechEnterprise(true)
                .scienceAward3Years(true).equityRaisedLast3Years(Samples.bd("9000000"))
                .rdInstitutionLevel(RdInstitutionLevel.PROVINCIAL).build()));
        List<String> keys = new ArrayList<>();
        for (Evaluation e : evaluations) {
            keys.add(e.scheme());
            e.indicators().forEach(s -> {
                keys.add(s.group());
                keys.add(s.indicator());
            });
            keys.addAll(e.conditionsMet());
            keys.addAll(e.conditionsFailed());
            keys.addAll(e.missing());
        }
        assertThat(keys).allSatisfy(k -> assertThat(Labels.find(k)).as(k).isPresent());
    }

    @Test
    void a_label_is_given_in_the_locale_s_language() {
        assertThat(Labels.of("rd_ratio", Locale.SIMPLIFIED_CHINESE)).isEqualTo("研发费用占营业收入比重");
        assertThat(Labels.of("rd_ratio", Locale.ENGLISH)).isEqualTo("R&D expense / revenue");
    }

    @Test
    void innovation_points_indicators_take_their_names_from_the_table() {
        assertThat(Labels.zh("tech_contract_turnover")).isEqualTo("技术合同成交额");
        assertThat(Labels.en("tech_contract_turnover")).isEqualTo("Technology contract turnover");
    }

    @Test
    void an_unknown_key_is_shown_as_itself() {
        assertThat(Labels.en("no_such_key")).isEqualTo("no_such_key");
    }
}
