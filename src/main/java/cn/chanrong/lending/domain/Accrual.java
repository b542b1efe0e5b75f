package cn.chanrong.lending.domain;

import cn.chanrong.lending.schedule.DayCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Interest and penalty between two dates, on a schedule as serviced.
 *
 * <p>Contractual interest accrues straight-line within each period: by the end of day {@code d} a
 * period has earned its scheduled (posted, fen-rounded) interest times the share of its days that
 * have passed, so accrual reaches exactly the scheduled interest on the day before the due date and
 * what the ledger recognises always equals what the borrower is asked to pay. For day-count schedules
 * (ACT/360) that is the same as daily interest on the balance.
 *
 * <p>Penalty interest (罚息) accrues each day on principal that was overdue that day, at the contract
 * rate × (1 + markup) / 360, and compound interest (复利) on overdue interest at the same rate
 * (FACTS §8). An installment is overdue from the day after its due date.
 */
public final class Accrual {

    private static final MathContext MC = MathContext.DECIMAL128;
    /** Penalty accrues daily over the ACT/360 year (FACTS §8). */
    private static final DayCount PENALTY_DAYS = DayCount.ACT_360;

    private Accrual() {
    }

    /** Contractual interest earned by the end of {@code through} (unrounded). */
    public static BigDecimal interestThrough(List<Installment> schedule, LocalDate through) {
        BigDecimal total = BigDecimal.ZERO;
        LocalDate dayAfter = through.plusDays(1);
        for (Installment i : schedule) {
            if (!dayAfter.isAfter(i.start())) {
                continue;
            }
            if (!dayAfter.isBefore(i.due())) {
                total = total.add(i.interestDue());
                continue;
            }
            total = total.add(DayCount.byDaysElapsed(i.interestDue(), i.start(), dayAfter, i.due()));
        }
        return total;
    }

    /** Penalty and compound interest over the days after {@code from} up to and including {@code to} (unrounded). */
    public static BigDecimal penalty(List<Installment> schedule, LocalDate from, LocalDate to, BigDecimal annualRatePercent,
                                     BigDecimal markup) {
        BigDecimal daily = PENALTY_DAYS.dailyRate(annualRatePercent).multiply(BigDecimal.ONE.add(markup), MC);
        BigDecimal total = BigDecimal.ZERO;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal overdue = BigDecimal.ZERO;
            for (Installment i : schedule) {
                if (i.due().isBefore(d)) {
                    overdue = overdue.add(i.unpaidPrincipal()).add(i.unpaidInterest());
                }
            }
            if (overdue.signum() == 0 && !hasLaterDue(schedule, d)) {
                break;
            }
            total = total.add(overdue.multiply(daily, MC));
        }
        return total;
    }

    /**
     * The diversion uplift (挪用罚息, FACTS §10) over the days after {@code from} up to and including {@code to}
     * (unrounded): on each day, on the diverted amount — no more than the principal not yet due that day
     * (overdue principal already bears the penalty rate) — the contract rate × {@code markup} / 360, so that
     * the diverted part bears the contract rate × (1 + markup) in all and the rest of the loan is untouched.
     */
    public static BigDecimal diversion(List<Installment> schedule, BigDecimal diverted, LocalDate from, LocalDate to,
                                       BigDecimal annualRatePercent, BigDecimal markup) {
        if (diverted == null || diverted.signum() <= 0 || markup == null || markup.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal daily = PENALTY_DAYS.dailyRate(annualRatePercent).multiply(markup, MC);
        BigDecimal total = BigDecimal.ZERO;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal notDue = BigDecimal.ZERO;
            for (Installment i : schedule) {
                if (!i.due().isBefore(d)) {
                    notDue = notDue.add(i.unpaidPrincipal());
                }
            }
            if (notDue.signum() == 0) {
                break;
            }
            total = total.add(notDue.min(diverted).multiply(daily, MC));
        }
        return total;
    }

    private static boolean hasLaterDue(List<Installment> schedule, LocalDate d) {
        return schedule.stream().anyMatch(i -> !i.due().isBefore(d) && !i.settled());
    }

    /** Days past due at the end of {@code asOf}: since the oldest due date with anything unpaid (0 if none). */
    public static int daysPastDue(List<Installment> schedule, LocalDate asOf) {
        return schedule.stream().filter(i -> !i.due().isAfter(asOf) && !i.settled())
                .map(i -> (int) ChronoUnit.DAYS.between(i.due(), asOf)).max(Integer::compare).orElse(0);
    }

    public static BigDecimal fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
