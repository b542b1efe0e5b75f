package cn.chanrong.monitoring.domain;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.shared.Rejection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of every detection in force for one loan on one day (issue 18 §4: rules are data, versioned,
 * effective-dated, per product). Each rule's parameters carry the version of the row they came from, which an
 * alert keeps; a rule switched off for a product ({@code enabled = false}) finds nothing there. {@link #DEFAULT}
 * holds the first versions as the platform ships them; {@link RuleBook} picks the row in force.
 */
public record Rules(Prohibited prohibitedUse, Window hiddenRefinancing, RoundTripParams roundTrip, FanOutParams fanOut,
                    Trace trace, UseReport useReport, PayeeOther payeeOther, Split split, RoundTripParams relatedRoundTrip,
                    OnOff collateralFiling, PurposeMismatch purposeMismatch, ProceedsReturn proceedsReturn,
                    PassThroughParams passThrough) {

    /** Rule codes as stored and shown; {@link #TRACE} and {@link #USE_REPORT} set limits, they raise nothing themselves. */
    public static final String TRACE = "trace";
    public static final String USE_REPORT = "use-unreported";
    public static final String PAYEE_OTHER = "payee-other";
    public static final String SPLIT = "split";
    public static final String RELATED_ROUND_TRIP = "related-round-trip";
    public static final String COLLATERAL_FILING = "collateral-filing";
    public static final String PURPOSE_MISMATCH = "purpose-mismatch";
    public static final String PROCEEDS_RETURN = "proceeds-return";
    public static final String PASS_THROUGH = "pass-through";
    public static final List<String> CODES = List.of(ProhibitedUse.RULE, HiddenRefinancing.RULE, RoundTrip.RULE, FanOut.RULE,
            PAYEE_OTHER, SPLIT, RELATED_ROUND_TRIP, PASS_THROUGH, PURPOSE_MISMATCH, PROCEEDS_RETURN, COLLATERAL_FILING,
            USE_REPORT, TRACE);

    /**
     * The rules a back-test replays (those the {@link Detector} runs on one payment and its history); the others
     * work across accounts, filings or periods and go live without one.
     */
    public static final List<String> REPLAYED = List.of(ProhibitedUse.RULE, HiddenRefinancing.RULE, RoundTrip.RULE,
            FanOut.RULE, PAYEE_OTHER, SPLIT, RELATED_ROUND_TRIP, PURPOSE_MISMATCH);

    /** Categories a prohibited-use rule may name. */
    public static final Set<CounterpartyCategory> PROHIBITABLE = EnumSet.of(CounterpartyCategory.SECURITIES,
            CounterpartyCategory.REAL_ESTATE, CounterpartyCategory.WEALTH_MANAGEMENT, CounterpartyCategory.PRIVATE_LENDING,
            CounterpartyCategory.EQUITY_INVESTMENT, CounterpartyCategory.DIVIDEND, CounterpartyCategory.LOAN_REPAYMENT,
            CounterpartyCategory.RELATED_PARTY, CounterpartyCategory.OTHER);

    public static final Rules DEFAULT = new Rules(
            new Prohibited(1, true, 30, ProhibitedUse.PROHIBITED),
            new Window(1, true, 30),
            new RoundTripParams(1, true, 30, 50),
            new FanOutParams(1, true, FanOut.DAYS, FanOut.MIN_PARTIES, 50),
            new Trace(1, 3, 30),
            new UseReport(1, true, 30),
            new PayeeOther(1, true, 3, 10),
            new Split(1, true, 7, 10_000_000),
            new RoundTripParams(1, true, 30, 80),
            new OnOff(1, true),
            new PurposeMismatch(1, true, 30, 10),
            new ProceedsReturn(1, false, 30, 50),
            new PassThroughParams(1, true, 30, 1, 90));

    /** The default rules with every window at {@code windowDays} (how the bench and the AMLSim command vary it). */
    public static Rules windowOf(int windowDays) {
        return new Rules(new Prohibited(1, true, windowDays, ProhibitedUse.PROHIBITED), new Window(1, true, windowDays),
                new RoundTripParams(1, true, windowDays, 50), DEFAULT.fanOut, DEFAULT.trace, DEFAULT.useReport,
                DEFAULT.payeeOther, DEFAULT.split, new RoundTripParams(1, true, windowDays, 80), DEFAULT.collateralFiling,
                DEFAULT.purposeMismatch, DEFAULT.proceedsReturn, DEFAULT.passThrough);
    }

    /** One rule's parameters, as stored and parsed. */
    public sealed interface Params permits Prohibited, Window, RoundTripParams, FanOutParams, Trace, UseReport, PayeeOther,
            Split, RelatedRoundTrip, OnOff, PurposeMismatch, ProceedsReturn, PassThroughParams {

        int version();

        /** The parameters as stored (JSON object members, in a fixed order). */
        Map<String, Object> values();
    }

    /** {@code prohibited-use}: payments to these categories within {@code windowDays} after a loan. */
    public record Prohibited(int version, boolean enabled, int windowDays, Set<CounterpartyCategory> categories) implements Params {
        public Prohibited {
            categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        }

        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays, "categories",
                    categories.stream().map(Enum::name).sorted().toList());
        }
    }

    /** {@code hidden-refinancing}: repayments within {@code windowDays} after a loan that renews nothing. */
    public record Window(int version, boolean enabled, int windowDays) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays);
        }
    }

    /** {@code round-trip}: at least {@code minSharePercent} of a payment out comes back within {@code windowDays}. */
    public record RoundTripParams(int version, boolean enabled, int windowDays, int minSharePercent) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays, "minSharePercent", minSharePercent);
        }
    }

    /** {@code fan-out}: within {@code days}, at least {@code minParties} payees take {@code minSharePercent} of the principal. */
    public record FanOutParams(int version, boolean enabled, int days, int minParties, int minSharePercent) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "days", days, "minParties", minParties, "minSharePercent", minSharePercent);
        }
    }

    /**
     * {@code payee-other}: within {@code days} after an entrusted-payment loan is paid out, a payment out of at least
     * {@code minSharePercent} of its principal to someone other than the payees the contract names.
     */
    public record PayeeOther(int version, boolean enabled, int days, int minSharePercent) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "days", days, "minSharePercent", minSharePercent);
        }
    }

    /**
     * {@code split}: within {@code days} after a self-paid loan is paid out, payments to one counterparty each at
     * most {@code thresholdYuan} that together exceed it (化整为零 below the entrusted-payment threshold, FACTS §10).
     */
    public record Split(int version, boolean enabled, int days, int thresholdYuan) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "days", days, "thresholdYuan", thresholdYuan);
        }
    }

    /**
     * {@code related-round-trip}'s parameters as stored (the detector reads them as {@link RoundTripParams}): a
     * loan's money paid to a third party comes back from a related party or the group.
     */
    public record RelatedRoundTrip(int version, boolean enabled, int windowDays, int minSharePercent) implements Params {
        public RoundTripParams asRoundTrip() {
            return new RoundTripParams(version, enabled, windowDays, minSharePercent);
        }

        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays, "minSharePercent", minSharePercent);
        }
    }

    /**
     * {@code purpose-mismatch}: within {@code windowDays} after the payout, a payment of at least {@code minSharePercent}
     * of the principal that does not fit the loan's purpose — a working-capital loan buying equipment or works, a
     * fixed-asset loan paying wages, taxes or utilities.
     */
    public record PurposeMismatch(int version, boolean enabled, int windowDays, int minSharePercent) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays, "minSharePercent", minSharePercent);
        }
    }

    /**
     * {@code proceeds-return} (回款归行): over the last {@code days}, customers' payments seen on the borrower's
     * accounts at the lender are less than {@code minSharePercent} of all its customers' payments seen (the rest
     * on accounts at other banks under its post-loan consent). Off unless a bank turns it on for a product whose
     * contracts require sales proceeds to come back.
     */
    public record ProceedsReturn(int version, boolean enabled, int days, int minSharePercent) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "days", days, "minSharePercent", minSharePercent);
        }
    }

    /**
     * {@code pass-through}: a loan's money, within {@code windowDays} of the payout, paid to an account the bank keeps
     * for someone else, which sends at least {@code minSharePercent} of it on within {@code days}: an account the
     * money only passes through (过桥、通道账户).
     */
    public record PassThroughParams(int version, boolean enabled, int windowDays, int days, int minSharePercent)
            implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "windowDays", windowDays, "days", days, "minSharePercent", minSharePercent);
        }
    }

    /** {@code collateral-filing}: on or off; it has no other parameter. */
    public record OnOff(int version, boolean enabled) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled);
        }
    }

    /** {@code trace}: how far a loan's proceeds are followed, moves between visible accounts and days. */
    public record Trace(int version, int hops, int days) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("hops", hops, "days", days);
        }
    }

    /** {@code use-unreported}: a self-paid loan's uses are due {@code reportDays} after the payout. */
    public record UseReport(int version, boolean enabled, int reportDays) implements Params {
        @Override
        public Map<String, Object> values() {
            return ordered("enabled", enabled, "reportDays", reportDays);
        }
    }

    /** These rules with one rule's parameters replaced. */
    public Rules with(Params p) {
        return switch (p) {
            case Prohibited x -> new Rules(x, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case Window x -> new Rules(prohibitedUse, x, roundTrip, fanOut, trace, useReport, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case RoundTripParams x -> new Rules(prohibitedUse, hiddenRefinancing, x, fanOut, trace, useReport, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case FanOutParams x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, x, trace, useReport, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case Trace x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, x, useReport, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case UseReport x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, x, payeeOther, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case PayeeOther x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, x, split,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case Split x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther, x,
                    relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case RelatedRoundTrip x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther,
                    split, x.asRoundTrip(), collateralFiling, purposeMismatch, proceedsReturn, passThrough);
            case OnOff x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther, split,
                    relatedRoundTrip, x, purposeMismatch, proceedsReturn, passThrough);
            case PurposeMismatch x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther,
                    split, relatedRoundTrip, collateralFiling, x, proceedsReturn, passThrough);
            case ProceedsReturn x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther,
                    split, relatedRoundTrip, collateralFiling, purposeMismatch, x, passThrough);
            case PassThroughParams x -> new Rules(prohibitedUse, hiddenRefinancing, roundTrip, fanOut, trace, useReport, payeeOther,
                    split, relatedRoundTrip, collateralFiling, purposeMismatch, proceedsReturn, x);
        };
    }

    /** The parameters of rule {@code code} in these rules. */
    public Params of(String code) {
        return switch (code) {
            case ProhibitedUse.RULE -> prohibitedUse;
            case HiddenRefinancing.RULE -> hiddenRefinancing;
            case RoundTrip.RULE -> roundTrip;
            case FanOut.RULE -> fanOut;
            case TRACE -> trace;
            case USE_REPORT -> useReport;
            case PAYEE_OTHER -> payeeOther;
            case SPLIT -> split;
            case COLLATERAL_FILING -> collateralFiling;
            case PURPOSE_MISMATCH -> purposeMismatch;
            case PROCEEDS_RETURN -> proceedsReturn;
            case PASS_THROUGH -> passThrough;
            case RELATED_ROUND_TRIP -> new RelatedRoundTrip(relatedRoundTrip.version(), relatedRoundTrip.enabled(),
                    relatedRoundTrip.windowDays(), relatedRoundTrip.minSharePercent());
            default -> throw new IllegalArgumentException(code);
        };
    }

    /** The longest a detection looks back: how much history a replay must read before its first day. */
    public int longestWindow() {
        return Math.max(Math.max(Math.max(prohibitedUse.windowDays, hiddenRefinancing.windowDays),
                Math.max(roundTrip.windowDays, fanOut.days)), Math.max(Math.max(payeeOther.days, split.days),
                Math.max(relatedRoundTrip.windowDays, purposeMismatch.windowDays)));
    }

    /**
     * Reads rule {@code code}'s parameters from JSON members ({@code values}: strings, numbers, booleans, lists
     * of strings as a JSON reader gives them) as version {@code version}; every member is required, a wrong one
     * is added to {@code problems} named {@code params.<member>} and null is returned.
     */
    public static Params parse(String code, int version, Map<String, ?> values, List<Rejection> problems) {
        var r = new Reader(values, problems);
        Params p = switch (code == null ? "" : code) {
            case ProhibitedUse.RULE -> new Prohibited(version, r.bool("enabled"), r.integer("windowDays", 1, 365),
                    r.categories("categories"));
            case HiddenRefinancing.RULE -> new Window(version, r.bool("enabled"), r.integer("windowDays", 1, 365));
            case RoundTrip.RULE -> new RoundTripParams(version, r.bool("enabled"), r.integer("windowDays", 1, 365),
                    r.integer("minSharePercent", 1, 100));
            case FanOut.RULE -> new FanOutParams(version, r.bool("enabled"), r.integer("days", 0, 30),
                    r.integer("minParties", 2, 100), r.integer("minSharePercent", 1, 100));
            case TRACE -> new Trace(version, r.integer("hops", 1, 10), r.integer("days", 1, 365));
            case USE_REPORT -> new UseReport(version, r.bool("enabled"), r.integer("reportDays", 1, 365));
            case PAYEE_OTHER -> new PayeeOther(version, r.bool("enabled"), r.integer("days", 0, 30),
                    r.integer("minSharePercent", 1, 100));
            case SPLIT -> new Split(version, r.bool("enabled"), r.integer("days", 1, 90),
                    r.integer("thresholdYuan", 10_000, 1_000_000_000));
            case RELATED_ROUND_TRIP -> new RelatedRoundTrip(version, r.bool("enabled"), r.integer("windowDays", 1, 365),
                    r.integer("minSharePercent", 1, 100));
            case COLLATERAL_FILING -> new OnOff(version, r.bool("enabled"));
            case PROCEEDS_RETURN -> new ProceedsReturn(version, r.bool("enabled"), r.integer("days", 7, 365),
                    r.integer("minSharePercent", 1, 100));
            case PASS_THROUGH -> new PassThroughParams(version, r.bool("enabled"), r.integer("windowDays", 1, 365),
                    r.integer("days", 0, 7), r.integer("minSharePercent", 1, 100));
            case PURPOSE_MISMATCH -> new PurposeMismatch(version, r.bool("enabled"), r.integer("windowDays", 1, 365),
                    r.integer("minSharePercent", 1, 100));
            default -> {
                problems.add(Rejection.of("enum", "rule", code, String.join(", ", CODES)));
                yield null;
            }
        };
        if (p != null) {
            for (String k : values.keySet()) {
                if (!p.values().containsKey(k)) {
                    problems.add(Rejection.of("monitoring.rule.unknown-parameter", "params." + k, code,
                            String.join(", ", p.values().keySet())));
                }
            }
        }
        return r.failed ? null : p;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Reads members, noting the first problem of each. */
    private static final class Reader {
        private final Map<String, ?> values;
        private final List<Rejection> problems;
        boolean failed;

        Reader(Map<String, ?> values, List<Rejection> problems) {
            this.values = values;
            this.problems = problems;
        }

        private Object required(String name) {
            Object v = values.get(name);
            if (v == null) {
                fail(Rejection.of("required", "params." + name));
            }
            return v;
        }

        private void fail(Rejection r) {
            problems.add(r);
            failed = true;
        }

        boolean bool(String name) {
            Object v = required(name);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                fail(Rejection.of("monitoring.rule.boolean", "params." + name, String.valueOf(v)));
                return false;
            }
            return b;
        }

        int integer(String name, int min, int max) {
            Object v = required(name);
            if (v == null) {
                return min;
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                    && n.doubleValue() <= max) {
                return n.intValue();
            }
            fail(Rejection.of("range", "params." + name, min, max, String.valueOf(v)));
            return min;
        }

        Set<CounterpartyCategory> categories(String name) {
            Object v = required(name);
            if (v == null) {
                return Set.of();
            }
            if (!(v instanceof List<?> list) || list.isEmpty() || list.size() > PROHIBITABLE.size()) {
                fail(Rejection.of("monitoring.rule.categories", "params." + name, PROHIBITABLE.size()));
                return Set.of();
            }
            Set<CounterpartyCategory> out = EnumSet.noneOf(CounterpartyCategory.class);
            List<String> allowed = PROHIBITABLE.stream().map(Enum::name).sorted().toList();
            for (Object o : list) {
                CounterpartyCategory c = o instanceof String s ? byName(s) : null;
                if (c == null || !PROHIBITABLE.contains(c)) {
                    fail(Rejection.of("enum", "params." + name, String.valueOf(o), String.join(", ", allowed)));
                    return Set.of();
                }
                out.add(c);
            }
            return out;
        }

        private static CounterpartyCategory byName(String s) {
            try {
                return CounterpartyCategory.valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
