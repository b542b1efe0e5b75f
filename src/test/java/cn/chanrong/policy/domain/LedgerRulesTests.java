package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerRulesTests {

    static final Eligibility TECH = new Eligibility(List.of("JOINT_STOCK_BANK"), List.of(), List.of("TECH_TRANSFORMATION",
            "EQUIPMENT_RENEWAL"), List.of(), false, false, List.of(), LocalDate.of(2026, 1, 1), null);
    static final Eligibility CARBON = new Eligibility(List.of(), List.of(), List.of(), List.of(), true, true, List.of(), null,
            null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            pushed on a tech list, performing     | TECH   | TECH_TRANSFORMATION | false | false | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | -
            tagged but never pushed               | TECH   | -                   | false | false | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | policy.line.list
            pushed on the key-chain list          | TECH   | KEY_CHAIN           | false | false | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | policy.line.list
            paid out before the loans' period     | TECH   | EQUIPMENT_RENEWAL   | false | false | 2025-12-31 | ACTIVE | NORMAL          | 500000.00 | policy.line.period
            special mention leaves the ledger     | TECH   | EQUIPMENT_RENEWAL   | false | false | 2026-03-01 | ACTIVE | SPECIAL_MENTION | 500000.00 | policy.line.performing
            repaid early leaves it                | TECH   | EQUIPMENT_RENEWAL   | false | false | 2026-03-01 | REPAID | NORMAL          | 0.00      | policy.line.repaid
            two reasons at once                   | TECH   | -                   | false | false | 2025-06-01 | ACTIVE | NORMAL          | 500000.00 | policy.line.list policy.line.period
            a green loan for the carbon tool      | CARBON | -                   | true  | true  | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | -
            no green code for the carbon tool     | CARBON | -                   | false | false | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | policy.line.green policy.line.carbon
            green, no verified CO2 reduction      | CARBON | -                   | true  | false | 2026-03-01 | ACTIVE | NORMAL          | 500000.00 | policy.line.carbon
            """)
    void each_reason_a_loan_is_left_out_is_named(String caseName, String programme, String listType, boolean green,
                                                 boolean carbon, LocalDate disbursed, cn.chanrong.lending.domain.LoanStatus status,
                                                 cn.chanrong.lending.domain.Tier tier, BigDecimal outstanding,
                                                 String expected) {
        var c = new LedgerRules.Candidate(1, "L1", new BigDecimal("1000000.00"), disbursed, "EQUIPMENT_RENEWAL", listType,
                green, carbon, status, tier, outstanding);
        var reasons = LedgerRules.reasons(c, programme.equals("TECH") ? TECH : CARBON);
        assertThat(String.join(" ", reasons.stream().map(LedgerRules.Reason::rule).toList()))
                .isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0} × {1} %")
    @CsvSource(delimiter = '|', textBlock = """
            1000000.00 | 60 | 600000.00
            1234567.89 | 60 | 740740.73
            0.05       | 60 | 0.03
            0.01       | 50 | 0.01
            """)
    void the_share_is_rounded_half_up_to_the_fen(BigDecimal principal, BigDecimal percent, BigDecimal expected) {
        assertThat(LedgerRules.share(principal, percent)).isEqualByComparingTo(expected);
        assertThat(LedgerRules.share(principal, percent).scale()).isEqualTo(2);
    }
}
