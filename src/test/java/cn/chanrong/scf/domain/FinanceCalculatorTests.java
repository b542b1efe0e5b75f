package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.scf.domain.FinanceCalculator.Convention;
import cn.chanrong.scf.domain.FinanceCalculator.Discount;
import cn.chanrong.scf.domain.FinanceCalculator.Loan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The figures of supply-chain financings as a table: the demo's financings (as pinned by
 * {@code DemoFiguresGoldenIntegrationTests}) first, then edges — a half fen reached exactly, a leap day,
 * the largest amount — and a property: every figure equals {@code principal × rate × days / 36000}
 * rounded half up, the formula the four services used before the calculator.
 */
class FinanceCalculatorTests {

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | outstanding | advance rate | annual % | value date | due | advance | interest | days
            "demo AR2026063000000002 | 3390000.00 | 0.80 | 3.45 | 2026-06-30 | 2026-10-08 | 2712000.00 | 25990.00 | 100",
            "half a year at 85 % | 1000000.00 | 0.85 | 4.35 | 2026-01-15 | 2026-07-14 | 850000.00 | 18487.50 | 180",
            "advance rounded down | 999999.99 | 0.9 | 3.1 | 2025-12-20 | 2026-03-01 | 899999.99 | 5502.50 | 71",
            "a half fen exactly, up | 1.50 | 1 | 1 | 2026-01-01 | 2026-05-01 | 1.50 | 0.01 | 120"})
    void receivable_advances(String name, String outstanding, String advanceRate, String rate, String from, String due,
                             String advance, String interest, long days) {
        Loan loan = FinanceCalculator.receivableAdvance(new BigDecimal(outstanding), new BigDecimal(advanceRate),
                new BigDecimal(rate), date(from), date(due));
        assertThat(loan.principal()).isEqualByComparingTo(advance);
        assertThat(loan.principal().scale()).isEqualTo(2);
        assertThat(loan.interest()).isEqualByComparingTo(interest);
        assertThat(loan.interest().scale()).isEqualTo(2);
        assertThat(loan.days()).isEqualTo(days);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | face | annual % | value date | maturity | interest | payout | days
            "demo voucher-part:8, settled | 100000.00 | 3.2 | 2026-05-01 | 2026-06-29 | 524.44 | 99475.56 | 59",
            "demo voucher-part:17, live | 120000.00 | 3.35 | 2026-06-30 | 2026-11-27 | 1675.00 | 118325.00 | 150",
            "a half fen exactly, up | 1.50 | 1 | 2026-01-01 | 2026-05-01 | 0.01 | 1.49 | 120",
            "a half fen on millions, leap year | 3000001.50 | 1 | 2024-01-01 | 2024-04-30 | 10000.01 | 2990001.49 | 120",
            "four-place rate | 50000.00 | 4.1234 | 2026-02-27 | 2026-08-31 | 1059.48 | 48940.52 | 185",
            "a fen earns nothing | 0.01 | 35.99 | 2026-06-30 | 2026-12-27 | 0.00 | 0.01 | 180"})
    void voucher_discounts_earn_on_the_face_and_lend_the_payout(String name, String face, String rate, String from,
                                                               String maturity, String interest, String payout, long days) {
        Discount d = FinanceCalculator.discount(new BigDecimal(face), new BigDecimal(rate), date(from), date(maturity));
        assertThat(d.interest()).isEqualByComparingTo(interest);
        assertThat(d.payout()).isEqualByComparingTo(payout);
        assertThat(d.days()).isEqualTo(days);
        // the funder lends the payout and is repaid the face value
        assertThat(d.loan().principal()).isEqualByComparingTo(payout);
        assertThat(d.loan().interest()).isEqualByComparingTo(interest);
        assertThat(d.loan().repayment()).isEqualByComparingTo(face);
        assertThat(d.refusal("annualRate")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | principal | annual % | value date | maturity | interest | days
            "demo warehouse-receipt:WR20260630000001 | 8000000.00 | 3.8 | 2026-06-30 | 2026-12-27 | 152000.00 | 180",
            "demo denucleated:1 | 900000.00 | 3.00 | 2026-06-30 | 2026-10-28 | 9000.00 | 120",
            "over a leap day | 123456.78 | 3.7654 | 2028-02-28 | 2028-03-01 | 25.83 | 2",
            "the largest amount for a year | 100000000000.00 | 35.9999 | 2026-01-01 | 2027-01-01 | 36499898611.11 | 365",
            "same day | 1000.00 | 5 | 2026-06-30 | 2026-06-30 | 0.00 | 0"})
    void loans_at_their_principal(String name, String principal, String rate, String from, String maturity,
                                  String interest, long days) {
        Loan loan = FinanceCalculator.loan(new BigDecimal(principal), new BigDecimal(rate), date(from), date(maturity));
        assertThat(loan.principal()).isEqualByComparingTo(principal);
        assertThat(loan.interest()).isEqualByComparingTo(interest);
        assertThat(loan.days()).isEqualTo(days);
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "3390000.00, 0.80, 2712000.00",
            "1000.00,    0.6,  600.00",
            "0.01,       0.9,  0.00",
            "1234.57,    0.6,  740.74",
            "5000000.00, 0.9,  4500000.00"})
    void advances_are_rounded_down(String base, String rate, String advance) {
        assertThat(FinanceCalculator.advance(new BigDecimal(base), new BigDecimal(rate))).isEqualTo(new BigDecimal(advance));
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "200,     68500,  13700000.00",
            "1.5,     0.003,  0.00",
            "1.5,     0.005,  0.01",
            "12.345,  100.01, 1234.62"})
    void goods_are_valued_half_up(String quantity, String price, String value) {
        assertThat(FinanceCalculator.value(new BigDecimal(quantity), new BigDecimal(price))).isEqualTo(new BigDecimal(value));
    }

    @Test
    void a_discount_that_eats_the_face_value_is_refused() {
        Discount d = FinanceCalculator.discount(new BigDecimal("0.01"), new BigDecimal("35.99"), date("2026-01-01"),
                date("2036-01-01"));
        assertThat(d.payout().signum()).isLessThanOrEqualTo(0);
        assertThat(d.refusal("annualRate")).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("voucher.discount-payout");
            assertThat(r.field()).isEqualTo("annualRate");
        });
    }

    @Test
    void a_maturity_before_the_value_date_is_a_programming_error() {
        assertThatThrownBy(() -> FinanceCalculator.loan(BigDecimal.ONE, BigDecimal.ONE, date("2026-06-30"),
                date("2026-06-29"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_convention_is_named_and_other_day_counts_can_be_picked() {
        assertThat(Convention.SCF).isEqualTo(new Convention(DayCount.ACT_360, Rounding.FEN_HALF_UP));
        // 1,000,000 at 3.65 % for 2026 (365 days): ACT/365F earns exactly the annual rate, ACT/360 more
        BigDecimal act365 = FinanceCalculator.interest(new BigDecimal("1000000.00"), new BigDecimal("3.65"),
                date("2026-01-01"), date("2027-01-01"), new Convention(DayCount.ACT_365F, Rounding.FEN_HALF_UP));
        assertThat(act365).isEqualByComparingTo("36500.00");
        assertThat(FinanceCalculator.interest(new BigDecimal("1000000.00"), new BigDecimal("3.65"), date("2026-01-01"),
                date("2027-01-01"))).isEqualByComparingTo("37006.94");
    }

    /** What FinancingService, VoucherMoves, WarehousePledges and DenucleatedService computed before. */
    static BigDecimal before(BigDecimal principal, BigDecimal rate, long days) {
        return principal.multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_UP);
    }

    @Test
    void every_figure_is_the_one_the_services_computed_before_to_the_fen() {
        SplittableRandom random = new SplittableRandom(16);
        LocalDate start = date("2024-01-01");
        for (int n = 0; n < 200_000; n++) {
            BigDecimal principal = BigDecimal.valueOf(random.nextLong(1, n % 2 == 0 ? 1_000_000_00L : 10_000_000_000_000L), 2);
            int places = random.nextInt(7);
            BigDecimal rate = BigDecimal.valueOf(random.nextLong(1, 36 * BigDecimal.TEN.pow(places).longValueExact()), places);
            LocalDate from = start.plusDays(random.nextInt(1200));
            long days = random.nextInt(0, 400);
            BigDecimal interest = FinanceCalculator.interest(principal, rate, from, from.plusDays(days));
            assertThat(interest).as("%s at %s%% for %d days", principal, rate, days)
                    .isEqualTo(before(principal, rate, days));
        }
    }

    @Test
    void a_half_fen_reached_exactly_rounds_up_even_when_the_day_count_fraction_is_inexact() {
        // principal × rate / 300 = k + 0.005 exactly over 120 days (a third of 360), for many k
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 10_000; n++) {
            long k = random.nextLong(0, 1_000_000_000L);
            // principal = 300 × (k + 0.005) at 1 %
            BigDecimal principal = BigDecimal.valueOf(300).multiply(BigDecimal.valueOf(k).add(new BigDecimal("0.005")));
            LocalDate from = date("2026-01-01");
            BigDecimal interest = FinanceCalculator.interest(principal, BigDecimal.ONE, from, from.plusDays(120));
            assertThat(interest).isEqualTo(BigDecimal.valueOf(k).add(new BigDecimal("0.01")));
            assertThat(interest).isEqualTo(before(principal, BigDecimal.ONE, 120));
            assertThat(ChronoUnit.DAYS.between(from, from.plusDays(120))).isEqualTo(120);
        }
    }

    @Test
    void every_figure_priced_here_is_the_one_the_single_payment_schedule_books() {
        SplittableRandom random = new SplittableRandom(16);
        for (int n = 0; n < 2_000; n++) {
            BigDecimal principal = BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(1, 3_600), 2);
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            LocalDate to = from.plusDays(random.nextInt(1, 400));
            BigDecimal booked = cn.chanrong.lending.schedule.ScheduleCalculator.calculate(
                    cn.chanrong.lending.schedule.SinglePaymentTerms.inArrears(principal, rate, from, to, DayCount.ACT_360))
                    .installments().get(0).interest();
            assertThat(FinanceCalculator.interest(principal, rate, from, to))
                    .as("%s at %s %% from %s to %s", principal, rate, from, to).isEqualByComparingTo(booked);
        }
    }
}
