package cn.chanrong.lending.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Corporate conventions: settlement on the 20th with a broken first period, quarterly periods, grace. */
class ConventionsTests {

    private static final BigDecimal P = new BigDecimal("1200000.00");

    @Test
    void a_broken_first_period_to_the_20th_counts_days_at_annual_over_360() {
        var t = new LoanTerms(P, 12, new BigDecimal("3.60"), RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2026, 3, 5),
                DayCount.MONTHLY, LocalDate.of(2026, 4, 20), 1, 0);
        var s = ScheduleCalculator.calculate(t);
        assertThat(s.installments()).hasSize(12);
        assertThat(s.installments().get(0).date()).isEqualTo(LocalDate.of(2026, 4, 20));
        // 46 days × 3.6 % / 360 on 1.2 M
        assertThat(s.installments().get(0).interest()).isEqualByComparingTo("5520.00");
        // then whole months at 3.6 % / 12 on the falling balance
        assertThat(s.installments().get(1).interest()).isEqualByComparingTo("3300.00");
        assertThat(s.installments().get(11).date()).isEqualTo(LocalDate.of(2027, 3, 20));
        assertThat(s.totalPrincipal()).isEqualByComparingTo(P);
    }

    @Test
    void quarterly_interest_settlement_with_principal_at_maturity() {
        var t = new LoanTerms(P, 12, new BigDecimal("3.60"), RepaymentMethod.INTEREST_ONLY, LocalDate.of(2026, 3, 20),
                DayCount.ACT_360, null, 3, 0);
        var s = ScheduleCalculator.calculate(t);
        assertThat(s.installments()).extracting(Schedule.Installment::date).containsExactly(LocalDate.of(2026, 6, 20),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 12, 20), LocalDate.of(2027, 3, 20));
        assertThat(s.installments().get(0).interest()).isEqualByComparingTo("11040.00"); // 92 days
        assertThat(s.installments().get(3).principal()).isEqualByComparingTo(P);
    }

    @Test
    void a_grace_period_pays_interest_only_then_amortises_over_the_rest() {
        var t = new LoanTerms(P, 24, new BigDecimal("3.60"), RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2026, 1, 20),
                DayCount.MONTHLY, null, 1, 6);
        var s = ScheduleCalculator.calculate(t);
        assertThat(s.installments().subList(0, 6)).allSatisfy(i -> assertThat(i.principal()).isZero());
        assertThat(s.installments().get(6).principal()).isEqualByComparingTo("66666.67"); // 1.2 M / 18
        assertThat(s.totalPrincipal()).isEqualByComparingTo(P);
        assertThatThrownBy(() -> ScheduleCalculator.calculate(new LoanTerms(P, 12, BigDecimal.ONE,
                RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2026, 1, 20), DayCount.MONTHLY, null, 3, 2)))
                .hasMessageContaining("grace");
    }

    @Test
    void a_custom_plan_repays_principal_as_agreed_with_interest_on_the_falling_balance() {
        var plan = java.util.List.of(new BigDecimal("100000.00"), new BigDecimal("100000.00"), new BigDecimal("1000000.00"));
        var t = new LoanTerms(P, 3, new BigDecimal("3.60"), RepaymentMethod.CUSTOM, LocalDate.of(2026, 1, 20),
                DayCount.MONTHLY, null, 1, 0, plan);
        var s = ScheduleCalculator.calculate(t);
        assertThat(s.installments()).extracting(Schedule.Installment::principal)
                .containsExactly(new BigDecimal("100000.00"), new BigDecimal("100000.00"), new BigDecimal("1000000.00"));
        assertThat(s.installments().get(1).interest()).isEqualByComparingTo("3300.00"); // 1.1 M × 0.3 %
        assertThatThrownBy(() -> ScheduleCalculator.calculate(new LoanTerms(P, 3, BigDecimal.ONE, RepaymentMethod.CUSTOM,
                LocalDate.of(2026, 1, 20), DayCount.MONTHLY, null, 1, 0, plan.subList(0, 2))))
                .hasMessageContaining("one principal amount for each");
        assertThatThrownBy(() -> ScheduleCalculator.calculate(new LoanTerms(P, 3, BigDecimal.ONE,
                RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2026, 1, 20), DayCount.MONTHLY, null, 1, 0, plan)))
                .hasMessageContaining("only with the custom method");
    }
}
