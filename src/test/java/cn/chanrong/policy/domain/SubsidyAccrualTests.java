package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.domain.Installment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubsidyAccrualTests {

    private static final BigDecimal Z = BigDecimal.ZERO;

    /**
     * 1,200,000 at 3.6 % from 2026-01-01: half the principal due 2026-01-31 (30 days' interest 3,600.00, 120.00 a day), the
     * other half due 2026-03-02 (30 days on 600,000: 1,800.00, 60.00 a day).
     */
    private static final List<Installment> SCHEDULE = List.of(
            new Installment(1, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), new BigDecimal("600000.00"),
                    new BigDecimal("3600.00"), Z, Z),
            new Installment(2, LocalDate.parse("2026-01-31"), LocalDate.parse("2026-03-02"), new BigDecimal("600000.00"),
                    new BigDecimal("1800.00"), Z, Z));

    /**
     * Each row worked by hand: points × principal ÷ 360 a day, at most the day's interest (120.00 on 1,200,000, 60.00 on
     * 600,000), nothing on a day past due or while non-performing, nothing outside the term.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | after      | through    | last       | points | switch     | then | dpd | npl   | amount  | days | suspended | capped
            1.5 pt: 30 days × 50.00                  | 2025-12-31 | 2026-01-30 | 2026-12-31 | 1.5    |            |      | 0   | false | 1500.00 | 30   | 0         | 0
            1.5 pt: then 30 days × 25.00             | 2026-01-30 | 2026-03-01 | 2026-12-31 | 1.5    |            |      | 0   | false | 750.00  | 30   | 0         | 0
            the whole loan at once                   | 2025-12-31 | 2026-03-01 | 2026-12-31 | 1.5    |            |      | 0   | false | 2250.00 | 60   | 0         | 0
            5 pt above 3.6 %: capped at 120.00 a day | 2025-12-31 | 2026-01-30 | 2026-12-31 | 5      |            |      | 0   | false | 3600.00 | 30   | 0         | 30
            three days past due of ten: 7 × 50.00    | 2025-12-31 | 2026-01-10 | 2026-12-31 | 1.5    |            |      | 3   | false | 350.00  | 7    | 3         | 0
            non-performing: none                     | 2025-12-31 | 2026-01-10 | 2026-12-31 | 1.5    |            |      | 0   | true  | 0.00    | 0    | 10        | 0
            term ends 2026-01-15: 15 × 50.00         | 2025-12-31 | 2026-01-30 | 2026-01-15 | 1.5    |            |      | 0   | false | 750.00  | 15   | 0         | 0
            1 pt, 1.5 from 01-16: 15 × 33.33… + 750  | 2025-12-31 | 2026-01-30 | 2026-12-31 | 1      | 2026-01-16 | 1.5  | 0   | false | 1250.00 | 30   | 0         | 0
            a day before the loan: nothing           | 2025-12-30 | 2025-12-31 | 2026-12-31 | 1.5    |            |      | 0   | false | 0.00    | 0    | 0         | 0
            """)
    void accrues_points_on_the_principal_capped_at_the_interest(String name, LocalDate after, LocalDate through,
                                                                 LocalDate last, BigDecimal points, LocalDate switchOn,
                                                                 BigDecimal then, int dpd, boolean npl, BigDecimal amount,
                                                                 int days, int suspended, int capped) {
        SubsidyAccrual.Result r = SubsidyAccrual.accrue(SCHEDULE, after, through, LocalDate.parse("2026-01-01"), last,
                d -> switchOn != null && !d.isBefore(switchOn) ? then : points, dpd, npl);
        assertThat(SubsidyAccrual.fen(r.exact(), null)).isEqualByComparingTo(amount);
        assertThat(r.days()).isEqualTo(days);
        assertThat(r.suspended()).isEqualTo(suspended);
        assertThat(r.capped()).isEqualTo(capped);
    }

    @Test
    void the_running_sum_is_rounded_once_so_days_lose_no_fen() {
        // 1 point on 1,200,000: 33.333… a day; day by day each rounds to 33.33, but three days are 100.00
        BigDecimal exact = BigDecimal.ZERO;
        for (int d = 1; d <= 3; d++) {
            LocalDate day = LocalDate.of(2026, 1, d);
            exact = exact.add(SubsidyAccrual.accrue(SCHEDULE, day.minusDays(1), day, LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-12-31"), x -> BigDecimal.ONE, 0, false).exact());
        }
        assertThat(SubsidyAccrual.fen(exact, null)).isEqualByComparingTo("100.00");
    }

    @Test
    void a_cap_per_loan_holds_the_fen_sum() {
        assertThat(SubsidyAccrual.fen(new BigDecimal("2250.004"), new BigDecimal("2000.00"))).isEqualByComparingTo("2000.00");
        assertThat(SubsidyAccrual.fen(new BigDecimal("1999.995"), new BigDecimal("2000.00"))).isEqualByComparingTo("2000.00");
        assertThat(SubsidyAccrual.fen(new BigDecimal("1999.994"), new BigDecimal("2000.00"))).isEqualByComparingTo("1999.99");
    }

    @Test
    void the_principal_of_a_day_is_what_falls_due_after_it() {
        assertThat(SubsidyAccrual.principalOn(SCHEDULE, LocalDate.parse("2026-01-30"))).isEqualByComparingTo("1200000.00");
        assertThat(SubsidyAccrual.principalOn(SCHEDULE, LocalDate.parse("2026-01-31"))).isEqualByComparingTo("600000.00");
        assertThat(SubsidyAccrual.principalOn(SCHEDULE, LocalDate.parse("2026-03-02"))).isEqualByComparingTo("0");
    }
}
