package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FanOutTests {

    static final LocalDate PAID_OUT = LocalDate.of(2026, 11, 2);
    static final List<ProhibitedUse.Loan> LOANS = List.of(
            new ProhibitedUse.Loan(1, "L1", new BigDecimal("1000000.00"), PAID_OUT));

    /**
     * A loan of 1,000,000.00 paid out on 2 November. {@code earlier}: payments already seen, as
     * counterparty:amount:days after the loan; then the current payment.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            the fifth party takes it over half        | A:120000:0 B:120000:1 C:120000:1 D:120000:2 | E:100000:2 | 5  | 580000.00
            five parties but under half               | A:90000:0 B:90000:1 C:90000:1 D:90000:2     | E:90000:2  | -  | -
            over half to four parties                 | A:200000:0 B:200000:1 C:200000:1 D:200000:2 | A:100000:2 | -  | -
            the fifth party a day after the window    | A:120000:0 B:120000:1 C:120000:1 D:120000:2 | E:100000:4 | -  | -
            already fanned out: found once only       | A:120000:0 B:120000:1 C:120000:1 D:120000:2 E:120000:2 | F:10000:3 | - | -
            payments before the loan do not count     | A:120000:-1 B:120000:1 C:120000:1 D:120000:2 | E:100000:2 | - | -
            """)
    void loan_money_scattered_to_many_at_once_is_found_on_the_payment_that_completes_it(String caseName, String earlier,
                                                                                       String current, Integer parties,
                                                                                       String total) {
        List<FanOut.Out> seen = new ArrayList<>();
        for (String e : earlier.split(" ")) {
            seen.add(out(e));
        }
        var f = FanOut.check(out(current), seen, LOANS);
        if (parties == null) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).hasValueSatisfying(x -> {
                assertThat(x.parties()).isEqualTo(parties);
                assertThat(x.total()).isEqualByComparingTo(total);
                assertThat(x.loan().number()).isEqualTo("L1");
            });
        }
    }

    static FanOut.Out out(String spec) {
        String[] p = spec.split(":");
        return new FanOut.Out(p[0], new BigDecimal(p[1]), PAID_OUT.plusDays(Integer.parseInt(p[2])));
    }
}
