package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UseMatchTests {

    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /**
     * Claims as id:payee name:payee account (or ~):fen:day; payments as id:counterparty name:account (or ~):fen:day;
     * payments already backing other uses; what matches as claim>payment.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            same payee, amount and day                | 1:精工轴承:3501:40000:2              | 7:精工轴承:3501:40000:2                      | -   | 1>7
            the account decides when both name one    | 1:别的名字:3501:40000:2              | 7:精工轴承:3501:40000:2                      | -   | 1>7
            another account, the same name            | 1:精工轴承:3502:40000:2              | 7:精工轴承:3501:40000:2                      | -   | -
            the name when the bank gave no account    | 1:精工（福州）轴承:~:40000:2         | 7:精工(福州) 轴承:~:40000:2                  | -   | 1>7
            another amount                            | 1:精工轴承:3501:40000:2              | 7:精工轴承:3501:40001:2                      | -   | -
            three days apart is still the payment     | 1:精工轴承:3501:40000:5              | 7:精工轴承:3501:40000:2                      | -   | 1>7
            four days apart is not                    | 1:精工轴承:3501:40000:6              | 7:精工轴承:3501:40000:2                      | -   | -
            the nearest day wins                      | 1:精工轴承:3501:40000:4              | 7:精工轴承:3501:40000:2 8:精工轴承:3501:40000:4 | - | 1>8
            one payment backs one use                 | 1:精工轴承:3501:40000:2 2:精工轴承:3501:40000:2 | 7:精工轴承:3501:40000:2           | -   | 1>7
            two uses, two payments                    | 1:精工轴承:3501:40000:2 2:精工轴承:3501:40000:2 | 7:精工轴承:3501:40000:2 8:精工轴承:3501:40000:3 | - | 1>7 2>8
            a payment backing an earlier report       | 1:精工轴承:3501:40000:2              | 7:精工轴承:3501:40000:2                      | 7   | -
            """)
    void matches(String name, String claims, String payments, String taken, String expected) {
        List<UseMatch.Claim> c = new ArrayList<>();
        for (String s : claims.trim().split("\\s+(?=\\d+:)")) {
            String[] f = s.split(":");
            c.add(new UseMatch.Claim(Long.parseLong(f[0]), f[1], f[2].equals("~") ? null : f[2], Long.parseLong(f[3]),
                    NOV_1.plusDays(Integer.parseInt(f[4]))));
        }
        List<UseMatch.Paid> p = new ArrayList<>();
        for (String s : payments.trim().split("\\s+(?=\\d+:)")) {
            String[] f = s.split(":");
            p.add(new UseMatch.Paid(Long.parseLong(f[0]), f[1], f[2].equals("~") ? null : f[2], Long.parseLong(f[3]),
                    NOV_1.plusDays(Integer.parseInt(f[4]))));
        }
        Set<Long> used = taken == null ? Set.of() : Set.of(Long.parseLong(taken.trim()));
        String got = UseMatch.match(c, p, used).entrySet().stream().map(e -> e.getKey() + ">" + e.getValue())
                .collect(Collectors.joining(" "));
        assertThat(got).isEqualTo(expected == null ? "" : expected.trim());
    }

    @Test
    void the_sample_takes_every_large_use_and_the_same_small_ones_each_time() {
        assertThat(UseMatch.sampled("FP-1", 100_000, 1_000_000)).isTrue();
        int picked = 0;
        for (int i = 0; i < 1000; i++) {
            boolean once = UseMatch.sampled("HT-" + i, 1_000, 1_000_000);
            assertThat(UseMatch.sampled("HT-" + i, 1_000, 1_000_000)).isEqualTo(once);
            picked += once ? 1 : 0;
        }
        assertThat(picked).as("about one in five").isBetween(150, 250);
    }
}
