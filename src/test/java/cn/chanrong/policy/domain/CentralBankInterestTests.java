package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentralBankInterestTests {

    /** amount × rate × days ÷ 360, to the fen half up (worked by hand beside each row). */
    @ParameterizedTest(name = "{0} at {1} % from {2} to {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1200000.00 | 1.25 | 2026-06-30 | 2026-09-28 | 3750.00
            740740.73  | 1.5  | 2026-01-01 | 2026-02-01 | 956.79
            1800000.00 | 1.25 | 2026-06-30 | 2027-06-30 | 22812.50
            0.01       | 1.25 | 2026-06-30 | 2026-07-01 | 0.00
            1200000.00 | 1.25 | 2026-06-30 | 2026-06-30 | 0.00
            1200000.00 | 1.25 | 2026-07-01 | 2026-06-30 | 0.00
            """)
    void interest_runs_at_the_annual_rate_over_360_a_day(BigDecimal amount, BigDecimal rate, LocalDate from, LocalDate to,
                                                         BigDecimal expected) {
        assertThat(CentralBankInterest.of(amount, rate, from, to)).isEqualByComparingTo(expected);
        assertThat(CentralBankInterest.of(amount, rate, from, to).scale()).isEqualTo(2);
    }
}
