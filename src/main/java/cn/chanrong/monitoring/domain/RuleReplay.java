package cn.chanrong.monitoring.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A back-test (pure): the payments already kept, taken again in the order they were kept, through two
 * {@link Detector}s — the rules live then and the same with a draft — each against the history as it stood
 * when the payment came, as the live path saw it. Payments dated before {@code firstDay} are history only.
 */
public final class RuleReplay {

    /** A kept payment: {@code borrower} the key its history goes by (the reporting bank and the borrower). */
    public record Kept(long id, String borrower, Detector.Event event) {
    }

    /** A finding of one side on one payment. */
    public record Found(long paymentId, Detector.Finding finding) {
    }

    /** What each side found, in payment order. */
    public record Outcome(int evaluated, List<Found> live, List<Found> draft) {
    }

    private RuleReplay() {
    }

    /**
     * Runs {@code kept} (ascending id) with the loans of each borrower key, under {@code live} and {@code draft};
     * only payments dated on or after {@code firstDay} are checked.
     */
    public static Outcome run(List<Kept> kept, Map<String, List<Detector.Loan>> loans, Detector.RuleSource live,
                              Detector.RuleSource draft, int firstDay) {
        return run(kept, loans, Map.of(), live, draft, firstDay);
    }

    /** As above, with each borrower key's related parties and group by name ({@link Detector#key}). */
    public static Outcome run(List<Kept> kept, Map<String, List<Detector.Loan>> loans, Map<String, java.util.Set<String>> related,
                              Detector.RuleSource live, Detector.RuleSource draft, int firstDay) {
        var history = new Whole(loans, related);
        var liveDetector = new Detector(live);
        var draftDetector = new Detector(draft);
        List<Found> a = new ArrayList<>();
        List<Found> b = new ArrayList<>();
        int evaluated = 0;
        for (Kept k : kept) {
            if (k.event().valueDate() >= firstDay) {
                evaluated++;
                for (Detector.Finding f : liveDetector.detect(k.event(), history)) {
                    a.add(new Found(k.id(), f));
                }
                for (Detector.Finding f : draftDetector.detect(k.event(), history)) {
                    b.add(new Found(k.id(), f));
                }
            }
            if (k.event().debit()) {
                history.debit(k.event().account(), k.event().asDebit(k.id()));
            }
        }
        return new Outcome(evaluated, a, b);
    }

    /** Every payment out kept, per borrower key: a back-test reads a bounded period, so nothing is forgotten. */
    private static final class Whole implements Detector.History {
        private final Map<String, List<Detector.Loan>> loans;
        private final Map<String, List<Detector.Debit>> debits = new HashMap<>();
        private final Map<String, java.util.Set<String>> related;

        Whole(Map<String, List<Detector.Loan>> loans, Map<String, java.util.Set<String>> related) {
            this.loans = loans;
            this.related = related;
        }

        @Override
        public boolean related(String account, String counterpartyName) {
            return related.getOrDefault(account, java.util.Set.of()).contains(Detector.key(counterpartyName));
        }

        void debit(String key, Detector.Debit d) {
            debits.computeIfAbsent(key, x -> new ArrayList<>()).add(d);
        }

        @Override
        public List<Detector.Loan> loans(String account, int day) {
            return loans.getOrDefault(account, List.of());
        }

        @Override
        public void debits(String account, int from, int to, List<Detector.Debit> into) {
            for (Detector.Debit d : debits.getOrDefault(account, List.of())) {
                if (d.valueDate() >= from && d.valueDate() <= to) {
                    into.add(d);
                }
            }
        }
    }
}
