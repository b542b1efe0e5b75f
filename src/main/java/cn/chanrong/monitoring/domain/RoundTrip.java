package cn.chanrong.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loan money that comes back (回流, a pure rule, issue 18 §4): a credit into the borrower's account from a
 * counterparty the borrower paid, out of a loan's money, within the window before — at least half of what
 * went out. Paying a supplier who then pays most of it back is how proceeds are taken out of their purpose
 * (套取) or dressed up as turnover. The finding names the payment out and the loan whose money it was (the
 * loan paid out most recently before it).
 */
public final class RoundTrip {

    public static final String RULE = "round-trip";
    public static final int VERSION = 1;

    /** What comes back must be at least this share of what went out. */
    public static final BigDecimal MIN_SHARE = new BigDecimal("0.5");

    private RoundTrip() {
    }

    /** A payment out of the borrower's account to the same counterparty, kept earlier. */
    public record Out(long paymentId, String bankReference, BigDecimal amount, LocalDate valueDate) {
    }

    /** The payment out that came back, the loan whose money it was, the days between out and back. */
    public record Finding(ProhibitedUse.Loan loan, Out out, long days) {
    }

    /**
     * For a credit of {@code amount} on {@code valueDate}: among the earlier payments out to the same
     * counterparty ({@code outs}) within {@code windowDays}, the latest that a loan's money could have made
     * (a loan paid out within the window before it) and of which the credit is at least {@link #MIN_SHARE}.
     */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, List<Out> outs,
                                          List<ProhibitedUse.Loan> loans, int windowDays) {
        return check(amount, valueDate, outs, loans, new Rules.RoundTripParams(VERSION, true, windowDays, 50));
    }

    /** As above, with the rule's parameters: its window and the share that must come back; nothing when off. */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, List<Out> outs,
                                          List<ProhibitedUse.Loan> loans, Rules.RoundTripParams rule) {
        if (!rule.enabled() || amount.signum() <= 0) {
            return Optional.empty();
        }
        int windowDays = rule.windowDays();
        BigDecimal share = BigDecimal.valueOf(rule.minSharePercent()).movePointLeft(2);
        return outs.stream()
                .filter(o -> !o.valueDate().isAfter(valueDate) && ChronoUnit.DAYS.between(o.valueDate(), valueDate) <= windowDays)
                .filter(o -> amount.compareTo(o.amount().multiply(share)) >= 0)
                .sorted(Comparator.comparing(Out::valueDate).thenComparingLong(Out::paymentId).reversed())
                .flatMap(o -> ProhibitedUse.moneyOf(loans, o.valueDate(), windowDays).stream()
                        .map(l -> new Finding(l, o, ChronoUnit.DAYS.between(o.valueDate(), valueDate))))
                .findFirst();
    }
}
