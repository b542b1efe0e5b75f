package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Payee other than the named one, splits below the entrusted-payment threshold, money back through a related party. */
class DetectorMoreRulesTests {

    /**
     * Loans as number:principal:day[:E=payee;payee…] (E: entrusted to those payees, account digits or names); payments
     * out already seen as id:counterparty:amount:day ({@code ~name} for a name only); the event as
     * DEBIT|CREDIT:counterparty:amount:day:category; the borrower's related parties; what is found as
     * rule:loan:days[:earlier id].
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            entrusted money to the named supplier          | L1:1000000.00:0:E=6222001;~福州精密轴承有限公司 | -  | DEBIT:6222001:400000.00:1:SUPPLIER        | -       | -
            to the named supplier by its name, widths aside | L1:1000000.00:0:E=~福州（精密）轴承 | -                        | DEBIT:~福州(精密)轴承:400000.00:1:SUPPLIER | -       | -
            entrusted money to someone else                | L1:1000000.00:0:E=6222001    | -                             | DEBIT:7333002:400000.00:1:SUPPLIER        | -       | payee-other:L1:1
            a small payment to someone else                | L1:1000000.00:0:E=6222001    | -                             | DEBIT:7333002:99999.99:1:SUPPLIER         | -       | -
            taxes are nobody's purchase                    | L1:1000000.00:0:E=6222001    | -                             | DEBIT:7333002:400000.00:1:TAX             | -       | -
            after the days of the payout                   | L1:1000000.00:0:E=6222001    | -                             | DEBIT:7333002:400000.00:4:SUPPLIER        | -       | -
            a self-paid loan names no payee                | L1:1000000.00:0              | -                             | DEBIT:7333002:400000.00:1:SUPPLIER        | -       | -
            a self-paid loan split in two past 10 million  | L1:30000000.00:0             | 1:S1:6000000.00:1              | DEBIT:S1:5000000.00:2:SUPPLIER            | -       | split:L1:2
            two parts under 10 million together            | L1:30000000.00:0             | 1:S1:5000000.00:1              | DEBIT:S1:5000000.00:2:SUPPLIER            | -       | -
            three parts, the third passes it               | L1:30000000.00:0             | 1:S1:4000000.00:1 2:S1:4000000.00:2 | DEBIT:S1:4000000.00:3:SUPPLIER       | -       | split:L1:3
            already passed: found once                     | L1:30000000.00:0             | 1:S1:6000000.00:1 2:S1:6000000.00:2 | DEBIT:S1:1000000.00:3:SUPPLIER       | -       | -
            parts to different payees                      | L1:30000000.00:0             | 1:S2:6000000.00:1              | DEBIT:S1:5000000.00:2:SUPPLIER            | -       | -
            one payment over the threshold is no split     | L1:30000000.00:0             | 1:S1:6000000.00:1              | DEBIT:S1:12000000.00:2:SUPPLIER           | -       | -
            a loan under the threshold has none to evade   | L1:9000000.00:0              | 1:S1:6000000.00:1              | DEBIT:S1:5000000.00:2:SUPPLIER            | -       | -
            an entrusted loan is paid by the bank          | L1:30000000.00:0:E=S1        | 1:S1:6000000.00:1              | DEBIT:S1:5000000.00:2:SUPPLIER            | -       | -
            paid to a trader, back from the parent         | L1:1000000.00:0              | 7:S1:400000.00:1               | CREDIT:~福建恒信集团有限公司:380000.00:3:OTHER | 福建恒信集团有限公司 | related-round-trip:L1:2:7
            back from the parent, but too little           | L1:1000000.00:0              | 7:S1:400000.00:1               | CREDIT:~福建恒信集团有限公司:300000.00:3:OTHER | 福建恒信集团有限公司 | -
            back from a stranger                           | L1:1000000.00:0              | 7:S1:400000.00:1               | CREDIT:~某某贸易有限公司:380000.00:3:OTHER   | 福建恒信集团有限公司 | -
            back from the party paid is a plain round trip | L1:1000000.00:0              | 7:~福建恒信集团有限公司:400000.00:1 | CREDIT:~福建恒信集团有限公司:380000.00:3:OTHER | 福建恒信集团有限公司 | round-trip:L1:2:7
            working capital buying equipment               | L1:1000000.00:0:P=WORKING_CAPITAL | -                        | DEBIT:S9:200000.00:5:FIXED_ASSET          | -       | purpose-mismatch:L1:5
            working capital, a small piece of equipment    | L1:1000000.00:0:P=WORKING_CAPITAL | -                        | DEBIT:S9:50000.00:5:FIXED_ASSET           | -       | -
            an equipment-renewal loan buying equipment     | L1:1000000.00:0:P=EQUIPMENT_RENEWAL | -                      | DEBIT:S9:800000.00:5:FIXED_ASSET          | -       | -
            a fixed-asset loan paying wages                | L1:1000000.00:0:P=FIXED_ASSET | -                            | DEBIT:S9:300000.00:2:PAYROLL              | -       | purpose-mismatch:L1:2
            working capital paying wages                   | L1:1000000.00:0:P=WORKING_CAPITAL | -                        | DEBIT:S9:300000.00:2:PAYROLL              | -       | -
            equipment long after the payout                | L1:1000000.00:0:P=WORKING_CAPITAL | -                        | DEBIT:S9:200000.00:31:FIXED_ASSET         | -       | -
            """)
    void the_detector_finds_them(String caseName, String loans, String debits, String event, String related, String expected) {
        var mem = new InMemoryHistory(64, 4);
        Detector.History history = new Detector.History() {
            @Override
            public List<Detector.Loan> loans(String account, int day) {
                return mem.loans(account, day);
            }

            @Override
            public void debits(String account, int from, int to, List<Detector.Debit> into) {
                mem.debits(account, from, to, into);
            }

            @Override
            public boolean related(String account, String name) {
                return related != null && Detector.key(related).equals(Detector.key(name));
            }
        };
        int id = 1;
        for (String s : loans.split(" ")) {
            String[] p = s.split(":", 4);
            var l = new Detector.Loan(id++, p[0], Detector.fen(new BigDecimal(p[1])), Integer.parseInt(p[2]));
            if (p.length > 3 && p[3].startsWith("P=")) {
                l = l.purposed(p[3].substring(2));
            } else if (p.length > 3) {
                List<String[]> payees = new ArrayList<>();
                for (String payee : p[3].substring(2).split(";")) {
                    payees.add(payee.startsWith("~") ? new String[] {null, payee.substring(1)} : new String[] {payee, null});
                }
                l = l.entrustedTo(payees);
            }
            mem.loan("acc", l);
        }
        if (debits != null) {
            for (String s : debits.split(" ")) {
                String[] p = s.split(":");
                boolean byName = p[1].startsWith("~");
                mem.debit("acc", new Detector.Debit(Long.parseLong(p[0]), "R" + p[0], byName ? null : p[1],
                        byName ? p[1].substring(1) : null, Detector.fen(new BigDecimal(p[2])), Integer.parseInt(p[3])));
            }
        }
        String[] e = event.split(":");
        boolean byName = e[1].startsWith("~");
        long fen = Detector.fen(new BigDecimal(e[2]));
        var in = new Detector.Event("acc", "NOW", byName ? null : e[1], byName ? e[1].substring(1) : null,
                "DEBIT".equals(e[0]) ? -fen : fen, CounterpartyCategory.valueOf(e[4]), Integer.parseInt(e[3]));
        List<String> found = new ArrayList<>();
        for (Detector.Finding f : new Detector(Detector.RuleSource.of(Rules.DEFAULT)).detect(in, history)) {
            found.add(f.rule() + ":" + f.loan().number() + ":" + f.days() + (f.earlier() == null ? "" : ":" + f.earlier().id()));
        }
        assertThat(String.join(" ", found)).isEqualTo(expected == null ? "" : expected);
        // switched off, each rule finds nothing
        Rules off = Rules.DEFAULT.with(new Rules.PayeeOther(2, false, 3, 10)).with(new Rules.Split(2, false, 7, 10_000_000))
                .with(new Rules.RelatedRoundTrip(2, false, 30, 80)).with(new Rules.PurposeMismatch(2, false, 30, 10));
        List<String> none = new ArrayList<>();
        for (Detector.Finding f : new Detector(Detector.RuleSource.of(off)).detect(in, history)) {
            none.add(f.rule());
        }
        assertThat(none).doesNotContain(Rules.PAYEE_OTHER, Rules.SPLIT, Rules.RELATED_ROUND_TRIP, Rules.PURPOSE_MISMATCH);
        assertThat(Set.copyOf(Rules.CODES)).contains(Rules.PAYEE_OTHER, Rules.SPLIT, Rules.RELATED_ROUND_TRIP);
    }
}
