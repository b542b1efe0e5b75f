package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a financial lease's rental schedule is built from: the amount financed (the equipment's cost less any down
 * payment, yuan), the term in months, the rental period (1 monthly, 3 quarterly), the annual rate in percent, whether the
 * rentals fall in advance or in arrears, the residual value the lessee pays at the end to own the equipment (zero: the
 * rentals repay everything), and the day the lease starts. Periods are whole months; the rate of a period is the annual
 * rate times its months over twelve.
 */
public record LeaseTerms(BigDecimal financed, int months, int periodMonths, BigDecimal annualRatePercent,
                         RentalTiming timing, BigDecimal residual, LocalDate start) implements ScheduleTerms {

    /** The number of rentals. */
    public int periods() {
        return periodMonths <= 0 ? 0 : months / periodMonths;
    }

    /** The day of rental {@code k} (1-based): a period's start in advance, its end in arrears. */
    public LocalDate rentalDate(int k) {
        return start.plusMonths((long) (timing == RentalTiming.IN_ADVANCE ? k - 1 : k) * periodMonths);
    }

    /** The day the lease ends, when the residual value is paid. */
    public LocalDate maturity() {
        return start.plusMonths((long) periods() * periodMonths);
    }

    /** Why these terms cannot make a schedule (field names as the API spells them). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (financed == null || financed.signum() <= 0 || financed.stripTrailingZeros().scale() > 2) {
            p.add("financed must be a positive amount with at most two decimals");
        }
        if (months < 1 || months > LoanTerms.MAX_MONTHS) {
            p.add("months must be between 1 and " + LoanTerms.MAX_MONTHS);
        }
        if (periodMonths != 1 && periodMonths != 3) {
            p.add("period must be 1 (monthly) or 3 (quarterly) months");
        } else if (months % periodMonths != 0) {
            p.add("months must be a whole number of periods of " + periodMonths + " months");
        }
        if (annualRatePercent == null || annualRatePercent.signum() < 0
                || annualRatePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            p.add("rate must be a percentage from 0 to below 100");
        }
        if (timing == null) {
            p.add("timing is required");
        }
        if (residual == null || residual.signum() < 0 || residual.stripTrailingZeros().scale() > 2) {
            p.add("residual must be zero or a positive amount with at most two decimals");
        } else if (financed != null && residual.compareTo(financed) >= 0) {
            p.add("residual must be less than the amount financed");
        }
        if (start == null) {
            p.add("start is required");
        }
        return p;
    }
}
