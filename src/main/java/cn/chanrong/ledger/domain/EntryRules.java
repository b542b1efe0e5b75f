package cn.chanrong.ledger.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a journal entry must satisfy before it reaches the database (which checks the balance again
 * at commit): at least two lines, positive amounts to the fen, known accounts, a subledger key on
 * every subledgered account, and debits equal to credits.
 */
public final class EntryRules {

    private EntryRules() {
    }

    /** @param subledgers the chart: account code → its subledger kind, or "" for none */
    public static List<Rejection> check(String description, String source, List<EntryLine> lines,
                                        Map<String, String> subledgers) {
        List<Rejection> r = new ArrayList<>();
        if (description == null || description.isBlank() || description.length() > 500) {
            r.add(Rejection.of("length", "description", 1, 500));
        }
        if (source == null || source.isBlank() || source.length() > 200) {
            r.add(Rejection.of("length", "source", 1, 200));
        }
        if (lines == null || lines.size() < 2) {
            r.add(Rejection.of("ledger.too-few-lines", "lines", lines == null ? 0 : lines.size()));
            return r;
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            EntryLine l = lines.get(i);
            String field = "lines[" + i + "]";
            if (l.account() == null || !subledgers.containsKey(l.account())) {
                r.add(Rejection.of("ledger.unknown-account", field, String.valueOf(l.account())));
                continue;
            }
            if (l.amount() == null || l.amount().signum() <= 0 || l.amount().stripTrailingZeros().scale() > 2) {
                r.add(Rejection.of("ledger.amount", field, String.valueOf(l.amount())));
                continue;
            }
            boolean needsKey = !subledgers.get(l.account()).isEmpty();
            if (needsKey && (l.subledger() == null || l.subledger().isBlank())) {
                r.add(Rejection.of("ledger.subledger-required", field, l.account(), subledgers.get(l.account())));
            }
            if (l.side() == Side.DEBIT) {
                debits = debits.add(l.amount());
            } else {
                credits = credits.add(l.amount());
            }
        }
        if (r.isEmpty() && debits.compareTo(credits) != 0) {
            r.add(Rejection.of("ledger.unbalanced", "lines", debits.toPlainString(), credits.toPlainString()));
        }
        return r;
    }
}
