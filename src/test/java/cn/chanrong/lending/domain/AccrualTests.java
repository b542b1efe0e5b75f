package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccrualTests {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private static Installment inst(int period, String start, String due, String principal, String interest) {
        return new Installment(period, LocalDate.parse(start), LocalDate.parse(due), new BigDecimal(principal),
                new BigDecimal(interest), ZERO, ZERO);
    }

    private final List<Installment> schedule = List.of(
            inst(1, "2026-01-20", "2026-02-20", "1000.00", "310.00"),
            inst(2, "2026-02-20", "2026-03-20", "1000.00", "280.00"));

    @Test
    void interest_accrues_straight_line_and_reaches_the_scheduled_interest_the_day_before_the_due_date() {
        assertThat(Accrual.interestThrough(schedule, LocalDate.parse("2026-01-19"))).isEqualByComparingTo("0");
        assertThat(Accrual.interestThrough(schedule, LocalDate.parse("2026-01-20"))).isEqualByComparingTo("10");
        assertThat(Accrual.interestThrough(schedule, LocalDate.parse("2026-02-19"))).isEqualByComparingTo("310");
        assertThat(Accrual.interestThrough(schedule, LocalDate.parse("2026-02-20"))).isEqualByComparingTo("320");
        assertThat(Accrual.interestThrough(schedule, LocalDate.parse("2026-12-31"))).isEqualByComparingTo("590");
    }

    @Test
    void penalty_runs_from_the_day_after_the_due_date_on_overdue_principal_and_interest() {
        // 1,310 overdue from 21 Feb; 3.6 % × 1.5 / 360 = 0.015 % a day
        BigDecimal p = Accrual.penalty(schedule, LocalDate.parse("2026-02-19"), LocalDate.parse("2026-02-21"),
                new BigDecimal("3.6"), new BigDecimal("0.5"));
        assertThat(p).isEqualByComparingTo("0.1965");
        assertThat(Accrual.penalty(schedule, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-20"),
                new BigDecimal("3.6"), new BigDecimal("0.5"))).isEqualByComparingTo("0");
    }

    @Test
    void days_past_due_count_from_the_oldest_unpaid_due_date() {
        assertThat(Accrual.daysPastDue(schedule, LocalDate.parse("2026-02-20"))).isZero();
        assertThat(Accrual.daysPastDue(schedule, LocalDate.parse("2026-02-21"))).isEqualTo(1);
        assertThat(Accrual.daysPastDue(schedule, LocalDate.parse("2026-05-31"))).isEqualTo(100);
        var paid = List.of(schedule.get(0).paying(new BigDecimal("1000.00"), new BigDecimal("310.00")), schedule.get(1));
        assertThat(Accrual.daysPastDue(paid, LocalDate.parse("2026-03-25"))).isEqualTo(5);
    }
}
