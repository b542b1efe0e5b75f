package cn.chanrong.policy.domain;

import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Installment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * An interest subsidy's accrual (issue 19 §3), pure: for each day, the subsidy points a year in force that day times the
 * principal outstanding that day over 360 days (日利率 = 年利率 / 360), <b>capped at the interest the loan charges that
 * day</b>; nothing on a day the loan is past due or non-performing. The loan's daily interest and its principal come
 * from its schedule as serviced (each period's interest spread evenly over its days, as lending accrues it), so the
 * same figures come out whether the days are closed one by one or caught up at once. Amounts are exact; the caller
 * keeps the running exact sum and rounds that to the fen once (half up), so the days never lose a fen between them.
 */
public final class SubsidyAccrual {

    /** A yearly rate spread over 360 days, as the schedule core spreads it. */
    private static final cn.chanrong.lending.schedule.DayCount DAYS = cn.chanrong.lending.schedule.DayCount.ACT_360;
    private static final MathContext MC = MathContext.DECIMAL128;

    private SubsidyAccrual() {
    }

    /**
     * What closing some days brought: the exact subsidy, the loan's exact interest over the same days, the days
     * subsidised, those left out because the loan was not performing, those where the cap (the interest charged) bit.
     */
    public record Result(BigDecimal exact, BigDecimal interest, int days, int suspended, int capped) {
        public static final Result NONE = new Result(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
    }

    /**
     * Accrues the days after {@code after} up to and including {@code through} that fall within the subsidy's term
     * ({@code firstDay} to {@code lastDay}, inclusive). {@code points} gives the points a year in force on a day (null:
     * none that day). {@code daysPastDue} is the loan's at the end of {@code through}: an earlier day was past due when
     * the arrears had already begun by then. A non-performing loan accrues nothing.
     */
    public static Result accrue(List<Installment> schedule, LocalDate after, LocalDate through, LocalDate firstDay,
                                LocalDate lastDay, Function<LocalDate, BigDecimal> points, int daysPastDue,
                                boolean nonPerforming) {
        LocalDate from = after.plusDays(1).isBefore(firstDay) ? firstDay : after.plusDays(1);
        LocalDate to = through.isAfter(lastDay) ? lastDay : through;
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        int days = 0;
        int suspended = 0;
        int capped = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal charged = Accrual.interestThrough(schedule, d).subtract(Accrual.interestThrough(schedule, d.minusDays(1)));
            long overdueThen = daysPastDue - ChronoUnit.DAYS.between(d, through);
            BigDecimal p = points.apply(d);
            if (nonPerforming || overdueThen > 0) {
                suspended++;
                continue;
            }
            if (p == null || p.signum() == 0) {
                continue;
            }
            interest = interest.add(charged);
            BigDecimal raw = DAYS.dailyRate(p).multiply(principalOn(schedule, d), MC);
            if (raw.compareTo(charged) > 0) {
                capped++;
                raw = charged;
            }
            exact = exact.add(raw);
            days++;
        }
        return new Result(exact, interest, days, suspended, capped);
    }

    /** The principal the schedule has outstanding during day {@code d}: all that falls due after it. */
    public static BigDecimal principalOn(List<Installment> schedule, LocalDate d) {
        BigDecimal p = BigDecimal.ZERO;
        for (Installment i : schedule) {
            if (i.due().isAfter(d)) {
                p = p.add(i.principalDue());
            }
        }
        return p;
    }

    /** The running exact sum to the fen, half up (as lending rounds its accruals), never above {@code cap} (null: none). */
    public static BigDecimal fen(BigDecimal exact, BigDecimal cap) {
        BigDecimal f = Accrual.fen(exact);
        return cap != null && f.compareTo(cap) > 0 ? cap : f;
    }
}
