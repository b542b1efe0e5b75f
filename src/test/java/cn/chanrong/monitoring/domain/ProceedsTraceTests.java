package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProceedsTraceTests {

    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /**
     * A loan of 1,000.00 (100000 fen) paid into account {@code A} on 1 November; movements as
     * id:account:OUT|IN:counterparty:fen:day:category (day after 1 November); hops allowed and the last day
     * followed; what ends as path>counterparty:fen:end and what is held as path:fen, paths joined with '-'.
     * Every row also checks that what ends and what is held add up to the principal.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nothing moved: all of it still there          | -                                                     | 3 | 30 | -                                  | A:100000
            a supplier paid 40 %                          | 1:A:OUT:S:40000:2:SUPPLIER                            | 3 | 30 | A>S:40000:NOT_VISIBLE              | A:60000
            first in, first out: the loan's lot goes first | 1:A:IN:X:50000:1:OTHER 2:A:OUT:S:120000:2:SUPPLIER   | 3 | 30 | A>S:100000:NOT_VISIBLE             | -
            a payment larger than the queue               | 1:A:OUT:S:150000:2:SUPPLIER                           | 3 | 30 | A>S:100000:NOT_VISIBLE             | -
            other money earlier on the same day           | 1:A:IN:X:30000:0:OTHER 2:A:OUT:S:30000:0:SUPPLIER     | 3 | 30 | A>S:30000:NOT_VISIBLE              | A:70000
            through a visible firm to a broker            | 1:A:OUT:C:60000:1:SUPPLIER 2:C:IN:A:60000:1:OTHER 3:C:OUT:B:60000:3:SECURITIES | 3 | 30 | A-C>B:60000:NOT_VISIBLE | A:40000
            the visible firm spends its own money first   | 9:C:IN:Y:50000:0:OTHER 1:A:OUT:C:60000:1:SUPPLIER 2:C:IN:A:60000:1:OTHER 3:C:OUT:B:70000:3:SECURITIES | 3 | 30 | A-C>B:20000:NOT_VISIBLE | A:40000 A-C:40000
            the hop limit stops the trace                 | 1:A:OUT:C:60000:1:SUPPLIER 2:C:IN:A:60000:1:OTHER 3:C:OUT:D:60000:2:SUPPLIER 4:D:IN:C:60000:2:OTHER | 1 | 30 | A-C>D:60000:HOP_LIMIT | A:40000
            no hops: a visible firm is where it ends      | 1:A:OUT:C:60000:1:SUPPLIER 2:C:IN:A:60000:1:OTHER     | 0 | 30 | A>C:60000:HOP_LIMIT                | A:40000
            round trip back to the borrower               | 1:A:OUT:C:50000:1:TRADING 2:C:IN:A:50000:1:OTHER 3:C:OUT:A:48000:3:TRADING 4:A:IN:C:48000:3:OTHER | 3 | 30 | - | A:50000 A-C-A:48000 A-C:2000
            a payment after the window is not followed    | 1:A:OUT:S:40000:31:SUPPLIER                           | 3 | 30 | -                                  | A:100000
            a payment before the loan is not its money    | 1:A:OUT:S:40000:-1:SUPPLIER                           | 3 | 30 | -                                  | A:100000
            the disbursement's own credit is not other money | 77:A:IN:BANK:100000:0:OTHER 1:A:OUT:S:100000:1:SUPPLIER | 3 | 30 | A>S:100000:NOT_VISIBLE   | -
            two payments to one payee add up              | 1:A:OUT:S:10000:1:SUPPLIER 2:A:OUT:S:15000:4:SUPPLIER | 3 | 30 | A>S:25000:NOT_VISIBLE              | A:75000
            """)
    void follows_the_money(String name, String movements, int hops, int days, String ends, String held) {
        List<ProceedsTrace.Movement> list = new ArrayList<>();
        if (movements != null) {
            for (String m : movements.trim().split("\\s+")) {
                String[] f = m.split(":");
                list.add(new ProceedsTrace.Movement(Long.parseLong(f[0]), f[1], f[2].equals("OUT"), f[3], "name of " + f[3],
                        f[6], Long.parseLong(f[4]), NOV_1.plusDays(Integer.parseInt(f[5]))));
            }
        }
        var result = ProceedsTrace.trace(new ProceedsTrace.Start("A", NOV_1, 100_000, 77L), list,
                new ProceedsTrace.Limits(hops, NOV_1.plusDays(days)));
        assertThat(result.followed()).as("what ends and what is held add up to the principal").isEqualTo(100_000);
        assertThat(result.destinations().stream().map(d -> path(d.path()) + ">" + d.counterpartyAccount() + ":" + d.amount()
                + ":" + d.end()).collect(Collectors.joining(" "))).isEqualTo(ends == null ? "" : ends.trim());
        assertThat(result.holdings().stream().map(h -> path(h.path()) + ":" + h.amount())
                .sorted().collect(Collectors.joining(" ")))
                .isEqualTo(held == null ? "" : java.util.Arrays.stream(held.trim().split("\\s+")).sorted()
                        .collect(Collectors.joining(" ")));
    }

    @Test
    void a_destination_keeps_the_path_names_the_category_and_the_days() {
        var result = ProceedsTrace.trace(new ProceedsTrace.Start("A", NOV_1, 100_000, null), List.of(
                        new ProceedsTrace.Movement(1, "A", true, "C", "福州榕通贸易有限公司", "TRADING", 60_000, NOV_1.plusDays(1)),
                        new ProceedsTrace.Movement(2, "C", false, "A", "某机械公司", "OTHER", 60_000, NOV_1.plusDays(1)),
                        new ProceedsTrace.Movement(3, "C", true, "B", "国信证券股份有限公司", "SECURITIES", 30_000, NOV_1.plusDays(2)),
                        new ProceedsTrace.Movement(4, "C", true, "B", "国信证券股份有限公司", "SECURITIES", 30_000, NOV_1.plusDays(5))),
                new ProceedsTrace.Limits(3, NOV_1.plusDays(30)));
        ProceedsTrace.Destination d = result.destinations().getFirst();
        assertThat(d.path()).containsExactly(new ProceedsTrace.Hop("A", null), new ProceedsTrace.Hop("C", "福州榕通贸易有限公司"));
        assertThat(d.counterpartyName()).isEqualTo("国信证券股份有限公司");
        assertThat(d.category()).isEqualTo("SECURITIES");
        assertThat(d.amount()).isEqualTo(60_000);
        assertThat(d.first()).isEqualTo(NOV_1.plusDays(2));
        assertThat(d.last()).isEqualTo(NOV_1.plusDays(5));
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> new ProceedsTrace.Movement(1, "A", true, "B", null, "OTHER", 0, NOV_1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProceedsTrace.trace(new ProceedsTrace.Start("A", NOV_1, 0, null), List.of(),
                new ProceedsTrace.Limits(1, NOV_1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProceedsTrace.Limits(-1, NOV_1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String path(List<ProceedsTrace.Hop> hops) {
        return hops.stream().map(ProceedsTrace.Hop::account).collect(Collectors.joining("-"));
    }
}
