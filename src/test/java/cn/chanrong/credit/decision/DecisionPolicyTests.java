package cn.chanrong.credit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTests {

    static DecisionPolicy.Facts facts(boolean supported, String stance) {
        // Sales 40 M, margin 5 %, growth 10 %, equity 10 M, existing loans 2 M, net cash flow 3 M a year, 24 months of data.
        return new DecisionPolicy.Facts(new BigDecimal("40000000"), 0.05, 0.10, new BigDecimal("10000000"), new BigDecimal("2000000"),
                new BigDecimal("3000000"), 24, 3.0, supported, stance, "示范限制名单", List.of());
    }

    static Terms wc(String amount) {
        return new Terms(new BigDecimal(amount), 12, Terms.Purpose.WORKING_CAPITAL, true);
    }

    static String codes(DecisionPolicy.Decision d) {
        return d.reasons().stream().map(Reason::code).toList().toString();
    }

    @Test
    void working_capital_limit_follows_the_standard_estimate() {
        // need = 40 M × 0.95 × 1.10 / 4 = 10.45 M; own funds 30 % × 10 M = 3 M; existing 2 M → 5.45 M
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.008, List.of(), wc("5000000"), facts(false, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(d.recommendedLimit()).isEqualByComparingTo("5450000.00");
        assertThat(d.limitMethod()).isEqualTo("WORKING_CAPITAL_ESTIMATE");
        assertThat(d.grade().code()).isEqualTo("AA");
        assertThat(d.outcome()).isEqualTo(DecisionPolicy.Outcome.APPROVE);
    }

    @Test
    void more_than_the_limit_is_referred_with_both_figures() {
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.008, List.of(), wc("6000000"), facts(false, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(d.outcome()).isEqualTo(DecisionPolicy.Outcome.REFER);
        Reason exceeded = d.reasons().stream().filter(r -> r.code().equals("limit.exceeded")).findFirst().orElseThrow();
        assertThat(exceeded.args()).containsExactly("6000000.00", "5450000.00");
    }

    @Test
    void other_purposes_are_sized_by_cash_flow_capacity() {
        // 3 M × 50 % / 12 = 125,000 a month for 60 months at (3.00 % + 0.50 %) / 12
        Terms t = new Terms(new BigDecimal("1000000"), 60, Terms.Purpose.EQUIPMENT_RENEWAL, true);
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.008, List.of(), t, facts(false, null), DecisionPolicy.Settings.DEFAULT);
        double r = 0.035 / 12;
        double pv = 125_000 * (1 - Math.pow(1 + r, -60)) / r;
        assertThat(d.recommendedLimit().doubleValue()).isCloseTo(pv, org.assertj.core.api.Assertions.within(0.01));
        assertThat(d.limitMethod()).isEqualTo("CASH_FLOW_CAPACITY");
        assertThat(d.outcome()).as(codes(d)).isEqualTo(DecisionPolicy.Outcome.REFER);
        assertThat(codes(d)).contains("policy.term");
    }

    @Test
    void a_prohibited_industry_is_declined_and_a_controlled_one_halved_and_referred() {
        DecisionPolicy.Decision no = DecisionPolicy.decide(0.003, List.of(), wc("100000"), facts(false, "PROHIBIT"),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(no.outcome()).isEqualTo(DecisionPolicy.Outcome.DECLINE);
        assertThat(codes(no)).contains("policy.prohibited");
        DecisionPolicy.Decision half = DecisionPolicy.decide(0.003, List.of(), wc("100000"), facts(false, "CONTROL"),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(half.outcome()).isEqualTo(DecisionPolicy.Outcome.REFER);
        assertThat(half.recommendedLimit()).isEqualByComparingTo("2725000.00");
    }

    @Test
    void key_chain_and_tech_enterprises_get_unsecured_credit_and_longer_terms() {
        Terms longUnsecured = new Terms(new BigDecimal("1000000"), 96, Terms.Purpose.TECH_TRANSFORMATION, false);
        DecisionPolicy.Decision plain = DecisionPolicy.decide(0.03, List.of(), longUnsecured, facts(false, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(codes(plain)).contains("policy.term", "policy.unsecured");
        DecisionPolicy.Decision supported = DecisionPolicy.decide(0.03, List.of(), longUnsecured, facts(true, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(codes(supported)).contains("policy.supported").doesNotContain("policy.term", "policy.unsecured");
        assertThat(supported.outcome()).isEqualTo(DecisionPolicy.Outcome.APPROVE);
    }

    @Test
    void grades_decide_decline_and_referral_and_thin_data_is_referred() {
        DecisionPolicy.Decision declined = DecisionPolicy.decide(0.2, List.of(), wc("1000"), facts(false, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(declined.outcome()).isEqualTo(DecisionPolicy.Outcome.DECLINE);
        assertThat(codes(declined)).as("a declined grade is not priced").contains("grade.unpriced").doesNotContain("[grade,");
        assertThat(DecisionPolicy.decide(0.06, List.of(), wc("1000"), facts(false, null), DecisionPolicy.Settings.DEFAULT).outcome())
                .isEqualTo(DecisionPolicy.Outcome.REFER);
        DecisionPolicy.Facts thin = new DecisionPolicy.Facts(new BigDecimal("40000000"), 0.05, 0.1, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 3, 3.0, false, null, null, List.of());
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.004, List.of(), wc("1000"), thin, DecisionPolicy.Settings.DEFAULT);
        assertThat(d.outcome()).isEqualTo(DecisionPolicy.Outcome.REFER);
        assertThat(codes(d)).contains("data.too-little");
        assertThat(RatingScale.of(0.005).code()).isEqualTo("AAA");
        assertThat(RatingScale.of(0.0051).code()).isEqualTo("AA");
    }

    @Test
    void segments_follow_the_industry_divisions() {
        assertThat(Segments.of("C3421")).isEqualTo("C34-35 装备");
        assertThat(Segments.of("C3973")).isEqualTo("C38-40 电子仪器");
        assertThat(Segments.of("I6513")).isEqualTo("I65 软件");
        assertThat(Segments.of("F5100")).isEqualTo(Segments.ALL);
    }
}
