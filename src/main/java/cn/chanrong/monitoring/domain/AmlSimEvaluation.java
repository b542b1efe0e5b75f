package cn.chanrong.monitoring.domain;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detections scored on IBM AMLSim's generated transactions (issue 18 §7), data nobody here wrote. The
 * mapping (docs/MONITORING.md, "Quality on AMLSim") in short: every AMLSim account is a borrower's account;
 * a transfer is a debit on its source and a credit on its target, on the day {@code BASE + time}; AMLSim knows
 * no loans, so each credit of at least {@code loanMinimum} fen stands for a loan paid out to the target (its
 * amount the principal, its day the disbursement) — the money whose use the rules follow; no counterparty has
 * a category, so {@code prohibited-use} cannot fire. An account counts as flagged when an alert was raised on
 * one of its own payments (as the borrower); the score with the alert's counterparty flagged too is reported
 * beside it.
 */
public final class AmlSimEvaluation {

    /** AMLSim's step 0, taken as a day (its sample alerts are dated in 2017). */
    public static final int BASE = Detector.day(java.time.LocalDate.of(2017, 1, 1));

    /** One transfer from AMLSim's transactions.csv: value in fen, time a step (a day). */
    public record Transfer(int source, int target, long value, int time) {
    }

    /** Counts and rates for one way of flagging accounts. */
    public record Score(int accounts, int laundering, int flagged, int truePositives) {

        public int falsePositives() {
            return flagged - truePositives;
        }

        public int falseNegatives() {
            return laundering - truePositives;
        }

        public double precision() {
            return flagged == 0 ? 0 : (double) truePositives / flagged;
        }

        public double recall() {
            return laundering == 0 ? 0 : (double) truePositives / laundering;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * What a run found: scores per account as borrower and with counterparties, alerts per rule, accounts flagged
     * (as borrower) per rule with how many of them are labelled laundering.
     */
    public record Result(Score borrower, Score withCounterparty, Map<String, Integer> alerts,
                         Map<String, Score> byRule, int loans, int events) {
    }

    private AmlSimEvaluation() {
    }

    /**
     * Runs the transfers (in file order within a step) through a {@link Detector} over an {@link InMemoryHistory}
     * and scores the flagged accounts against {@code laundering} (AMLSim's isFraud per account id).
     */
    public static Result run(boolean[] laundering, List<Transfer> transfers, long loanMinimum, int windowDays) {
        int n = laundering.length;
        List<Transfer> ordered = new ArrayList<>(transfers);
        ordered.sort(java.util.Comparator.comparingInt(Transfer::time)); // stable: file order within a step
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "A" + i;
        }
        var history = new InMemoryHistory(256, n);
        var detector = new Detector(windowDays);
        boolean[] asBorrower = new boolean[n];
        boolean[] withParty = new boolean[n];
        Map<String, boolean[]> byRule = new TreeMap<>();
        Map<String, Integer> alerts = new TreeMap<>();
        int loans = 0;
        long id = 0;
        for (Transfer t : ordered) {
            int day = BASE + t.time();
            String from = keys[t.source()];
            String to = keys[t.target()];
            var out = new Detector.Event(from, "T" + id, to, null, -t.value(), CounterpartyCategory.OTHER, day);
            flag(history.accept(detector, out, ++id), t.source(), t.target(), asBorrower, withParty, byRule, alerts, n);
            var in = new Detector.Event(to, "T" + id, from, null, t.value(), CounterpartyCategory.OTHER, day);
            flag(history.accept(detector, in, ++id), t.target(), t.source(), asBorrower, withParty, byRule, alerts, n);
            if (t.value() >= loanMinimum) {
                history.loan(to, new Detector.Loan(id, "T" + id, t.value(), day));
                loans++;
            }
        }
        Map<String, Score> rules = new TreeMap<>();
        byRule.forEach((rule, flags) -> rules.put(rule, score(flags, laundering)));
        return new Result(score(asBorrower, laundering), score(withParty, laundering), alerts, rules, loans,
                2 * ordered.size());
    }

    private static void flag(List<Detector.Finding> found, int account, int counterparty, boolean[] asBorrower,
                             boolean[] withParty, Map<String, boolean[]> byRule, Map<String, Integer> alerts, int n) {
        for (Detector.Finding f : found) {
            asBorrower[account] = true;
            withParty[account] = true;
            withParty[counterparty] = true;
            byRule.computeIfAbsent(f.rule(), r -> new boolean[n])[account] = true;
            alerts.merge(f.rule(), 1, Integer::sum);
        }
    }

    private static Score score(boolean[] flagged, boolean[] laundering) {
        int f = 0;
        int tp = 0;
        int positives = 0;
        for (int i = 0; i < flagged.length; i++) {
            positives += laundering[i] ? 1 : 0;
            if (flagged[i]) {
                f++;
                tp += laundering[i] ? 1 : 0;
            }
        }
        return new Score(flagged.length, positives, f, tp);
    }
}
