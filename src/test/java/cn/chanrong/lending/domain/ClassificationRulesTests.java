package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The five-tier rules of 商业银行金融资产风险分类办法 (NFRA/PBOC 2023, in force 2023-07-01), as FACTS §2 and
 * §10 state them: each table row is one case of the regulation and the rule that must decide it.
 */
class ClassificationRulesTests {

    private final ClassificationRules rules = new ClassificationRules(0);

    private static ClassificationRules.Facts dpd(int days) {
        return new ClassificationRules.Facts(days, null, null, null, null);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    private static Tier tier(String s) {
        return s == null || s.isBlank() ? null : Tier.valueOf(s);
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

    /**
     * 关注 besides days past due (2023 办法, the 关注 conditions; FACTS §10): an unauthorised change of
     * purpose, 借新还旧 or a renewal to repay while the debtor's finances are abnormal, the debtor's
     * non-performing debt at other banks (the bureau's 90-day-overdue share above nothing). Each only
     * ever pushes down, and a worse rule still decides.
     */
    @ParameterizedTest(name = "dpd {0}, purpose breach {1}, renewal while abnormal {2}, bureau overdue-90 share {3} → {4} by {5}")
    @CsvSource({
            "0,   false, false,      , NORMAL,          performing",
            "0,   true,  false,      , SPECIAL_MENTION, purpose-breach",
            "0,   false, true,       , SPECIAL_MENTION, renewal-while-abnormal",
            "0,   false, false, 0.05 , SPECIAL_MENTION, npl-at-other-banks",
            "0,   false, false, 0    , NORMAL,          performing",
            "0,   true,  true,  0.05 , SPECIAL_MENTION, purpose-breach",
            "10,  true,  false,      , SPECIAL_MENTION, dpd-10",
            "100, true,  true,  0.05 , SUBSTANDARD,     dpd-100",
            "0,   true,  false, 0.25 , SUBSTANDARD,     contagion-market-20pct"})
    void special_mention_signals_besides_days_past_due(int days, boolean breach, boolean renewal, String bureau,
                                                       Tier expected, String rule) {
        var r = rules.classify(new ClassificationRules.Facts(days, null, null, decimal(bureau), null,
                new ClassificationRules.Signals(breach, renewal)));
        assertThat(r.tier()).isEqualTo(expected);
        assertThat(r.rule()).isEqualTo(rule);
    }

    /**
     * Contagion on the risk obligor (2023 办法; FACTS §2, §10): more than 10 % of the obligor's claims at the
     * bank non-performing makes all of them non-performing; more than 20 % of its debt across banks over
     * 90 days overdue makes every bank classify it non-performing.
     */
    @ParameterizedTest(name = "obligor NPL share at bank {0}, overdue-90 share across banks {1} → {2} by {3}")
    @CsvSource({
            "0.1001, ,     SUBSTANDARD, contagion-bank-10pct",
            "0.10,   ,     NORMAL,      performing",
            ",       0.25, SUBSTANDARD, contagion-market-20pct",
            ",       0.20, SPECIAL_MENTION, npl-at-other-banks",
            "0.5,    0.5,  SUBSTANDARD, contagion-market-20pct"})
    void contagion_follows_the_obligor(String bankShare, String marketShare, Tier expected, String rule) {
        var r = rules.classify(new ClassificationRules.Facts(0, null, decimal(bankShare), decimal(marketShare), null));
        assertThat(r.tier()).isEqualTo(expected);
        assertThat(r.rule()).isEqualTo(rule);
    }

    /**
     * The observation period of a restructured asset (2023 办法; FACTS §2, §10): performing before → at
     * least 关注; non-performing before → no upgrade in the period and never better than the tier before
     * the restructuring; restructured again within the period → at least 可疑; after the period the
     * ordinary rules alone.
     */
    @ParameterizedTest(name = "in observation {0}, before {1}, again {2}, now {3}, dpd {4} → {5} by {6}")
    @CsvSource({
            "true,  NORMAL,          false, NORMAL,          0,   SPECIAL_MENTION, restructured-observation",
            "true,  SPECIAL_MENTION, false, SPECIAL_MENTION, 0,   SPECIAL_MENTION, restructured-observation",
            "true,  SUBSTANDARD,     false, SUBSTANDARD,     0,   SUBSTANDARD,     restructured-npl-observation",
            // the floor is the tier before the restructuring, not 次级: a 可疑 loan stays 可疑 however well it pays
            "true,  DOUBTFUL,        false, DOUBTFUL,        0,   DOUBTFUL,        restructured-npl-observation",
            "true,  LOSS,            false, LOSS,            0,   LOSS,            restructured-npl-observation",
            // no upgrade in the period: a loan that fell further keeps the worse tier once its arrears are paid
            "true,  SUBSTANDARD,     false, DOUBTFUL,        0,   DOUBTFUL,        restructured-npl-observation",
            "true,  SUBSTANDARD,     false, SUBSTANDARD,     300, DOUBTFUL,        dpd-300",
            "true,  NORMAL,          true,  SPECIAL_MENTION, 0,   DOUBTFUL,        restructured-again",
            "true,  DOUBTFUL,        true,  DOUBTFUL,        0,   DOUBTFUL,        restructured-npl-observation",
            "false, DOUBTFUL,        true,  DOUBTFUL,        0,   NORMAL,          performing"})
    void restructuring_observation_period(boolean inObservation, Tier before, boolean again, Tier now, int days,
                                          Tier expected, String rule) {
        var x = new ClassificationRules.Restructuring(inObservation, before, again, now);
        var r = rules.classify(new ClassificationRules.Facts(days, null, null, null, x));
        assertThat(r.tier()).isEqualTo(expected);
        assertThat(r.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "dpd {0}, manual floor {1}, bank share {2} → {3} by {4}")
    @CsvSource({
            "100, DOUBTFUL,    0.5, DOUBTFUL,    manual",
            "400, SUBSTANDARD,    , LOSS,        dpd-400",
            "0,   ,               , NORMAL,      performing"})
    void the_worst_rule_decides_and_is_named(int days, String floor, String share, Tier expected, String rule) {
        var r = rules.classify(new ClassificationRules.Facts(days, tier(floor), decimal(share), null, null));
        assertThat(r.tier()).isEqualTo(expected);
        assertThat(r.rule()).isEqualTo(rule);
    }
}
