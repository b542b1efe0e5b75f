package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProhibitedUseTests {

    static final List<ProhibitedUse.Loan> LOANS = List.of(
            new ProhibitedUse.Loan(1, "L1", new BigDecimal("1000000.00"), LocalDate.of(2026, 11, 1)),
            new ProhibitedUse.Loan(2, "L2", new BigDecimal("500000.00"), LocalDate.of(2026, 11, 20)));

    /** Two loans paid out on 1 and 20 November; a payment on the date given, window 30 days. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            to a broker after the second loan       | -300000.00 | 2026-11-25 | SECURITIES        | L2 | 5
            to a broker between the loans           | -300000.00 | 2026-11-10 | SECURITIES        | L1 | 9
            to a developer on the last day          | -300000.00 | 2026-12-20 | REAL_ESTATE       | L2 | 30
            to a developer a day too late           | -300000.00 | 2026-12-21 | REAL_ESTATE       | -  | -
            into a wealth product                   | -10000.00  | 2026-11-21 | WEALTH_MANAGEMENT | L2 | 1
            lent on                                 | -10000.00  | 2026-11-21 | PRIVATE_LENDING   | L2 | 1
            from a broker (money in)                | 300000.00  | 2026-11-25 | SECURITIES        | -  | -
            to a supplier                           | -300000.00 | 2026-11-25 | SUPPLIER          | -  | -
            to a broker before any loan             | -300000.00 | 2026-10-31 | SECURITIES        | -  | -
            on the day the loan is paid out         | -300000.00 | 2026-11-01 | SECURITIES        | L1 | 0
            """)
    void loan_money_paid_where_loans_may_not_go_names_the_latest_loan_before_it(String caseName, String amount,
                                                                               LocalDate on, CounterpartyCategory category,
                                                                               String loan, Long days) {
        var f = ProhibitedUse.check(new BigDecimal(amount), on, category, LOANS, 30);
        if (loan == null) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).hasValueSatisfying(x -> {
                assertThat(x.loan().number()).isEqualTo(loan);
                assertThat(x.days()).isEqualTo(days);
                assertThat(x.category()).isEqualTo(category);
            });
        }
    }
}
