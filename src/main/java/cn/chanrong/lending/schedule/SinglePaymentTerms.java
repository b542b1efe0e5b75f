package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A financing repaid in one payment on {@code maturity}, a date of its own (a receivable's due date, a
 * voucher's maturity), with simple interest for the days from {@code start}: {@code amount} × rate × the
 * day count's fraction, rounded HALF_UP to the fen once. {@code amount} is the principal when interest is
 * paid {@linkplain InterestTiming#IN_ARREARS in arrears}, the face value when it is taken
 * {@linkplain InterestTiming#IN_ADVANCE in advance} (then the principal is the face value less the
 * interest, and the payment at maturity is the face value). Only day counts with a fixed year of days
 * apply, so the fraction is one exact ratio and the interest is rounded once.
 */
public record SinglePaymentTerms(BigDecimal amount, BigDecimal annualRatePercent, LocalDate start, LocalDate maturity,
                                 DayCount dayCount, InterestTiming timing) implements ScheduleTerms {

    /** Interest paid at maturity on {@code principal}. */
    public static SinglePaymentTerms inArrears(BigDecimal principal, BigDecimal annualRatePercent, LocalDate start,
                                               LocalDate maturity, DayCount dayCount) {
        return new SinglePaymentTerms(principal, annualRatePercent, start, maturity, dayCount, InterestTiming.IN_ARREARS);
    }

    /** A discount of {@code faceValue}: the interest is deducted from the payout. */
    public static SinglePaymentTerms discount(BigDecimal faceValue, BigDecimal annualRatePercent, LocalDate start,
                                              LocalDate maturity, DayCount dayCount) {
        return new SinglePaymentTerms(faceValue, annualRatePercent, start, maturity, dayCount, InterestTiming.IN_ADVANCE);
    }

    /** The term in months as the loan book counts it: each month begun counts, at least one. */
    public int months() {
        return (int) Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(start, maturity.minusDays(1)) + 1);
    }

    /** Why these terms cannot make a schedule. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            p.add("amount must be a positive amount with at most two decimals");
        }
        if (annualRatePercent == null || annualRatePercent.signum() < 0 || annualRatePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            p.add("rate must be a percentage from 0 to below 100");
        }
        if (start == null || maturity == null || !maturity.isAfter(start)) {
            p.add("maturity must fall after the start");
        }
        if (dayCount == null || !dayCount.hasFixedYear()) {
            p.add("a single payment counts days: ACT_360 or ACT_365F");
        }
        if (timing == null) {
            p.add("interest timing is required");
        }
        return p;
    }
}
