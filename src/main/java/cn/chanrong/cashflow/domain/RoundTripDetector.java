package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds money that went out to the enterprise's own or a related party's account and came back (or
 * came in from one and went back out): a common way to inflate turnover on a doctored statement.
 *
 * <p>A pair is an outflow to an own/related counterparty and an inflow from an own/related
 * counterparty — not necessarily the same one, since the money often comes back through a second
 * related company — at most {@code windowDays} apart in either order, whose amounts differ by at most
 * {@code tolerance} (a fraction, 0.01 = 1 %) of the larger, allowing for fees skimmed on the way.
 * Each flow is used at most once: candidate pairs are taken greedily, closest dates first, then
 * closest amounts, so an obvious pair is never stolen by a looser one.
 *
 * <p>Counterparties are recognised by account number or name, ignoring case, whitespace, dashes and
 * full-width forms. Inflows from own/related counterparties left unpaired are reported separately:
 * they are not round trips, but they are not revenue either.
 */
public final class RoundTripDetector {

    public static final int DEFAULT_WINDOW_DAYS = 7;
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.01");

    private final Set<String> ownOrRelated;
    private final int windowDays;
    private final BigDecimal tolerance;

    /** With the defaults: 7 days, 1 %. */
    public RoundTripDetector(Set<String> ownOrRelatedAccounts, Set<String> ownOrRelatedNames) {
        this(ownOrRelatedAccounts, ownOrRelatedNames, DEFAULT_WINDOW_DAYS, DEFAULT_TOLERANCE);
    }

    public RoundTripDetector(Set<String> ownOrRelatedAccounts, Set<String> ownOrRelatedNames, int windowDays,
                             BigDecimal tolerance) {
        if (windowDays < 0) {
            throw new IllegalArgumentException("windowDays must not be negative");
        }
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("tolerance is a fraction in [0, 1), got " + tolerance);
        }
        Set<String> keys = new HashSet<>(PartyKeys.keys(ownOrRelatedAccounts));
        keys.addAll(PartyKeys.keys(ownOrRelatedNames));
        this.ownOrRelated = Set.copyOf(keys);
        this.windowDays = windowDays;
        this.tolerance = tolerance;
    }

    /** @param flows the flows of one enterprise, in any order */
    public RoundTripReport detect(List<Flow> flows) {
        Objects.requireNonNull(flows, "flows");
        List<Flow> outs = new ArrayList<>();
        List<Flow> ins = new ArrayList<>();
        BigDecimal grossIn = BigDecimal.ZERO;
        BigDecimal grossOut = BigDecimal.ZERO;
        for (Flow f : flows) {
            boolean related = PartyKeys.matches(ownOrRelated, f.counterpartyAccount(), f.counterpartyName());
            if (f.isInflow()) {
                grossIn = grossIn.add(f.amount());
                if (related) {
                    ins.add(f);
                }
            } else if (f.isOutflow()) {
                grossOut = grossOut.subtract(f.amount());
                if (related) {
                    outs.add(f);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int o = 0; o < outs.size(); o++) {
            for (int i = 0; i < ins.size(); i++) {
                Candidate c = candidate(o, outs.get(o), i, ins.get(i));
                if (c != null) {
                    candidates.add(c);
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::days).thenComparing(Candidate::difference)
                .thenComparingInt(Candidate::out).thenComparingInt(Candidate::in));
        boolean[] outUsed = new boolean[outs.size()];
        boolean[] inUsed = new boolean[ins.size()];
        List<RoundTrip> trips = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!outUsed[c.out()] && !inUsed[c.in()]) {
                outUsed[c.out()] = true;
                inUsed[c.in()] = true;
                trips.add(new RoundTrip(outs.get(c.out()), ins.get(c.in())));
            }
        }
        trips.sort(Comparator.comparing((RoundTrip t) -> t.out().date()).thenComparing(t -> t.in().date()));
        List<Flow> unexplained = new ArrayList<>();
        for (int i = 0; i < ins.size(); i++) {
            if (!inUsed[i]) {
                unexplained.add(ins.get(i));
            }
        }
        return new RoundTripReport(trips, unexplained, grossIn, grossOut);
    }

    private Candidate candidate(int o, Flow out, int i, Flow in) {
        long days = Math.abs(ChronoUnit.DAYS.between(out.date(), in.date()));
        if (days > windowDays) {
            return null;
        }
        BigDecimal a = out.amount().negate();
        BigDecimal b = in.amount();
        BigDecimal difference = a.subtract(b).abs();
        return difference.compareTo(a.max(b).multiply(tolerance)) <= 0 ? new Candidate(o, i, days, difference) : null;
    }

    /** A possible pairing, by index into the outflow and inflow lists. */
    private record Candidate(int out, int in, long days, BigDecimal difference) {
    }
}
