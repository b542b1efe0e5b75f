package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassThroughTests {

    /**
     * Payments in as id:amount:day:loan payout day ({@code -} for no loan money); the payment out as amount:day; what
     * is found as days:earlier id, under the shipped rule (30 days of loan money, sent on within a day, 90 %).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            sent on the next day                    | 1:500000.00:10:5            | 480000.00:11 | 1:1
            sent on the same day                    | 1:500000.00:10:5            | 450000.00:10 | 0:1
            kept a good part                        | 1:500000.00:10:5            | 440000.00:11 | -
            sent on two days later                  | 1:500000.00:10:5            | 480000.00:12 | -
            money that was no loan's                | 1:500000.00:10:-            | 480000.00:11 | -
            paid in long after the payout           | 1:500000.00:40:5            | 480000.00:41 | -
            the later of two payments in            | 1:500000.00:10:5 2:300000.00:11:5 | 290000.00:11 | 0:2
            paid in after it went out               | 1:500000.00:12:5            | 480000.00:11 | -
            """)
    void an_account_that_sends_the_loan_money_straight_on_is_found(String caseName, String in, String out, String expected) {
        List<PassThrough.Inbound> inbound = new ArrayList<>();
        for (String s : in.split(" ")) {
            String[] p = s.split(":");
            Detector.Loan loan = p[3].equals("-") ? null : new Detector.Loan(9, "L9", 100_000_000, Integer.parseInt(p[3]));
            inbound.add(new PassThrough.Inbound(Long.parseLong(p[0]), Detector.fen(new BigDecimal(p[1])), Integer.parseInt(p[2]),
                    loan, Rules.DEFAULT.passThrough()));
        }
        String[] o = out.split(":");
        Detector.Finding f = PassThrough.check(Detector.fen(new BigDecimal(o[0])), Integer.parseInt(o[1]), inbound);
        assertThat(f == null ? null : f.days() + ":" + f.earlier().id()).isEqualTo(expected);
        if (f != null) {
            assertThat(f.rule()).isEqualTo("pass-through");
            assertThat(f.loan().number()).isEqualTo("L9");
        }
    }
}
