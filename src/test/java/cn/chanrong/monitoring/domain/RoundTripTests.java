package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundTripTests {

    static final List<ProhibitedUse.Loan> LOANS = List.of(
            new ProhibitedUse.Loan(1, "L1", new BigDecimal("1000000.00"), LocalDate.of(2026, 11, 1)));

    /** Loan paid out on 1 November; 400,000.00 paid out to the counterparty on the date given; window 30 days. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            most of it back the next day             | 2026-11-05 | 380000.00 | 2026-11-06 | L1 | 1
            exactly half back                        | 2026-11-05 | 200000.00 | 2026-11-20 | L1 | 15
            less than half back                      | 2026-11-05 | 199999.99 | 2026-11-06 | -  | -
            back after the window                    | 2026-11-05 | 380000.00 | 2026-12-06 | -  | -
            paid out before the loan: not its money  | 2026-10-30 | 380000.00 | 2026-11-02 | -  | -
            paid out a month after the loan          | 2026-12-02 | 380000.00 | 2026-12-03 | -  | -
            a payment out, not in                    | 2026-11-05 | -380000.00 | 2026-11-06 | - | -
            """)
    void money_that_comes_back_from_whom_the_loan_paid_is_a_round_trip(String caseName, LocalDate out, String back,
                                                                       LocalDate on, String loan, Long days) {
        var outs = List.of(new RoundTrip.Out(7, "OUT-7", new BigDecimal("400000.00"), out));
        var f = RoundTrip.check(new BigDecimal(back), on, outs, LOANS, 30);
        if (loan == null) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).hasValueSatisfying(x -> {
                assertThat(x.loan().number()).isEqualTo(loan);
                assertThat(x.out().bankReference()).isEqualTo("OUT-7");
                assertThat(x.days()).isEqualTo(days);
            });
        }
    }
}
