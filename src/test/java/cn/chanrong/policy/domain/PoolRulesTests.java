package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolRulesTests {

    /** Worked by hand: 50 % of the loss, then the cap per loan, what is left of the year, what the pool holds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                        | loss       | share | per loan   | left year  | balance     | amount     | capped
            half the loss                 | 600000.00  | 50    | 1000000.00 | 5000000.00 | 20000000.00 | 300000.00  | -
            rounded half up               | 333333.33  | 50    | 1000000.00 | 5000000.00 | 20000000.00 | 166666.67  | -
            the cap per loan bites        | 4000000.00 | 50    | 1000000.00 | 5000000.00 | 20000000.00 | 1000000.00 | loan
            the year's cap bites          | 600000.00  | 50    | 1000000.00 | 120000.00  | 20000000.00 | 120000.00  | year
            the year is used up           | 600000.00  | 50    | 1000000.00 | 0.00       | 20000000.00 | 0.00       | year
            the pool holds less           | 600000.00  | 50    | 1000000.00 | 5000000.00 | 80000.00    | 80000.00   | balance
            no caps                       | 600000.00  | 30    | -          | -          | -           | 180000.00  | -
            """)
    void the_pool_pays_its_share_within_its_caps(String name, BigDecimal loss, BigDecimal share, BigDecimal perLoan,
                                                 BigDecimal leftYear, BigDecimal balance, BigDecimal amount, String capped) {
        var c = PoolRules.compensation(loss, share, perLoan, leftYear, balance);
        assertThat(c.amount()).isEqualByComparingTo(amount);
        assertThat(c.cappedBy()).isEqualTo(capped);
    }

    @ParameterizedTest(name = "{0} of a recovery, {2} outstanding")
    @CsvSource(delimiter = '|', textBlock = """
            50000.00 | 50 | 300000.00 | 25000.00
            50000.00 | 50 | 10000.00  | 10000.00
            0.03     | 50 | 300000.00 | 0.02
            50000.00 | 50 | 0.00      | 0.00
            """)
    void a_recovery_returns_the_pools_share_up_to_what_it_paid(BigDecimal recovery, BigDecimal share, BigDecimal outstanding,
                                                              BigDecimal expected) {
        assertThat(PoolRules.returned(recovery, share, outstanding)).isEqualByComparingTo(expected);
    }
}
