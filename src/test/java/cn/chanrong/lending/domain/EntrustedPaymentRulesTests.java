package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.domain.EntrustedPaymentRules.Facts;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Mode;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Payment;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Thresholds;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entrusted payment decided per payment (FACTS §10): 流动资金贷款管理办法 (NFRA 2024, in force 2024-07-01) —
 * a single payment to one counterparty over 10 million yuan, or any payment when the borrower is newly
 * related to the lender with average standing; 固定资产贷款管理办法 (NFRA 2024) — a single payment over 5 % of
 * total project investment or over 10 million yuan.
 */
class EntrustedPaymentRulesTests {

    static final List<String> SCALE = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC");

    @ParameterizedTest(name = "{0} yuan, contract entrusted {1}, new {2}, grade {3}, fixed asset {4} of {5}: {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // amount | contract entrusted | newly related | grade | fixed asset | project investment | rule required
            // 流动资金贷款管理办法 2024: a single payment over 10 million
            "10000000.00 | false | false | -   | false | -            | -",
            "10000000.01 | false | false | -   | false | -            | SINGLE_PAYMENT",
            "12000000.00 | false | false | AA  | false | -            | SINGLE_PAYMENT",
            // newly related with average standing (at or below the configured BBB): every payment
            "1.00        | false | true  | BBB | false | -            | NEWLY_RELATED_AVERAGE_STANDING",
            "500000.00   | false | true  | CCC | false | -            | NEWLY_RELATED_AVERAGE_STANDING",
            "500000.00   | false | true  | A   | false | -            | -",
            "500000.00   | false | true  | -   | false | -            | -",
            "500000.00   | false | false | BB  | false | -            | -",
            // 固定资产贷款管理办法 2024: over 5 % of project investment, or over 10 million
            "5000000.00  | false | false | -   | true  | 100000000.00 | -",
            "5000000.01  | false | false | -   | true  | 100000000.00 | FIXED_ASSET_SHARE",
            "10000000.01 | false | false | -   | true  | 500000000.00 | FIXED_ASSET_SINGLE_PAYMENT",
            "10000000.00 | false | false | -   | true  | 500000000.00 | -",
            "10000000.01 | false | false | -   | true  | -            | FIXED_ASSET_SINGLE_PAYMENT",
            // the contract's own rule: entrusted payment agreed for the whole loan
            "1.00        | true  | false | -   | false | -            | CONTRACT"})
    void the_rule_that_makes_a_payment_entrusted(String amount, boolean contract, boolean newly, String grade,
                                                 boolean fixedAsset, String investment, String rule) {
        Facts f = new Facts(contract, newly, grade,
                EntrustedPaymentRules.averageStanding(grade, Thresholds.DEFAULT.averageGrade(), SCALE), fixedAsset,
                investment == null ? null : new BigDecimal(investment));
        assertThat(EntrustedPaymentRules.requirement(new BigDecimal(amount), f, Thresholds.DEFAULT)
                .map(r -> r.rule().name()).orElse(null)).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // payments (payee:amount:mode;…) | rejection codes
            "沈阳机床:12000000.00:SELF | lending.entrusted.single-payment",
            "沈阳机床:12000000.00:ENTRUSTED | ''",
            "沈阳机床:12000000.00:ENTRUSTED;大连光洋:3000000.00:SELF | ''",
            // two lines to one counterparty are one payment: splitting does not escape the test
            "沈阳机床:6000000.00:SELF;沈阳机床 :6000000.00:SELF | lending.entrusted.single-payment",
            // the unlisted rest of a self-paid loan counts as one payment
            ":11000000.00:SELF | lending.entrusted.single-payment",
            "沈阳机床:12000000.00:SELF;大连光洋:12000000.00:SELF | lending.entrusted.single-payment lending.entrusted.single-payment"})
    void each_payment_is_tested_and_a_loan_may_mix_entrusted_and_self_payment(String payments, String codes) {
        List<Payment> ps = Arrays.stream(payments.split(";")).map(p -> p.split(":"))
                .map(p -> new Payment(p[0].isBlank() ? null : p[0], new BigDecimal(p[1]), Mode.valueOf(p[2]))).toList();
        Facts f = new Facts(false, false, null, false, false, null);
        assertThat(EntrustedPaymentRules.check(ps, f, Thresholds.DEFAULT)).extracting(Rejection::code)
                .containsExactlyElementsOf(codes.isBlank() ? List.of() : List.of(codes.split(" ")));
    }

    @Test
    void a_refusal_names_the_payee_the_amount_the_threshold_and_the_regulation() {
        Rejection r = EntrustedPaymentRules.check(List.of(new Payment("沈阳机床股份有限公司", new BigDecimal("12000000.00"),
                Mode.SELF)), new Facts(false, false, null, false, false, null), Thresholds.DEFAULT).getFirst();
        assertThat(r.field()).isEqualTo("payees");
        assertThat(r.args()).containsExactly("沈阳机床股份有限公司", "12000000.00", "10000000.00", "流动资金贷款管理办法（2024）");
    }

    @Test
    void a_first_time_average_borrower_must_entrust_every_payment_however_small() {
        Facts f = new Facts(false, true, "BB", true, false, null);
        List<Rejection> problems = EntrustedPaymentRules.check(List.of(
                new Payment("甲公司", new BigDecimal("100.00"), Mode.SELF),
                new Payment("乙公司", new BigDecimal("200.00"), Mode.ENTRUSTED)), f, Thresholds.DEFAULT);
        assertThat(problems).extracting(Rejection::code).containsExactly("lending.entrusted.newly-related");
        assertThat(problems.getFirst().args()).startsWith("甲公司", "100.00", "BB", "BBB");
    }

    @Test
    void configured_thresholds_replace_the_defaults() {
        Thresholds strict = new Thresholds(new BigDecimal("5000000.00"), new BigDecimal("0.03"),
                new BigDecimal("8000000.00"), "A");
        Facts plain = new Facts(false, false, null, false, false, null);
        assertThat(EntrustedPaymentRules.requirement(new BigDecimal("6000000.00"), plain, strict)).isPresent();
        assertThat(EntrustedPaymentRules.averageStanding("A", strict.averageGrade(), SCALE)).isTrue();
        assertThat(EntrustedPaymentRules.averageStanding("AA", strict.averageGrade(), SCALE)).isFalse();
    }
}
