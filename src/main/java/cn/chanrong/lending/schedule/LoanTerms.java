package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule is built from: principal (yuan), number of monthly periods, annual rate in
 * percent, method, first day of interest, and the day count. Payment dates fall on the same day of
 * each following month (the month's last day when it is shorter).
 */
public record LoanTerms(BigDecimal principal, int months, BigDecimal annualRatePercent, RepaymentMethod method,
                        LocalDate start, DayCount dayCount) {

    public static final int MAX_MONTHS = 600;

    /** Why these terms cannot make a schedule (field names as the command line spells them). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (principal == null || principal.signum() <= 0 || principal.stripTrailingZeros().scale() > 2) {
            p.add("principal must be a positive amount with at most two decimals");
        }
        if (months < 1 || months > MAX_MONTHS) {
            p.add("months must be between 1 and " + MAX_MONTHS);
        }
        if (annualRatePercent == null || annualRatePercent.signum() < 0 || annualRatePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            p.add("rate must be a percentage from 0 to below 100");
        }
        if (method == null) {
            p.add("method is required");
        }
        if (start == null) {
            p.add("start is required");
        }
        if (dayCount == null) {
            p.add("day count is required");
        }
        return p;
    }
}
