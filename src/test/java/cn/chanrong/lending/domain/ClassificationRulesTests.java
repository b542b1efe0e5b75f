package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationRulesTests {

    private final ClassificationRules rules = new ClassificationRules(0);

    private static ClassificationRules.Facts dpd(int days) {
        return new ClassificationRules.Facts(days, null, null, null, null);
    }

    @ParameterizedTest(name = "{0} days past due is at least {1}")
    @CsvSource({"0, NORMAL", "1, SPECIAL_MENTION", "90, SPECIAL_MENTION", "91, SUBSTANDARD", "270, SUBSTANDARD",
            "271, DOUBTFUL", "360, DOUBTFUL", "361, LOSS", "2000, LOSS"})
    void days_past_due_floors(int days, Tier expected) {
        assertThat(rules.classify(dpd(days)).tier()).isEqualTo(expected);
    }

    @Test
    void a_short_technical_overdue_may_be_excepted_when_configured() {
        ClassificationRules lenient = new ClassificationRules(3);
        assertThat(lenient.classify(dpd(3)).tier()).isEqualTo(Tier.NORMAL);
        assertThat(lenient.classify(dpd(4)).tier()).isEqualTo(Tier.SPECIAL_MENTION);
        assertThat(lenient.classify(dpd(91)).tier()).as("the technical exception never hides a 90-day overdue")
                .isEqualTo(Tier.SUBSTANDARD);
    }

    @Test
    void more_than_ten_percent_npl_at_the_bank_makes_every_claim_npl() {
        var facts = new ClassificationRules.Facts(0, null, new BigDecimal("0.1001"), null, null);
        var r = rules.classify(facts);
        assertThat(r.tier()).isEqualTo(Tier.SUBSTANDARD);
        assertThat(r.rule()).isEqualTo("contagion-bank-10pct");
        assertThat(rules.classify(new ClassificationRules.Facts(0, null, new BigDecimal("0.10"), null, null)).tier())
                .as("exactly ten percent is not more than ten percent").isEqualTo(Tier.NORMAL);
    }

    @Test
    void more_than_twenty_percent_overdue_90_across_banks_makes_the_claim_npl() {
        var r = rules.classify(new ClassificationRules.Facts(0, null, null, new BigDecimal("0.25"), null));
        assertThat(r.tier()).isEqualTo(Tier.SUBSTANDARD);
        assertThat(r.rule()).isEqualTo("contagion-market-20pct");
    }

    @Test
    void restructured_loan_is_at_least_special_mention_during_observation() {
        var performing = new ClassificationRules.Restructuring(true, false, false);
        assertThat(rules.classify(new ClassificationRules.Facts(0, null, null, null, performing)).tier())
                .isEqualTo(Tier.SPECIAL_MENTION);
        var npl = new ClassificationRules.Restructuring(true, true, false);
        assertThat(rules.classify(new ClassificationRules.Facts(0, null, null, null, npl)).tier())
                .isEqualTo(Tier.SUBSTANDARD);
        var again = new ClassificationRules.Restructuring(true, false, true);
        assertThat(rules.classify(new ClassificationRules.Facts(0, null, null, null, again)).tier())
                .as("restructured again during observation").isEqualTo(Tier.DOUBTFUL);
        var over = new ClassificationRules.Restructuring(false, true, true);
        assertThat(rules.classify(new ClassificationRules.Facts(0, null, null, null, over)).tier()).isEqualTo(Tier.NORMAL);
    }

    @Test
    void the_worst_rule_decides_and_is_named() {
        var r = rules.classify(new ClassificationRules.Facts(100, Tier.DOUBTFUL, new BigDecimal("0.5"), null, null));
        assertThat(r.tier()).isEqualTo(Tier.DOUBTFUL);
        assertThat(r.rule()).isEqualTo("manual");
        assertThat(rules.classify(new ClassificationRules.Facts(400, Tier.SUBSTANDARD, null, null, null)).rule())
                .isEqualTo("dpd-400");
    }
}
