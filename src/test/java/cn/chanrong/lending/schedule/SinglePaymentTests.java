package cn.chanrong.lending.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Single-payment financings: advances with interest at maturity and discounts with interest in advance.
 * The rows are the demo's financings as they were booked before the one-writer refactor (issue 16).
 */
class SinglePaymentTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | timing | amount (principal or face) | rate | start | maturity | principal | interest | months
            "receivable advance | IN_ARREARS | 2712000.00 | 3.45 | 2026-06-30 | 2026-10-08 | 2712000.00 | 25990.00 | 4",
            "voucher discount, settled | IN_ADVANCE | 100000.00 | 3.20 | 2026-05-01 | 2026-06-29 | 99475.56 | 524.44 | 2",
            "voucher discount, live | IN_ADVANCE | 120000.00 | 3.35 | 2026-06-30 | 2026-11-27 | 118325.00 | 1675.00 | 5",
            "warehouse receipt pledge | IN_ARREARS | 8000000.00 | 3.80 | 2026-06-30 | 2026-12-27 | 8000000.00 | 152000.00 | 6",
            "de-nucleated financing | IN_ARREARS | 900000.00 | 3.00 | 2026-06-30 | 2026-10-28 | 900000.00 | 9000.00 | 4",
            "one day | IN_ARREARS | 100.00 | 3.60 | 2026-01-01 | 2026-01-02 | 100.00 | 0.01 | 1",
            "half a fen rounds up | IN_ARREARS | 50.00 | 3.60 | 2026-01-01 | 2026-01-02 | 50.00 | 0.01 | 1"})
    void the_demo_financings(String name, InterestTiming timing, String amount, String rate, String start, String maturity,
                             String principal, String interest, int months) {
        var t = new SinglePaymentTerms(new BigDecimal(amount), new BigDecimal(rate), LocalDate.parse(start),
                LocalDate.parse(maturity), DayCount.ACT_360, timing);
        Schedule s = ScheduleCalculator.calculate(t);
        assertThat(s.installments()).hasSize(1);
        Schedule.Installment only = s.installments().get(0);
        assertThat(only.period()).isEqualTo(1);
        assertThat(only.date()).isEqualTo(LocalDate.parse(maturity));
        assertThat(only.principal()).isEqualByComparingTo(principal);
        assertThat(only.interest()).isEqualByComparingTo(interest);
        assertThat(only.payment()).isEqualByComparingTo(new BigDecimal(principal).add(new BigDecimal(interest)));
        assertThat(only.balance()).isEqualByComparingTo("0");
        assertThat(t.months()).isEqualTo(months);
    }

    @Test
    void a_discount_pays_the_face_value_at_maturity_and_an_advance_its_principal_plus_interest() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 500; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(10_000, 5_000_000_000L), 2);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(1, 1500), 2);
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            LocalDate maturity = start.plusDays(random.nextInt(1, 366));
            // what the supply-chain module computed before the refactor: one exact division, HALF_UP to the fen
            BigDecimal expected = amount.multiply(rate).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, maturity)))
                    .divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_UP);
            var discount = ScheduleCalculator.calculate(SinglePaymentTerms.discount(amount, rate, start, maturity,
                    DayCount.ACT_360)).installments().get(0);
            assertThat(discount.interest()).as("case %d", i).isEqualByComparingTo(expected);
            assertThat(discount.payment()).isEqualByComparingTo(amount);
            assertThat(discount.principal()).isEqualByComparingTo(amount.subtract(expected));
            var advance = ScheduleCalculator.calculate(SinglePaymentTerms.inArrears(amount, rate, start, maturity,
                    DayCount.ACT_360)).installments().get(0);
            assertThat(advance.interest()).isEqualByComparingTo(expected);
            assertThat(advance.principal()).isEqualByComparingTo(amount);
        }
    }

    @Test
    void act_365_fixed_counts_a_year_of_365_days() {
        var s = ScheduleCalculator.calculate(SinglePaymentTerms.inArrears(new BigDecimal("365000.00"), new BigDecimal("3.65"),
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), DayCount.ACT_365F));
        // 365 days in the leap year 2028: a full year's interest under ACT/365F
        assertThat(s.installments().get(0).interest()).isEqualByComparingTo("13322.50");
    }

    @Test
    void impossible_terms_are_refused_with_the_reason() {
        LocalDate d = LocalDate.of(2026, 6, 30);
        assertThatThrownBy(() -> ScheduleCalculator.calculate(SinglePaymentTerms.inArrears(new BigDecimal("100.00"),
                new BigDecimal("3"), d, d, DayCount.MONTHLY)))
                .hasMessageContaining("maturity").hasMessageContaining("ACT_360");
        assertThatThrownBy(() -> ScheduleCalculator.calculate(SinglePaymentTerms.discount(new BigDecimal("100.00"),
                new BigDecimal("99"), d, d.plusYears(2), DayCount.ACT_360)))
                .hasMessageContaining("leaves nothing to pay out");
    }
}
