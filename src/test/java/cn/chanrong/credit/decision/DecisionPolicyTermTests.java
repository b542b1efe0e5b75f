package cn.chanrong.credit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.institution.domain.ProductType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy's term limit agrees with the product type's one setting: a working-capital loan is at most 3
 * years (流动资金贷款管理办法 2024) for every enterprise — a key-chain or technology enterprise gets longer
 * terms on other purposes only — and a longer working-capital term is referred to a person.
 */
class DecisionPolicyTermTests {

    @ParameterizedTest(name = "{0} for {1} months, supported {2}: term referred {3}")
    @CsvSource(delimiter = '|', value = {
            // purpose | months | supported enterprise | policy.term
            "WORKING_CAPITAL     | 36  | false | false",
            "WORKING_CAPITAL     | 36  | true  | false",
            "WORKING_CAPITAL     | 48  | true  | true",
            "WORKING_CAPITAL     | 48  | false | true",
            "TECH_TRANSFORMATION | 96  | true  | false",
            "TECH_TRANSFORMATION | 48  | false | true"})
    void the_term_limit_follows_the_purpose(Terms.Purpose purpose, int months, boolean supported, boolean referred) {
        Terms t = new Terms(new BigDecimal("1000000"), months, purpose, true);
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.008, List.of(), t, DecisionPolicyTests.facts(supported, null),
                DecisionPolicy.Settings.DEFAULT);
        assertThat(d.reasons().stream().anyMatch(r -> r.code().equals("policy.term"))).isEqualTo(referred);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WORKING_CAPITAL_LOAN"})
    void the_policy_reads_the_product_types_setting(ProductType type) {
        assertThat(DecisionPolicy.Settings.DEFAULT.workingCapitalMaxMonths()).isEqualTo(type.defaultMaxTermMonths())
                .isEqualTo(36);
        assertThat(type.justifiedMaxTermMonths()).isEqualTo(60);
        assertThat(ProductType.BANK_ACCEPTANCE_BILL.defaultMaxTermMonths()).isEqualTo(6);
    }
}
