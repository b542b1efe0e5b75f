package cn.chanrong.monitoring.domain;

import java.util.List;

/**
 * An account the loan's money only passes through (过桥、通道账户, a pure rule, issue 18 §4): a payment out of an
 * account the bank keeps, at most the rule's days after a payment into it from a borrower's account that carried
 * that borrower's loan money, sending on at least the rule's share of it. The finding names the sender's loan, and
 * the sender's payment as the earlier one. Amounts in fen, days as epoch days.
 */
public final class PassThrough {

    private PassThrough() {
    }

    /**
     * A payment a borrower of the bank made into the account now paying out: its id, amount, day, and the loan whose
     * money it was (null when it carried none) with the rules in force for that loan.
     */
    public record Inbound(long paymentId, long amount, int day, Detector.Loan loan, Rules.PassThroughParams rule) {
    }

    /** The finding for a payment out of {@code amount} on {@code day}: the latest inbound it passes on, else null. */
    public static Detector.Finding check(long amount, int day, List<Inbound> inbound) {
        Inbound best = null;
        for (Inbound in : inbound) {
            if (in.loan() == null || !in.rule().enabled() || in.day() > day || day - in.day() > in.rule().days()
                    || in.day() - in.loan().disbursedOn() > in.rule().windowDays()
                    || amount * 100 < (long) in.rule().minSharePercent() * in.amount()) {
                continue;
            }
            if (best == null || in.day() > best.day() || in.day() == best.day() && in.paymentId() > best.paymentId()) {
                best = in;
            }
        }
        return best == null ? null : new Detector.Finding(Rules.PASS_THROUGH, best.rule().version(), best.loan(),
                new Detector.Debit(best.paymentId(), null, null, null, best.amount(), best.day()), day - best.day());
    }
}
