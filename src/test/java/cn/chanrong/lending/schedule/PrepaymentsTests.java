package cn.chanrong.lending.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A partial prepayment's new schedule: 50,000.00 left of a monthly loan at 4.35 % prepaid on 2 April,
 * in the period 20 March – 20 April whose installment was 8,000.00 principal and 362.50 interest, ten
 * periods left. The broken first period is charged 50,000 × 4.35 % × 18 / 360 = 108.75 whatever the mode.
 */
class PrepaymentsTests {

    @ParameterizedTest(name = "{0} {1}: {2} periods, first principal {3}, maturity {5}")
    @CsvSource(delimiter = '|', value = {
            "EQUAL_INSTALLMENT | REDUCE_INSTALLMENT | 10 | 4918.98 | 108.75 | 2027-01-20",
            "EQUAL_INSTALLMENT | REDUCE_TERM        |  7 | 7065.55 | 108.75 | 2026-10-20",
            "EQUAL_PRINCIPAL   | REDUCE_INSTALLMENT | 10 | 5000.00 | 108.75 | 2027-01-20",
            "EQUAL_PRINCIPAL   | REDUCE_TERM        |  7 | 7142.86 | 108.75 | 2026-10-20",
            "INTEREST_ONLY     | REDUCE_TERM        | 10 |    0.00 | 108.75 | 2027-01-20",
    })
    void the_rest_is_spread_again_from_a_broken_first_period(RepaymentMethod method, Prepayments.Mode mode, int periods,
                                                             String firstPrincipal, String brokenInterest, LocalDate maturity) {
        var rest = new Prepayments.Rest(new BigDecimal("4.35"), method, DayCount.MONTHLY, 1, LocalDate.of(2026, 3, 20),
                LocalDate.of(2026, 4, 20), new BigDecimal("8000.00"), new BigDecimal("362.50"), 10);

        Schedule s = Prepayments.reschedule(rest, new BigDecimal("50000.00"), LocalDate.of(2026, 4, 2), mode);

        assertThat(s.installments()).hasSize(periods);
        Schedule.Installment first = s.installments().get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(first.principal()).isEqualByComparingTo(firstPrincipal);
        assertThat(first.interest()).isEqualByComparingTo(brokenInterest);
        assertThat(first.payment()).isEqualByComparingTo(first.principal().add(first.interest()));
        assertThat(s.maturity()).isEqualTo(maturity);
        assertThat(s.totalPrincipal()).isEqualByComparingTo("50000.00");
    }

    @ParameterizedTest(name = "{0} at {1} % for {2} days over {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "50000.00 | 4.35 | 18  | ACT_360  | 108.75",
            "10.00    | 18   | 1   | ACT_360  | 0.01",
            "10.00    | 17.9 | 1   | ACT_360  | 0.00",
            "1000000  | 3.1  | 120 | ACT_360  | 10333.33",
            "1000000  | 3.1  | 120 | ACT_365F | 10191.78",
    })
    void fixed_year_interest_is_one_exact_ratio_rounded_half_up_once(BigDecimal principal, BigDecimal rate, int days,
                                                                      DayCount dayCount, String expected) {
        LocalDate from = LocalDate.of(2026, 1, 31);
        assertThat(dayCount.fenInterest(principal, rate, from, from.plusDays(days))).isEqualByComparingTo(expected)
                .extracting(BigDecimal::scale).isEqualTo(2);
    }
}
