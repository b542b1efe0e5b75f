package cn.chanrong.lending.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lease rental core (issue 22 §1): equal rentals in advance or in arrears down to a residual value. The expected
 * figures were computed apart from this code (the same convention, decimal arithmetic, HALF_UP to the fen).
 */
class LeaseScheduleTests {

    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    private static Schedule lease(String financed, int months, int period, String rate, RentalTiming timing, String residual) {
        return ScheduleCalculator.calculate(new LeaseTerms(new BigDecimal(financed), months, period, new BigDecimal(rate),
                timing, new BigDecimal(residual), START));
    }

    @ParameterizedTest(name = "{0} {1}m/{2} at {3}% {4}, residual {5}")
    @CsvSource({
            // financed, months, period, rate, timing, residual | rental, last rental, residual line (principal/interest), lines, total interest
            "1000000.00, 12, 1, 6,    IN_ARREARS, 0,         86066.43,  86066.42,  -,                   12, 32797.15",
            "1000000.00, 12, 1, 6,    IN_ADVANCE, 0,         85638.24,  85638.22,  -,                   12, 27658.86",
            "1000000.00, 12, 1, 6,    IN_ARREARS, 100000.00, 77959.79,  77959.73,  100000.00/0.00,      13, 35517.42",
            "1000000.00, 12, 1, 6,    IN_ADVANCE, 100000.00, 77571.93,  77571.87,  99502.49/497.51,     13, 30863.10",
            "3600000.00, 36, 3, 5.4,  IN_ADVANCE, 36000.00,  319869.94, 319869.96, 35520.47/479.53,     13, 274439.30",
            "2500000.00, 24, 1, 4.35, IN_ARREARS, 250000.00, 98963.21,  98963.27,  250000.00/0.00,      25, 125117.10",
            "1200000.00, 12, 1, 0,    IN_ADVANCE, 0,         100000.00, 100000.00, -,                   12, 0.00"})
    void rentals_repay_the_amount_financed_down_to_the_residual(String financed, int months, int period, String rate,
                                                                RentalTiming timing, String residual, String rental,
                                                                String lastRental, String residualLine, int lines,
                                                                String totalInterest) {
        Schedule s = lease(financed, months, period, rate, timing, residual);
        List<Schedule.Installment> rows = s.installments();
        assertThat(rows).hasSize(lines);
        assertThat(rows.getFirst().payment()).isEqualByComparingTo(rental);
        int n = months / period;
        assertThat(rows.get(n - 1).payment()).isEqualByComparingTo(lastRental);
        assertThat(s.totalInterest()).isEqualByComparingTo(totalInterest);
        assertThat(s.totalPrincipal()).as("every yuan financed is repaid").isEqualByComparingTo(financed);
        assertThat(rows.getLast().balance()).isEqualByComparingTo("0");
        if (!residualLine.equals("-")) {
            var r = rows.getLast();
            assertThat(r.payment()).as("the buy-out is the residual value exactly").isEqualByComparingTo(residual);
            assertThat(r.principal() + "/" + r.interest()).isEqualTo(residualLine);
            assertThat(r.date()).isEqualTo(START.plusMonths(months));
        }
        if (timing == RentalTiming.IN_ADVANCE) {
            assertThat(rows.getFirst().date()).isEqualTo(START);
            assertThat(rows.getFirst().interest()).isEqualByComparingTo("0");
        } else {
            assertThat(rows.getFirst().date()).isEqualTo(START.plusMonths(period));
        }
    }

    @Test
    void a_lease_in_arrears_without_residual_is_the_equal_installment_loan() {
        Schedule lease = lease("1000000.00", 24, 1, "4.35", RentalTiming.IN_ARREARS, "0");
        Schedule loan = ScheduleCalculator.calculate(new LoanTerms(new BigDecimal("1000000.00"), 24, new BigDecimal("4.35"),
                RepaymentMethod.EQUAL_INSTALLMENT, START, DayCount.MONTHLY));
        assertThat(lease.installments()).extracting(Schedule.Installment::payment)
                .containsExactlyElementsOf(loan.installments().stream().map(Schedule.Installment::payment).toList());
    }

    @Test
    void terms_that_make_no_lease_are_refused_with_the_reason() {
        assertThatThrownBy(() -> lease("1000000.00", 12, 1, "6", RentalTiming.IN_ADVANCE, "1000000.00"))
                .hasMessageContaining("residual must be less than the amount financed");
        assertThatThrownBy(() -> lease("1000000.00", 10, 3, "6", RentalTiming.IN_ADVANCE, "0"))
                .hasMessageContaining("whole number of periods");
        assertThat(new LeaseTerms(new BigDecimal("1.001"), 12, 1, BigDecimal.ONE, null, BigDecimal.ZERO, null).problems())
                .hasSize(3);
    }
}
