package cn.chanrong.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loan money scattered at once (a pure rule, issue 18 §4): within {@link #DAYS} days after a loan was paid
 * out, payments from the borrower's account to at least {@link #MIN_PARTIES} different counterparties
 * together carry at least {@link #MIN_SHARE} of the principal — the shape of proceeds passed on to the
 * real users of the money rather than spent on the contracted purpose. Found once, on the payment that
 * completes the pattern.
 */
public final class FanOut {

    public static final String RULE = "fan-out";
    public static final int VERSION = 1;
    public static final int DAYS = 3;
    public static final int MIN_PARTIES = 5;
    public static final BigDecimal MIN_SHARE = new BigDecimal("0.5");

    private FanOut() {
    }

    /** A payment out of the borrower's account: to whom (account, else name), how much, when. */
    public record Out(String counterparty, BigDecimal amount, LocalDate valueDate) {
    }

    /** The loan whose money was scattered, to how many counterparties, how much in all. */
    public record Finding(ProhibitedUse.Loan loan, int parties, BigDecimal total, long days) {
    }

    /**
     * Whether {@code current} completes a fan-out of a loan's money together with the {@code earlier}
     * payments out (any order, the current one not among them); empty when the pattern does not hold with
     * it, or already held without it.
     */
    public static Optional<Finding> check(Out current, List<Out> earlier, List<ProhibitedUse.Loan> loans) {
        return check(current, earlier, loans, Rules.DEFAULT.fanOut());
    }

    /** As above, with the rule's parameters: days, parties and share; nothing when switched off. */
    public static Optional<Finding> check(Out current, List<Out> earlier, List<ProhibitedUse.Loan> loans,
                                          Rules.FanOutParams rule) {
        var loan = ProhibitedUse.moneyOf(loans, current.valueDate(), rule.days());
        if (!rule.enabled() || loan.isEmpty()) {
            return Optional.empty();
        }
        ProhibitedUse.Loan l = loan.get();
        List<Out> within = new ArrayList<>(earlier.stream().filter(o -> inWindow(o, l, rule.days())).toList());
        BigDecimal threshold = l.principal().multiply(BigDecimal.valueOf(rule.minSharePercent()).movePointLeft(2));
        if (holds(within, threshold, rule.minParties())) {
            return Optional.empty();
        }
        within.add(current);
        if (!holds(within, threshold, rule.minParties())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(l, parties(within), total(within),
                ChronoUnit.DAYS.between(l.disbursedOn(), current.valueDate())));
    }

    private static boolean inWindow(Out o, ProhibitedUse.Loan l, int days) {
        return !o.valueDate().isBefore(l.disbursedOn()) && ChronoUnit.DAYS.between(l.disbursedOn(), o.valueDate()) <= days;
    }

    private static boolean holds(List<Out> outs, BigDecimal threshold, int minParties) {
        return parties(outs) >= minParties && total(outs).compareTo(threshold) >= 0;
    }

    private static int parties(List<Out> outs) {
        return (int) outs.stream().map(Out::counterparty).distinct().count();
    }

    private static BigDecimal total(List<Out> outs) {
        return outs.stream().map(Out::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
