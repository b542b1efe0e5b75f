package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A subsidy netted off a borrower's interest (贴息抵扣): the part of an installment's interest that a treasury pays
 * instead of the borrower. The installment due on {@code due} counts it as interest paid, so the borrower's dues fall
 * by it; the bank's book moves it from the loan's interest receivable to the subsidy it is owed by the treasury
 * (1221). Joins the caller's transaction; keyed by loan, posting day and {@code source}, so a second call on the same
 * day nets nothing more.
 */
public interface InterestSubsidies {

    /**
     * Nets up to {@code amount} off the interest of the loan's installment due on {@code due}, posted on {@code on}
     * (end of day of the day before, so the borrower sees the lower dues on the due date). Returns what was netted:
     * less than asked when the installment owes less interest, zero when the loan is not active, has no installment due
     * that day, or that day's subsidy under {@code source} was netted already.
     */
    BigDecimal net(long loanId, LocalDate due, LocalDate on, BigDecimal amount, String source, String actor);
}
