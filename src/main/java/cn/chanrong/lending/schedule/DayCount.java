package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;

/**
 * How a period's share of the annual rate is counted. {@code MONTHLY} is the Chinese retail and
 * equal-installment convention, annual / 12 for every month whatever its length; the others count
 * days. {@code ACT_ACT} splits a period that crosses a year end at 31 December: the days from the
 * start up to 31 December count against that year's length, the rest against the next year's — the
 * rule that reproduces the published Fineract figures (golden case F1).
 */
public enum DayCount {
    MONTHLY, ACT_360, ACT_365F, ACT_ACT, THIRTY_360;

    static final MathContext MC = MathContext.DECIMAL128;

    /** The fraction of the annual rate that accrues from {@code start} to {@code end}. */
    public BigDecimal fraction(LocalDate start, LocalDate end) {
        return switch (this) {
            case MONTHLY -> BigDecimal.ONE.divide(BigDecimal.valueOf(12), MC)
                    .multiply(BigDecimal.valueOf(ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.withDayOfMonth(1))));
            case ACT_360, ACT_365F -> days(start, end).divide(BigDecimal.valueOf(basis()), MC);
            case ACT_ACT -> actualActual(start, end);
            case THIRTY_360 -> BigDecimal.valueOf(thirty360(start, end)).divide(BigDecimal.valueOf(360), MC);
        };
    }

    /**
     * The days in the year of a convention that counts actual days over a fixed year (360 or 365), so
     * that interest can be taken as one exact ratio and rounded once.
     */
    public int basis() {
        if (!hasFixedYear()) {
            throw new IllegalStateException(this + " has no fixed year");
        }
        return this == ACT_360 ? 360 : 365;
    }

    /** Whether the convention counts actual days over a fixed year (ACT/360, ACT/365F), so that {@link #basis} applies. */
    public boolean hasFixedYear() {
        return this == ACT_360 || this == ACT_365F;
    }

    /**
     * Simple interest on {@code principal} at {@code annualRatePercent} from {@code start} to {@code end}
     * under a convention with a fixed year: principal × rate % × days / year taken as one exact ratio and
     * rounded half up to the fen once — the single-payment schedule, a prepayment's broken period.
     */
    public BigDecimal fenInterest(BigDecimal principal, BigDecimal annualRatePercent, LocalDate start, LocalDate end) {
        return principal.multiply(annualRatePercent).multiply(days(start, end))
                .divide(BigDecimal.valueOf(100L * basis()), 2, java.math.RoundingMode.HALF_UP);
    }

    /** The daily rate, a fraction unrounded, of {@code annualRatePercent} under a convention with a fixed year. */
    public BigDecimal dailyRate(BigDecimal annualRatePercent) {
        return annualRatePercent.divide(BigDecimal.valueOf(100L * basis()), MC);
    }

    /**
     * The share of {@code amount} earned by {@code upTo} in a period from {@code start} to {@code end}, by the
     * actual days elapsed (unrounded): a period's interest recognised day by day.
     */
    public static BigDecimal byDaysElapsed(BigDecimal amount, LocalDate start, LocalDate upTo, LocalDate end) {
        return amount.multiply(days(start, upTo)).divide(days(start, end), MC);
    }

    private static BigDecimal days(LocalDate a, LocalDate b) {
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(a, b));
    }

    private static BigDecimal actualActual(LocalDate start, LocalDate end) {
        BigDecimal total = BigDecimal.ZERO;
        LocalDate from = start;
        for (int year = start.getYear(); year < end.getYear(); year++) {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            total = total.add(days(from, yearEnd).divide(BigDecimal.valueOf(Year.of(year).length()), MC));
            from = yearEnd;
        }
        return total.add(days(from, end).divide(BigDecimal.valueOf(Year.of(end.getYear()).length()), MC));
    }

    /** 30/360 (US): day 31 counts as 30; a period from the 30th or 31st to the 31st counts the end as 30. */
    private static long thirty360(LocalDate a, LocalDate b) {
        int d1 = Math.min(a.getDayOfMonth(), 30);
        int d2 = b.getDayOfMonth() == 31 && d1 == 30 ? 30 : b.getDayOfMonth();
        return 360L * (b.getYear() - a.getYear()) + 30L * (b.getMonthValue() - a.getMonthValue()) + (d2 - d1);
    }
}
