package cn.chanrong.monitoring.domain;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The detections on one payment (issue 18 §4), the same code for the API path and for a stream: given the
 * payment and a {@link History} (the borrower's loans paid out by the reporting bank, its earlier payments
 * out), it runs {@link ProhibitedUse}, {@link HiddenRefinancing}, {@link FanOut} and {@link RoundTrip} and
 * returns what they find, in that order.
 *
 * <p>Those three classes stay the reference, written for reading, in {@code BigDecimal} and streams. This
 * class decides the same (the {@code DetectorTests} table runs both on every row) but on amounts in fen as
 * {@code long} and dates as epoch days, with no stream, no {@code BigDecimal} and no allocation when
 * nothing is found: a stream of a million events a second on one core leaves about a microsecond each.
 *
 * <p>Not thread-safe (it keeps a scratch list of payments out): one detector per thread or partition.
 */
public final class Detector {

    /** Money at rest or moving, in fen. */
    public static long fen(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    /**
     * A loan paid out to the borrower: principal in fen, paid out on the epoch day, its product (may be null);
     * {@code entrusted} whether it is paid by entrusted payment (受托支付) — then {@code payees} holds the accounts
     * and the names ({@link #key}) of the payees its contract names — or self-paid; unknown counts as self-paid.
     */
    public record Loan(long id, String number, long principal, int disbursedOn, boolean renewal, Long product,
                       boolean entrusted, java.util.Set<String> payees, int purpose) {

        /** What the loan is for, as far as its use is checked: not said, working capital, fixed assets. */
        public static final int ANY_PURPOSE = 0;
        public static final int WORKING_CAPITAL = 1;
        public static final int FIXED_ASSETS = 2;

        public Loan(long id, String number, long principal, int disbursedOn, boolean renewal, Long product) {
            this(id, number, principal, disbursedOn, renewal, product, false, java.util.Set.of(), ANY_PURPOSE);
        }

        /** This loan with its contracted purpose: WORKING_CAPITAL, or FIXED_ASSET, EQUIPMENT_RENEWAL, TECH_TRANSFORMATION. */
        public Loan purposed(String contracted) {
            int p = "WORKING_CAPITAL".equals(contracted) ? WORKING_CAPITAL
                    : "FIXED_ASSET".equals(contracted) || "EQUIPMENT_RENEWAL".equals(contracted)
                    || "TECH_TRANSFORMATION".equals(contracted) ? FIXED_ASSETS : ANY_PURPOSE;
            return new Loan(id, number, principal, disbursedOn, renewal, product, entrusted, payees, p);
        }

        public Loan(long id, String number, long principal, int disbursedOn) {
            this(id, number, principal, disbursedOn, false, null);
        }

        public static Loan of(ProhibitedUse.Loan l) {
            return new Loan(l.id(), l.number(), fen(l.principal()), (int) l.disbursedOn().toEpochDay(), l.renewal(),
                    l.product());
        }

        /** This loan paid by entrusted payment to the payees named (accounts and names, either may be null). */
        public Loan entrustedTo(List<String[]> accountAndName) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (String[] p : accountAndName) {
                if (p[0] != null && !p[0].isBlank()) {
                    keys.add(p[0].strip());
                }
                if (p[1] != null && !p[1].isBlank()) {
                    keys.add(key(p[1]));
                }
            }
            return new Loan(id, number, principal, disbursedOn, renewal, product, true, java.util.Set.copyOf(keys), purpose);
        }
    }

    /** A name as names are compared: NFKC (full- and half-width alike), spaces dropped. */
    public static String key(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** The rules in force for a loan's money on an epoch day (per product, effective-dated: {@link RuleBook}). */
    @FunctionalInterface
    public interface RuleSource {

        Rules rules(Loan loan, int day);

        /** The same rules for every loan on every day. */
        static RuleSource of(Rules rules) {
            return (loan, day) -> rules;
        }
    }

    /**
     * A payment out of the borrower's account, kept earlier: to whom (account, name; either may be null), its
     * reference, the amount in fen (positive), the value date as an epoch day.
     */
    public record Debit(long id, String reference, String counterpartyAccount, String counterpartyName, long amount,
                        int valueDate) {

        /** Who was paid: the account, else the name, else (neither given) the payment itself. */
        public String counterparty() {
            return counterpartyAccount != null ? counterpartyAccount : counterpartyName != null ? counterpartyName : reference;
        }
    }

    /**
     * A payment on the borrower's account ({@code account}: whatever key the history knows it by): signed
     * amount in fen (negative out, positive in), its counterparty's category, value date as an epoch day.
     */
    public record Event(String account, String reference, String counterpartyAccount, String counterpartyName,
                        long amount, CounterpartyCategory category, int valueDate) {

        public boolean debit() {
            return amount < 0;
        }

        /** The debit this payment is, to keep in a history once detected. */
        public Debit asDebit(long id) {
            return new Debit(id, reference, counterpartyAccount, counterpartyName, -amount, valueDate);
        }
    }

    /** What a detector reads: the borrower's loans and its payments out as they were before the event. */
    public interface History {

        /** The borrower's loans paid out by the reporting bank (any order; those after {@code day} are ignored). */
        List<Loan> loans(String account, int day);

        /**
         * Adds to {@code into} the borrower's payments out with value dates from {@code from} to {@code to}
         * (both included) known before the event being checked, in any order; not the event itself.
         */
        void debits(String account, int from, int to, List<Debit> into);

        /** Whether {@code counterpartyName} is a related party of the borrower or its group (none known: false). */
        default boolean related(String account, String counterpartyName) {
            return false;
        }
    }

    /**
     * What a rule found: the rule and its version, the loan whose money it was, the earlier payment it relates
     * the event to (a round trip's payment out; null otherwise), the days after the disbursement (between out and
     * back for a round trip).
     */
    public record Finding(String rule, int version, Loan loan, Debit earlier, long days) {
    }

    private static final List<Finding> NONE = List.of();

    private final RuleSource source;
    private final List<Debit> scratch = new ArrayList<>();

    /** The shipped rules with every window at {@code windowDays} (30 by default): how long a loan's money is followed. */
    public Detector(int windowDays) {
        this(RuleSource.of(Rules.windowOf(windowDays)));
    }

    /** The rules each loan's money is checked by. */
    public Detector(RuleSource source) {
        this.source = source;
    }

    private static final int PROHIBITED = 0;
    private static final int REFINANCING = 1;
    private static final int ROUND_TRIP = 2;
    private static final int FAN_OUT = 3;
    private static final int PAYEE = 4;
    private static final int SPLIT = 5;
    private static final int RELATED = 6;
    private static final int PURPOSE = 7;

    private static int window(Rules r, int rule) {
        return switch (rule) {
            case PROHIBITED -> r.prohibitedUse().windowDays();
            case REFINANCING -> r.hiddenRefinancing().windowDays();
            case ROUND_TRIP -> r.roundTrip().windowDays();
            case PAYEE -> r.payeeOther().days();
            case SPLIT -> r.split().days();
            case RELATED -> r.relatedRoundTrip().windowDays();
            case PURPOSE -> r.purposeMismatch().windowDays();
            default -> r.fanOut().days();
        };
    }

    /** Payments that are no one's purchase: the entrusted payees are not who taxes, wages and utilities go to. */
    private static boolean overhead(CounterpartyCategory c) {
        return c == CounterpartyCategory.TAX || c == CounterpartyCategory.PAYROLL || c == CounterpartyCategory.UTILITIES
                || c == CounterpartyCategory.OWN_ACCOUNT;
    }

    /** The findings on {@code e}, given what {@code history} holds before it; empty (and not allocated) when none. */
    public List<Finding> detect(Event e, History history) {
        List<Loan> loans = history.loans(e.account(), e.valueDate());
        if (loans.isEmpty()) {
            return NONE;
        }
        List<Finding> found = NONE;
        if (e.debit()) {
            Loan l = Rules.PROHIBITABLE.contains(e.category()) ? moneyOf(loans, e.valueDate(), PROHIBITED) : null;
            if (l != null) {
                Rules.Prohibited p = source.rules(l, e.valueDate()).prohibitedUse();
                if (p.enabled() && p.categories().contains(e.category())) {
                    found = add(found, new Finding(ProhibitedUse.RULE, p.version(), l, null, e.valueDate() - l.disbursedOn()));
                }
            }
            if (e.category() == HiddenRefinancing.CATEGORY) {
                l = moneyOf(loans, e.valueDate(), REFINANCING);
                Rules.Window p = l == null ? null : source.rules(l, e.valueDate()).hiddenRefinancing();
                if (l != null && p.enabled() && !l.renewal()) {
                    found = add(found, new Finding(HiddenRefinancing.RULE, p.version(), l, null,
                            e.valueDate() - l.disbursedOn()));
                }
            }
            Finding f = fanOut(e, history, loans);
            if (f != null) {
                found = add(found, f);
            }
            if (!overhead(e.category())) {
                f = payeeOther(e, loans);
                if (f != null) {
                    found = add(found, f);
                }
            }
            f = split(e, history, loans);
            if (f != null) {
                found = add(found, f);
            }
            f = purposeMismatch(e, loans);
            if (f != null) {
                found = add(found, f);
            }
        } else if (e.amount() > 0 && (e.counterpartyAccount() != null || e.counterpartyName() != null)) {
            Finding f = roundTrip(e, history, loans, false);
            if (f == null && e.counterpartyName() != null && history.related(e.account(), e.counterpartyName())) {
                f = roundTrip(e, history, loans, true);
            }
            if (f != null) {
                found = add(found, f);
            }
        }
        return found;
    }

    private static List<Finding> add(List<Finding> found, Finding f) {
        List<Finding> list = found == NONE ? new ArrayList<>(2) : found;
        list.add(f);
        return list;
    }

    /**
     * {@link ProhibitedUse#moneyOf}: the loan paid out latest on or before {@code day} within the window of
     * {@code rule} in force for it; null if none.
     */
    private Loan moneyOf(List<Loan> loans, int day, int rule) {
        Loan best = null;
        for (int i = 0, n = loans.size(); i < n; i++) {
            Loan l = loans.get(i);
            // the rules are asked last: only for a loan that would be the latest so far
            if (l.disbursedOn() <= day && (best == null
                    || l.disbursedOn() > best.disbursedOn() || l.disbursedOn() == best.disbursedOn() && l.id() > best.id())
                    && day - l.disbursedOn() <= window(source.rules(l, day), rule)) {
                best = l;
            }
        }
        return best;
    }

    /** {@link FanOut#check}, in fen: the share of the principal is compared as percent × principal against 100 × the total. */
    private Finding fanOut(Event e, History history, List<Loan> loans) {
        Loan l = moneyOf(loans, e.valueDate(), FAN_OUT);
        if (l == null) {
            return null;
        }
        Rules.FanOutParams p = source.rules(l, e.valueDate()).fanOut();
        if (!p.enabled()) {
            return null;
        }
        int days = p.days();
        long share = (long) p.minSharePercent();
        List<Debit> outs = scratch;
        outs.clear();
        history.debits(e.account(), e.valueDate() - days, e.valueDate() + days, outs);
        // only the payments out within the loan's first days count
        int kept = 0;
        long total = 0;
        for (int i = 0, n = outs.size(); i < n; i++) {
            Debit d = outs.get(i);
            if (d.valueDate() >= l.disbursedOn() && d.valueDate() - l.disbursedOn() <= days) {
                outs.set(kept++, d);
                total += d.amount();
            }
        }
        if (kept + 1 < p.minParties()) {
            return null;
        }
        int parties = parties(outs, kept, null);
        if (parties >= p.minParties() && 100 * total >= share * l.principal()) {
            return null; // the pattern held before: found once only
        }
        String current = e.counterpartyAccount() != null ? e.counterpartyAccount()
                : e.counterpartyName() != null ? e.counterpartyName() : e.reference();
        int with = parties(outs, kept, current);
        long withTotal = total - e.amount();
        if (with < p.minParties() || 100 * withTotal < share * l.principal()) {
            return null;
        }
        return new Finding(FanOut.RULE, p.version(), l, null, e.valueDate() - l.disbursedOn());
    }

    /** Distinct counterparties among the first {@code n} payments out and {@code extra} (when not null). */
    private static int parties(List<Debit> outs, int n, String extra) {
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            String c = outs.get(i).counterparty();
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = c.equals(outs.get(j).counterparty());
            }
            if (!seen) {
                distinct++;
            }
        }
        if (extra != null) {
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = extra.equals(outs.get(i).counterparty());
            }
            if (!seen) {
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * {@link RoundTrip#check}: the latest payment out to the same counterparty (by account when the credit names
     * one, else by name) within the window, made with a loan's money, of which the credit brings back half or more.
     */
    private Finding roundTrip(Event e, History history, List<Loan> loans, boolean related) {
        int longest = 0;
        for (int i = 0, n = loans.size(); i < n; i++) {
            Rules r = source.rules(loans.get(i), e.valueDate());
            Rules.RoundTripParams p = related ? r.relatedRoundTrip() : r.roundTrip();
            if (p.enabled()) {
                longest = Math.max(longest, p.windowDays());
            }
        }
        if (longest == 0) {
            return null;
        }
        List<Debit> outs = scratch;
        outs.clear();
        history.debits(e.account(), e.valueDate() - longest, e.valueDate(), outs);
        Debit best = null;
        Loan bestLoan = null;
        Rules.RoundTripParams bestRule = null;
        for (int i = 0, n = outs.size(); i < n; i++) {
            Debit d = outs.get(i);
            // back from the party paid; or, through a related party, money paid to someone else
            boolean same = e.counterpartyAccount() != null ? e.counterpartyAccount().equals(d.counterpartyAccount())
                    : e.counterpartyName().equals(d.counterpartyName());
            if (same == related || d.valueDate() > e.valueDate()) {
                continue;
            }
            if (best != null && (d.valueDate() < best.valueDate() || d.valueDate() == best.valueDate() && d.id() < best.id())) {
                continue;
            }
            Loan l = moneyOf(loans, d.valueDate(), related ? RELATED : ROUND_TRIP);
            if (l == null) {
                continue;
            }
            Rules r = source.rules(l, e.valueDate());
            Rules.RoundTripParams p = related ? r.relatedRoundTrip() : r.roundTrip();
            if (p.enabled() && e.valueDate() - d.valueDate() <= p.windowDays() && 100 * e.amount() >= p.minSharePercent() * d.amount()) {
                best = d;
                bestLoan = l;
                bestRule = p;
            }
        }
        return best == null ? null : new Finding(related ? Rules.RELATED_ROUND_TRIP : RoundTrip.RULE, bestRule.version(),
                bestLoan, best, e.valueDate() - best.valueDate());
    }

    /**
     * {@code payee-other}: a payment out, soon after an entrusted-payment loan was paid out and carrying a share of
     * it, to someone its contract does not name.
     */
    private Finding payeeOther(Event e, List<Loan> loans) {
        Loan l = moneyOf(loans, e.valueDate(), PAYEE);
        if (l == null || !l.entrusted()) {
            return null;
        }
        Rules.PayeeOther p = source.rules(l, e.valueDate()).payeeOther();
        if (!p.enabled() || -e.amount() * 100 < (long) p.minSharePercent() * l.principal()) {
            return null;
        }
        if (e.counterpartyAccount() != null && l.payees().contains(e.counterpartyAccount())
                || e.counterpartyName() != null && l.payees().contains(key(e.counterpartyName()))) {
            return null;
        }
        return new Finding(Rules.PAYEE_OTHER, p.version(), l, null, e.valueDate() - l.disbursedOn());
    }

    /**
     * {@code purpose-mismatch}: a payment carrying a share of the loan that does not fit its purpose — a
     * working-capital loan buying equipment or works, a fixed-asset loan paying wages, taxes or utilities.
     */
    private Finding purposeMismatch(Event e, List<Loan> loans) {
        CounterpartyCategory c = e.category();
        boolean fixed = c == CounterpartyCategory.FIXED_ASSET;
        boolean running = c == CounterpartyCategory.PAYROLL || c == CounterpartyCategory.TAX || c == CounterpartyCategory.UTILITIES;
        if (!fixed && !running) {
            return null;
        }
        Loan l = moneyOf(loans, e.valueDate(), PURPOSE);
        if (l == null || !(fixed && l.purpose() == Loan.WORKING_CAPITAL || running && l.purpose() == Loan.FIXED_ASSETS)) {
            return null;
        }
        Rules.PurposeMismatch p = source.rules(l, e.valueDate()).purposeMismatch();
        if (!p.enabled() || -e.amount() * 100 < (long) p.minSharePercent() * l.principal()) {
            return null;
        }
        return new Finding(Rules.PURPOSE_MISMATCH, p.version(), l, null, e.valueDate() - l.disbursedOn());
    }

    /**
     * {@code split}: soon after a self-paid loan was paid out, payments to one counterparty each at most the
     * threshold above which entrusted payment is required, which together pass it; found once, on the payment that
     * passes it.
     */
    private Finding split(Event e, History history, List<Loan> loans) {
        Loan l = moneyOf(loans, e.valueDate(), SPLIT);
        if (l == null || l.entrusted()) {
            return null;
        }
        Rules.Split p = source.rules(l, e.valueDate()).split();
        long threshold = p.thresholdYuan() * 100L;
        // a loan no larger than the threshold cannot pay one payment above it: there is nothing to evade
        if (!p.enabled() || -e.amount() > threshold || l.principal() <= threshold) {
            return null;
        }
        List<Debit> outs = scratch;
        outs.clear();
        history.debits(e.account(), l.disbursedOn(), l.disbursedOn() + p.days(), outs);
        String current = e.counterpartyAccount() != null ? e.counterpartyAccount()
                : e.counterpartyName() != null ? e.counterpartyName() : null;
        if (current == null) {
            return null;
        }
        long before = 0;
        for (int i = 0, n = outs.size(); i < n; i++) {
            Debit d = outs.get(i);
            if (d.amount() <= threshold && current.equals(e.counterpartyAccount() != null ? d.counterpartyAccount()
                    : d.counterpartyName())) {
                before += d.amount();
            }
        }
        if (before > threshold || before - e.amount() <= threshold) {
            return null;
        }
        return new Finding(Rules.SPLIT, p.version(), l, null, e.valueDate() - l.disbursedOn());
    }

    /** The epoch day of a date, as the detector counts days. */
    public static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }
}
