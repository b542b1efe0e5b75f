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

    /**
     * A lease's rentals: equal rentals that repay the amount financed down to the residual value at the period rate —
     * R = (P − RV·v^n) / Σ v^k over the rentals' times (k = 1…n in arrears, 0…n−1 in advance), rounded HALF_UP to the
     * fen. Each rental pays the interest on the balance since the previous one (none on a rental on the start day) and
     * principal with the rest; the last rental takes what principal remains down to what the residual repays, so the
     * residual line — on the maturity day, after the last rental — is exactly the residual value: in arrears all of it
     * principal, in advance the balance left after the last rental with that last period's interest.
     */
    public static Schedule calculate(LeaseTerms t) {
        List<String> problems = t.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int n = t.periods();
        BigDecimal r = t.annualRatePercent().divide(HUNDRED, MC).multiply(BigDecimal.valueOf(t.periodMonths()), MC)
                .divide(BigDecimal.valueOf(12), MC);
        BigDecimal financed = t.financed().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal residual = t.residual().setScale(2, RoundingMode.UNNECESSARY);
        boolean advance = t.timing() == RentalTiming.IN_ADVANCE;
        BigDecimal rental;
        if (r.signum() == 0) {
            rental = financed.subtract(residual).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        } else {
            BigDecimal v = BigDecimal.ONE.divide(BigDecimal.ONE.add(r), MC);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal vk = advance ? BigDecimal.ONE : v;
            for (int k = 0; k < n; k++) {
                sum = sum.add(vk);
                vk = vk.multiply(v, MC);
            }
            BigDecimal vn = v.pow(n, MC);
            rental = fen(financed.subtract(residual.multiply(vn, MC)).divide(sum, MC));
        }
        // in advance the residual is paid a period after the last rental: what it repays is its value less that interest
        BigDecimal repaidByResidual = advance ? fen(residual.divide(BigDecimal.ONE.add(r), MC)) : residual;
        List<Schedule.Installment> out = new ArrayList<>(n + 1);
        BigDecimal balance = financed;
        for (int k = 1; k <= n; k++) {
            BigDecimal interest = advance && k == 1 ? ZERO : fen(balance.multiply(r, MC));
            BigDecimal principal = k == n ? balance.subtract(repaidByResidual)
                    : rental.subtract(interest).max(ZERO).min(balance);
            balance = balance.subtract(principal);
            out.add(new Schedule.Installment(k, t.rentalDate(k), principal.add(interest), principal, interest, balance));
        }
        if (residual.signum() > 0) {
            out.add(new Schedule.Installment(n + 1, t.maturity(), residual, balance, residual.subtract(balance), ZERO));
        }
        return new Schedule(t, List.copyOf(out));
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
