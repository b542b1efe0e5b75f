package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a schedule under one explicit convention (the one banks post): each period's interest is
 * the balance times the period's rate, rounded HALF_UP to the fen; equal-installment principal is
 * the rounded installment minus that interest (never below zero), equal-principal principal is P / n
 * rounded; the last
 * period takes whatever principal remains, so the last payment differs slightly. Totals are sums of
 * posted amounts. (The "calculator figure" many web pages print — unrounded installment × n − P — is
 * not a schedule and is not produced here.)
 */
public final class ScheduleCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ScheduleCalculator() {
    }

    public static Schedule calculate(LoanTerms t) {
        List<String> problems = t.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int n = t.periods();
        BigDecimal annual = t.annualRatePercent().divide(HUNDRED, MC);
        List<LocalDate> dates = new ArrayList<>(n + 1);
        dates.add(t.start());
        dates.addAll(t.paymentDates());
        BigDecimal[] rates = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            boolean broken = k == 0 && t.firstPayment() != null && !t.firstPayment().equals(t.start().plusMonths(t.periodMonths()));
            // a broken first period counts days: under the monthly convention, annual / 360 a day
            DayCount dc = broken && t.dayCount() == DayCount.MONTHLY ? DayCount.ACT_360 : t.dayCount();
            rates[k] = annual.multiply(dc.fraction(dates.get(k), dates.get(k + 1)), MC);
        }
        int grace = t.graceMonths() / t.periodMonths();
        BigDecimal principal = t.principal().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal installment = t.method() == RepaymentMethod.EQUAL_INSTALLMENT
                ? installment(principal, java.util.Arrays.copyOfRange(rates, grace, n)) : null;
        BigDecimal equalPrincipal = principal.divide(BigDecimal.valueOf(n - grace), 2, RoundingMode.HALF_UP);
        List<Schedule.Installment> out = new ArrayList<>(n);
        BigDecimal balance = principal;
        BigDecimal bulletInterest = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            boolean last = k == n - 1;
            BigDecimal interest = fen(balance.multiply(rates[k], MC));
            BigDecimal repaid = k < grace && !last ? BigDecimal.ZERO.setScale(2) : switch (t.method()) {
                // a long month at a high rate can cost more interest than the installment: the payment is
                // then the interest alone, never a negative principal
                case EQUAL_INSTALLMENT -> last ? balance : installment.subtract(interest).max(ZERO).min(balance);
                case EQUAL_PRINCIPAL -> last ? balance : equalPrincipal.min(balance);
                case INTEREST_ONLY, BULLET -> last ? balance : BigDecimal.ZERO.setScale(2);
                case CUSTOM -> last ? balance : t.principalPlan().get(k).setScale(2).min(balance);
            };
            if (t.method() == RepaymentMethod.BULLET) {
                // simple interest on the whole principal, paid with it at maturity
                bulletInterest = bulletInterest.add(principal.multiply(rates[k], MC));
                if (!last) {
                    continue;
                }
                interest = fen(bulletInterest);
            }
            balance = balance.subtract(repaid);
            out.add(new Schedule.Installment(out.size() + 1, dates.get(k + 1), repaid.add(interest), repaid, interest,
                    balance));
        }
        return new Schedule(t, List.copyOf(out));
    }

    /**
     * One payment at maturity: the interest for the days, rounded HALF_UP to the fen once, paid with the
     * principal (in arrears) or deducted from the face value (in advance: the principal is the payout,
     * the payment at maturity the face value).
     */
    public static Schedule calculate(SinglePaymentTerms t) {
        List<String> problems = t.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        BigDecimal interest = t.dayCount().fenInterest(t.amount(), t.annualRatePercent(), t.start(), t.maturity());
        BigDecimal amount = t.amount().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal principal = t.timing() == InterestTiming.IN_ADVANCE ? amount.subtract(interest) : amount;
        if (principal.signum() <= 0) {
            throw new IllegalArgumentException("the interest " + interest.toPlainString() + " leaves nothing to pay out of "
                    + amount.toPlainString());
        }
        return new Schedule(t, List.of(new Schedule.Installment(1, t.maturity(), principal.add(interest), principal, interest,
                ZERO)));
    }

    /** The equal installment on the periods' actual rates: P / Σ Π 1/(1 + r_j), rounded to the fen. */
    static BigDecimal installment(BigDecimal principal, BigDecimal[] rates) {
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        boolean zero = true;
        for (BigDecimal r : rates) {
            zero &= r.signum() == 0;
            discount = discount.divide(BigDecimal.ONE.add(r), MC);
            sum = sum.add(discount);
        }
        if (zero) {
            return principal.divide(BigDecimal.valueOf(rates.length), 2, RoundingMode.HALF_UP);
        }
        return fen(principal.divide(sum, MC));
    }

    private static BigDecimal fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
