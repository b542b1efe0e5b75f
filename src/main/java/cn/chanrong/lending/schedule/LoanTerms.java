package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule is built from: principal (yuan), term in months, annual rate in percent, method,
 * first day of interest, and the day count. Payment dates fall every {@code periodMonths} months
 * (1 monthly, 3 quarterly) after {@code firstPayment}; without one, on the same day of the month as
 * {@code start} (the month's last day when it is shorter). A first payment date other than one period
 * after the start makes a broken first period, whose interest counts days (annual / 360 under the
 * monthly convention). During the first {@code graceMonths} only interest is paid; principal is then
 * repaid over the periods that remain.
 */
public record LoanTerms(BigDecimal principal, int months, BigDecimal annualRatePercent, RepaymentMethod method,
                        LocalDate start, DayCount dayCount, LocalDate firstPayment, int periodMonths, int graceMonths,
                        List<BigDecimal> principalPlan) implements ScheduleTerms {

    public static final int MAX_MONTHS = 600;

    public LoanTerms(BigDecimal principal, int months, BigDecimal annualRatePercent, RepaymentMethod method,
                     LocalDate start, DayCount dayCount) {
        this(principal, months, annualRatePercent, method, start, dayCount, null, 1, 0, null);
    }

    public LoanTerms(BigDecimal principal, int months, BigDecimal annualRatePercent, RepaymentMethod method,
                     LocalDate start, DayCount dayCount, LocalDate firstPayment, int periodMonths, int graceMonths) {
        this(principal, months, annualRatePercent, method, start, dayCount, firstPayment, periodMonths, graceMonths, null);
    }

    /**
     * The first interest settlement date after disbursement on {@code day} of the month (of the last
     * month of a quarter when quarterly), or null for payments on the disbursement's day of the month.
     */
    public static LocalDate firstSettlement(LocalDate start, int day, int periodMonths) {
        if (day == 0) {
            return null;
        }
        LocalDate d = start.withDayOfMonth(day);
        while (!d.isAfter(start) || periodMonths == 3 && d.getMonthValue() % 3 != 0) {
            d = d.plusMonths(1);
        }
        return d;
    }

    /** The number of payments. */
    public int periods() {
        return periodMonths <= 0 ? 0 : months / periodMonths;
    }

    /** The payment dates, first to last. */
    public List<LocalDate> paymentDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; k < periods(); k++) {
            // counted from the anchor each time, so a schedule from the 31st keeps month ends
            dates.add(firstPayment != null ? firstPayment.plusMonths((long) k * periodMonths)
                    : start.plusMonths((long) (k + 1) * periodMonths));
        }
        return dates;
    }

    /** Why these terms cannot make a schedule (field names as the command line spells them). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (principal == null || principal.signum() <= 0 || principal.stripTrailingZeros().scale() > 2) {
            p.add("principal must be a positive amount with at most two decimals");
        }
        if (months < 1 || months > MAX_MONTHS) {
            p.add("months must be between 1 and " + MAX_MONTHS);
        }
        if (periodMonths != 1 && periodMonths != 3) {
            p.add("period must be 1 (monthly) or 3 (quarterly) months");
        } else if (months % periodMonths != 0) {
            p.add("months must be a whole number of periods of " + periodMonths + " months");
        }
        if (graceMonths < 0 || graceMonths >= months || periodMonths > 0 && graceMonths % periodMonths != 0) {
            p.add("grace must be whole periods, shorter than the term");
        }
        if (annualRatePercent == null || annualRatePercent.signum() < 0 || annualRatePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            p.add("rate must be a percentage from 0 to below 100");
        }
        if (method == null) {
            p.add("method is required");
        }
        if (start == null) {
            p.add("start is required");
        } else if (firstPayment != null && (!firstPayment.isAfter(start)
                || firstPayment.isAfter(start.plusMonths(periodMonths).plusMonths(1)))) {
            p.add("first payment must fall after the start and within one period and a month of it");
        }
        if (dayCount == null) {
            p.add("day count is required");
        }
        if (method == RepaymentMethod.CUSTOM) {
            if (principalPlan == null || principalPlan.size() != periods()) {
                p.add("a custom plan needs one principal amount for each of the " + periods() + " periods");
            } else if (principalPlan.stream().anyMatch(a -> a == null || a.signum() < 0 || a.stripTrailingZeros().scale() > 2)) {
                p.add("plan amounts must be zero or positive with at most two decimals");
            } else if (principal != null
                    && principalPlan.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(principal) != 0) {
                p.add("the plan must add up to the principal");
            }
        } else if (principalPlan != null) {
            p.add("a principal plan goes only with the custom method");
        }
        return p;
    }
}
