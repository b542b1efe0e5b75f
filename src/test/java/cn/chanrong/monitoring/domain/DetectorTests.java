package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorTests {

    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /**
     * Loans as number:principal:days after 1 November[:R for a declared renewal]; payments out already seen as id:counterparty:amount:day
     * ({@code ~name} for a counterparty known by name only); the event as DEBIT|CREDIT:counterparty:amount:day:
     * category; what is found as rule:loan:days[:earlier id]. Every row is also run through the reference rules
     * (ProhibitedUse, FanOut, RoundTrip in BigDecimal) the way the service ran them, and both must agree.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nothing to see: a supplier paid              | L1:1000000.00:0 | -                                          | DEBIT:S1:300000.00:5:SUPPLIER           | -
            a broker paid after the second loan         | L1:1000000.00:0 L2:500000.00:19 | -                          | DEBIT:B1:300000.00:24:SECURITIES        | prohibited-use:L2:5
            a developer paid a day too late             | L1:1000000.00:0 | -                                          | DEBIT:D1:300000.00:31:REAL_ESTATE       | -
            money in from a broker                      | L1:1000000.00:0 | -                                          | CREDIT:B1:300000.00:3:SECURITIES        | -
            no loan at all                              | -               | -                                          | DEBIT:B1:300000.00:3:SECURITIES         | -
            the fifth party takes it over half          | L1:1000000.00:0 | 1:A:120000.00:0 2:B:120000.00:1 3:C:120000.00:1 4:D:120000.00:2 | DEBIT:E:100000.00:2:SUPPLIER | fan-out:L1:2
            five parties under half                     | L1:1000000.00:0 | 1:A:90000.00:0 2:B:90000.00:1 3:C:90000.00:1 4:D:90000.00:2 | DEBIT:E:90000.00:2:SUPPLIER | -
            exactly half to five parties                | L1:1000000.00:0 | 1:A:100000.00:0 2:B:100000.00:1 3:C:100000.00:1 4:D:100000.00:2 | DEBIT:E:100000.00:3:SUPPLIER | fan-out:L1:3
            a fifth payment to a party already paid     | L1:1000000.00:0 | 1:A:200000.00:0 2:B:200000.00:1 3:C:200000.00:1 4:D:200000.00:2 | DEBIT:A:100000.00:2:SUPPLIER | -
            already fanned out: found once only         | L1:1000000.00:0 | 1:A:120000.00:0 2:B:120000.00:1 3:C:120000.00:1 4:D:120000.00:2 5:E:120000.00:2 | DEBIT:F:10000.00:3:SUPPLIER | -
            a payment before the loan does not count    | L1:1000000.00:1 | 1:A:120000.00:0 2:B:120000.00:2 3:C:120000.00:2 4:D:120000.00:3 | DEBIT:E:100000.00:3:SUPPLIER | -
            a later-dated payment reported first counts | L1:1000000.00:0 | 1:A:120000.00:0 2:B:120000.00:1 3:C:120000.00:3 4:D:120000.00:3 | DEBIT:E:100000.00:1:SUPPLIER | fan-out:L1:1
            fan-out to a broker is both                 | L1:1000000.00:0 | 1:A:120000.00:0 2:B:120000.00:1 3:C:120000.00:1 4:D:120000.00:2 | DEBIT:E:100000.00:2:SECURITIES | prohibited-use:L1:2 fan-out:L1:2
            most of it back the next day                | L1:1000000.00:0 | 7:S1:400000.00:4                           | CREDIT:S1:380000.00:5:SUPPLIER          | round-trip:L1:1:7
            exactly half back                           | L1:1000000.00:0 | 7:S1:400000.00:4                           | CREDIT:S1:200000.00:19:SUPPLIER         | round-trip:L1:15:7
            less than half back                         | L1:1000000.00:0 | 7:S1:400000.00:4                           | CREDIT:S1:199999.99:5:SUPPLIER          | -
            back after the window                       | L1:1000000.00:0 | 7:S1:400000.00:4                           | CREDIT:S1:380000.00:35:SUPPLIER         | -
            paid out before the loan: not its money     | L1:1000000.00:2 | 7:S1:400000.00:0                           | CREDIT:S1:380000.00:3:SUPPLIER          | -
            back from someone else                      | L1:1000000.00:0 | 7:S1:400000.00:4                           | CREDIT:S2:380000.00:5:SUPPLIER          | -
            the latest of two payments out comes back   | L1:1000000.00:0 | 7:S1:400000.00:4 8:S1:300000.00:6          | CREDIT:S1:380000.00:9:SUPPLIER          | round-trip:L1:3:8
            the latest that half covers comes back      | L1:1000000.00:0 | 7:S1:400000.00:4 8:S1:900000.00:6          | CREDIT:S1:380000.00:9:SUPPLIER          | round-trip:L1:5:7
            by name when the credit names no account    | L1:1000000.00:0 | 7:~Acme:400000.00:4                        | CREDIT:~Acme:380000.00:5:SUPPLIER       | round-trip:L1:1:7
            by account when the credit names one        | L1:1000000.00:0 | 7:~Acme:400000.00:4                        | CREDIT:S1:380000.00:5:SUPPLIER          | -
            a new loan repays another                   | L1:1000000.00:0 L2:500000.00:10 | -                          | DEBIT:B9:500000.00:11:LOAN_REPAYMENT    | hidden-refinancing:L2:1
            a declared renewal repays the one it renews | L1:1000000.00:0 L2:500000.00:10:R | -                        | DEBIT:B9:500000.00:11:LOAN_REPAYMENT    | -
            a repayment long after the loan             | L1:1000000.00:0 | -                                          | DEBIT:B9:50000.00:40:LOAN_REPAYMENT     | -
            money in from a lender is no repayment      | L1:1000000.00:0 | -                                          | CREDIT:B9:50000.00:3:LOAN_REPAYMENT     | -
            """)
    void the_detector_finds_what_the_reference_rules_find(String caseName, String loans, String debits, String event,
                                                      String expected) {
        List<ProhibitedUse.Loan> ls = loans(loans);
        List<Out> outs = outs(debits);
        In in = in(event);

        List<String> fast = new ArrayList<>();
        var history = new InMemoryHistory(64, 4);
        ls.forEach(l -> history.loan("acc", Detector.Loan.of(l)));
        outs.forEach(o -> history.debit("acc", o.asDebit()));
        for (Detector.Finding f : new Detector(30).detect(in.asEvent(), history)) {
            fast.add(f.rule() + ":" + f.loan().number() + ":" + f.days() + (f.earlier() == null ? "" : ":" + f.earlier().id()));
        }
        List<String> reference = reference(in, outs, ls, Rules.DEFAULT);

        assertThat(fast).isEqualTo(reference);
        assertThat(String.join(" ", fast)).isEqualTo(expected == null ? "" : expected);

        // under other parameters (rules are data, issue 18 §4) the two still agree, row by row
        List<String> other = new ArrayList<>();
        for (Detector.Finding f : new Detector(Detector.RuleSource.of(OTHER)).detect(in.asEvent(), history)) {
            other.add(f.rule() + ":" + f.loan().number() + ":" + f.days() + (f.earlier() == null ? "" : ":" + f.earlier().id()));
        }
        assertThat(other).isEqualTo(reference(in, outs, ls, OTHER));
    }

    /** Narrower windows, a higher share back, a smaller fan-out, brokers only; versions 2 to 5. */
    static final Rules OTHER = Rules.DEFAULT
            .with(new Rules.Prohibited(2, true, 10, java.util.Set.of(CounterpartyCategory.SECURITIES)))
            .with(new Rules.Window(3, true, 5))
            .with(new Rules.RoundTripParams(4, true, 10, 90))
            .with(new Rules.FanOutParams(5, true, 2, 4, 40));

    @Test
    void amounts_go_to_fen_exactly() {
        assertThat(Detector.fen(new BigDecimal("1234.56"))).isEqualTo(123456);
        assertThat(Detector.fen(new BigDecimal("1E5"))).isEqualTo(10_000_000);
        assertThat(Detector.fen(new BigDecimal("-0.01"))).isEqualTo(-1);
    }

    @Test
    void a_full_ring_forgets_the_oldest_payment_out() {
        var history = new InMemoryHistory(2, 1);
        history.debit("a", new Detector.Debit(1, "R1", "X", null, 100, 10));
        history.debit("a", new Detector.Debit(2, "R2", "X", null, 100, 11));
        history.debit("a", new Detector.Debit(3, "R3", "X", null, 100, 12));
        List<Detector.Debit> into = new ArrayList<>();
        history.debits("a", 0, 100, into);
        assertThat(into).extracting(Detector.Debit::id).containsExactlyInAnyOrder(2L, 3L);
        into.clear();
        history.debits("b", 0, 100, into);
        assertThat(into).isEmpty();
    }

    /** The old service's way: each rule on its own, in BigDecimal, on the debits the store returned. */
    private static List<String> reference(In in, List<Out> outs, List<ProhibitedUse.Loan> loans, Rules rules) {
        List<String> found = new ArrayList<>();
        BigDecimal signed = in.debit ? in.amount.negate() : in.amount;
        ProhibitedUse.check(signed, in.on, in.category, loans, rules.prohibitedUse())
                .ifPresent(f -> found.add(ProhibitedUse.RULE + ":" + f.loan().number() + ":" + f.days()));
        HiddenRefinancing.check(signed, in.on, in.category, loans, rules.hiddenRefinancing())
                .ifPresent(f -> found.add(HiddenRefinancing.RULE + ":" + f.loan().number() + ":" + f.days()));
        int days = rules.fanOut().days();
        int window = rules.roundTrip().windowDays();
        if (in.debit) {
            var earlier = outs.stream().filter(o -> !o.on.isBefore(in.on.minusDays(days)) && !o.on.isAfter(in.on.plusDays(days)))
                    .map(o -> new FanOut.Out(o.counterparty(), o.amount, o.on)).toList();
            FanOut.check(new FanOut.Out(in.counterparty(), in.amount, in.on), earlier, loans, rules.fanOut())
                    .ifPresent(f -> found.add(FanOut.RULE + ":" + f.loan().number() + ":" + f.days()));
        } else {
            var same = outs.stream().filter(o -> !o.on.isBefore(in.on.minusDays(window)) && !o.on.isAfter(in.on))
                    .filter(o -> in.account != null ? in.account.equals(o.account) : in.name.equals(o.name))
                    .map(o -> new RoundTrip.Out(o.id, "R" + o.id, o.amount, o.on)).toList();
            RoundTrip.check(in.amount, in.on, same, loans, rules.roundTrip())
                    .ifPresent(f -> found.add(RoundTrip.RULE + ":" + f.loan().number() + ":" + f.days() + ":" + f.out().paymentId()));
        }
        return found;
    }

    record Out(long id, String account, String name, BigDecimal amount, LocalDate on) {
        String counterparty() {
            return account != null ? account : name;
        }

        Detector.Debit asDebit() {
            return new Detector.Debit(id, "R" + id, account, name, Detector.fen(amount), Detector.day(on));
        }
    }

    record In(boolean debit, String account, String name, BigDecimal amount, LocalDate on, CounterpartyCategory category) {
        String counterparty() {
            return account != null ? account : name;
        }

        Detector.Event asEvent() {
            long fen = Detector.fen(amount);
            return new Detector.Event("acc", "NOW", account, name, debit ? -fen : fen, category, Detector.day(on));
        }
    }

    private static List<ProhibitedUse.Loan> loans(String spec) {
        List<ProhibitedUse.Loan> loans = new ArrayList<>();
        if (spec != null) {
            int id = 1;
            for (String s : spec.split(" ")) {
                String[] p = s.split(":");
                loans.add(new ProhibitedUse.Loan(id++, p[0], new BigDecimal(p[1]), NOV_1.plusDays(Integer.parseInt(p[2])),
                        p.length > 3 && p[3].equals("R")));
            }
        }
        return loans;
    }

    private static List<Out> outs(String spec) {
        List<Out> outs = new ArrayList<>();
        if (spec != null) {
            for (String s : spec.split(" ")) {
                String[] p = s.split(":");
                boolean byName = p[1].startsWith("~");
                outs.add(new Out(Long.parseLong(p[0]), byName ? null : p[1], byName ? p[1].substring(1) : "N" + p[1],
                        new BigDecimal(p[2]), NOV_1.plusDays(Integer.parseInt(p[3]))));
            }
        }
        return outs;
    }

    private static In in(String spec) {
        String[] p = spec.split(":");
        boolean byName = p[1].startsWith("~");
        return new In("DEBIT".equals(p[0]), byName ? null : p[1], byName ? p[1].substring(1) : "N" + p[1],
                new BigDecimal(p[2]), NOV_1.plusDays(Integer.parseInt(p[3])), CounterpartyCategory.valueOf(p[4]));
    }
}
