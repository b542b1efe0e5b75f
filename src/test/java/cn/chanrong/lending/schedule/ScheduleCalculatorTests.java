package cn.chanrong.lending.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The golden schedules of ../shared/golden/loan_schedules.md as a table, plus properties every schedule keeps. */
class ScheduleCalculatorTests {

    static Schedule schedule(String principal, int months, String rate, RepaymentMethod method, String start,
                             DayCount dayCount) {
        return ScheduleCalculator.calculate(new LoanTerms(new BigDecimal(principal), months, new BigDecimal(rate), method,
                LocalDate.parse(start), dayCount));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | principal | months | rate | method | day count | start | first payment | second payment | total interest | last payment
            "C1 | 630000.00 | 360 | 4.90 | EQUAL_INSTALLMENT | MONTHLY | 2026-01-20 | 3343.58 | 3343.58 | 573687.49 | 3342.27",
            "C2 | 630000.00 | 360 | 4.90 | EQUAL_PRINCIPAL | MONTHLY | 2026-01-20 | 4322.50 | 4315.35 | 464336.35 | 1757.15",
            "C3 | 300000.00 | 360 | 4.90 | EQUAL_INSTALLMENT | MONTHLY | 2026-01-20 | 1592.18 | 1592.18 | 273184.72 | 1592.10",
            "C4 | 1000000.00 | 240 | 4.90 | EQUAL_INSTALLMENT | MONTHLY | 2026-01-20 | 6544.44 | 6544.44 | 570665.67 | 6544.51",
            "F1 | 10000.00 | 6 | 12 | EQUAL_INSTALLMENT | ACT_ACT | 2023-12-12 | 1725.56 | 1725.56 | 353.39 | 1725.59",
            "F2 | 100.00 | 6 | 12 | EQUAL_INSTALLMENT | THIRTY_360 | 2024-01-01 | 17.25 | 17.25 | 3.53 | 17.28"})
    void golden_schedules(String name, String principal, int months, String rate, RepaymentMethod method,
                          DayCount dayCount, String start, String first, String second, String totalInterest, String last) {
        Schedule s = schedule(principal, months, rate, method, start, dayCount);
        assertThat(s.installments()).hasSize(months);
        assertThat(s.installments().get(0).payment()).isEqualByComparingTo(first);
        assertThat(s.installments().get(1).payment()).isEqualByComparingTo(second);
        assertThat(s.totalInterest()).isEqualByComparingTo(totalInterest);
        assertThat(s.installments().get(months - 1).payment()).isEqualByComparingTo(last);
        assertThat(s.totalPrincipal()).isEqualByComparingTo(principal);
        assertThat(s.installments().get(months - 1).balance()).isEqualByComparingTo("0");
    }

    @Test
    void f1_interest_and_balances_period_by_period() {
        Schedule s = schedule("10000.00", 6, "12", RepaymentMethod.EQUAL_INSTALLMENT, "2023-12-12", DayCount.ACT_ACT);
        assertThat(s.installments()).extracting(i -> i.interest().toPlainString())
                .containsExactly("101.81", "85.14", "64.05", "51.58", "33.45", "17.36");
        assertThat(s.installments()).extracting(i -> i.balance().toPlainString())
                .containsExactly("8376.25", "6735.83", "5074.32", "3400.34", "1708.23", "0.00");
        assertThat(s.installments().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 12));
    }

    @Test
    void f2_interest_period_by_period() {
        Schedule s = schedule("100.00", 6, "12", RepaymentMethod.EQUAL_INSTALLMENT, "2024-01-01", DayCount.THIRTY_360);
        assertThat(s.installments()).extracting(i -> i.interest().toPlainString())
                .containsExactly("1.00", "0.84", "0.67", "0.51", "0.34", "0.17");
    }

    @Test
    void equal_principal_calculator_identity_is_close_to_the_posted_total() {
        // r·P·(n+1)/2 = 464,336.25; the posted schedule rounds each period: 464,336.35
        BigDecimal r = new BigDecimal("0.049").divide(BigDecimal.valueOf(12), java.math.MathContext.DECIMAL128);
        BigDecimal identity = r.multiply(new BigDecimal("630000")).multiply(BigDecimal.valueOf(361))
                .divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
        assertThat(identity).isEqualByComparingTo("464336.25");
    }

    @Test
    void interest_only_and_bullet() {
        Schedule io = schedule("1200000.00", 12, "3.60", RepaymentMethod.INTEREST_ONLY, "2026-01-20", DayCount.MONTHLY);
        assertThat(io.installments().get(0).payment()).isEqualByComparingTo("3600.00");
        assertThat(io.installments().get(11).principal()).isEqualByComparingTo("1200000.00");
        assertThat(io.totalInterest()).isEqualByComparingTo("43200.00");
        Schedule bullet = schedule("1000000.00", 6, "3.10", RepaymentMethod.BULLET, "2026-01-20", DayCount.ACT_360);
        assertThat(bullet.installments()).hasSize(1);
        // 181 days from 2026-01-20 to 2026-07-20 at 3.10 % on ACT/360
        assertThat(bullet.installments().get(0).interest()).isEqualByComparingTo("15586.11");
        assertThat(bullet.installments().get(0).date()).isEqualTo(LocalDate.of(2026, 7, 20));
    }

    @Test
    void every_schedule_repays_exactly_the_principal_and_never_goes_negative() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 300; i++) {
            String principal = BigDecimal.valueOf(random.nextLong(1_000, 500_000_000), 2).toPlainString();
            int months = random.nextInt(1, 361);
            String rate = BigDecimal.valueOf(random.nextInt(0, 2400), 2).toPlainString();
            RepaymentMethod method = RepaymentMethod.values()[random.nextInt(4)];
            DayCount dayCount = DayCount.values()[random.nextInt(5)];
            Schedule s = schedule(principal, months, rate, method, "2025-0" + random.nextInt(1, 10) + "-"
                    + (10 + random.nextInt(19)), dayCount);
            assertThat(s.totalPrincipal()).as("case %d", i).isEqualByComparingTo(principal);
            assertThat(s.installments()).allSatisfy(inst -> {
                assertThat(inst.principal().signum()).isNotNegative();
                assertThat(inst.interest().signum()).isNotNegative();
                assertThat(inst.balance().signum()).isNotNegative();
                assertThat(inst.payment()).isEqualByComparingTo(inst.principal().add(inst.interest()));
                assertThat(inst.payment().scale()).isEqualTo(2);
            });
            assertThat(s.installments().get(s.installments().size() - 1).balance()).isEqualByComparingTo("0");
            List<Schedule.Installment> list = s.installments();
            for (int k = 1; k < list.size(); k++) {
                assertThat(list.get(k).date()).isAfter(list.get(k - 1).date());
            }
        }
    }

    @Test
    void impossible_terms_are_refused_with_the_reason() {
        assertThatThrownBy(() -> schedule("-5", 0, "120", RepaymentMethod.BULLET, "2026-01-01", DayCount.MONTHLY))
                .hasMessageContaining("principal").hasMessageContaining("months").hasMessageContaining("rate");
    }
}
