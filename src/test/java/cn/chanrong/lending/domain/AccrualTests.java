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

    /** Diverted amount, from, to, markup → the uplift; 3.6 % × markup / 360 a day on min(diverted, principal not yet due). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} from {1} to {2} at +{3} → {4}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            500.00  | 2026-02-01 | 2026-02-11 | 0.5 | 0.25
            5000.00 | 2026-02-01 | 2026-02-11 | 0.5 | 1.00
            500.00  | 2026-02-01 | 2026-02-11 | 1.0 | 0.50
            1500.00 | 2026-02-19 | 2026-02-22 | 0.5 | 0.175
            500.00  | 2026-03-21 | 2026-03-25 | 0.5 | 0
            500.00  | 2026-02-01 | 2026-02-11 | 0   | 0
            0.00    | 2026-02-01 | 2026-02-11 | 0.5 | 0
            """)
    void the_diversion_uplift_runs_on_the_diverted_amount_only_and_never_on_overdue_principal(String diverted, String from,
                                                                                              String to, String markup,
                                                                                              String expected) {
        assertThat(Accrual.diversion(schedule, new BigDecimal(diverted), LocalDate.parse(from), LocalDate.parse(to),
                new BigDecimal("3.6"), new BigDecimal(markup))).isEqualByComparingTo(expected);
    }
}
