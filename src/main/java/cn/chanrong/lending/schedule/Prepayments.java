package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule that follows a partial prepayment (提前还款), as a pure calculation. The current period
 * ends on the value date; the principal that remains is spread again from the current period's start
 * over the original payment dates, and the first of the new periods — broken, running from the value
 * date — is charged daily at the contract rate over 360 days, whatever the loan's own day count.
 */
public final class Prepayments {

    /** Whether the borrower keeps the maturity (smaller installments) or the installment (an earlier end). */
    public enum Mode { REDUCE_INSTALLMENT, REDUCE_TERM }

    /** The loan's terms for the rest of its life: its rate, method, day count and period, and the current period's dates. */
    public record Rest(BigDecimal annualRate, RepaymentMethod method, DayCount dayCount, int periodMonths,
                       LocalDate currentStart, LocalDate currentDue, BigDecimal currentPrincipal,
                       BigDecimal currentInterest, int periodsLeft) {
    }

    private Prepayments() {
    }

    /**
     * The new installments for {@code remaining} principal after a prepayment on {@code valueDate}; the
     * first runs from the value date, the others keep the original payment dates.
     */
    public static Schedule reschedule(Rest rest, BigDecimal remaining, LocalDate valueDate, Mode mode) {
        int periods = periods(rest, remaining, mode);
        Schedule next = ScheduleCalculator.calculate(new LoanTerms(remaining, periods * rest.periodMonths(),
                rest.annualRate(), rest.method(), rest.currentStart(), rest.dayCount(), rest.currentDue(),
                rest.periodMonths(), 0));
        List<Schedule.Installment> out = new ArrayList<>(next.installments());
        Schedule.Installment first = out.get(0);
        BigDecimal broken = DayCount.ACT_360.fenInterest(remaining, rest.annualRate(), valueDate, first.date());
        out.set(0, new Schedule.Installment(first.period(), first.date(), first.principal().add(broken), first.principal(),
                broken, first.balance()));
        return new Schedule(next.terms(), List.copyOf(out));
    }

    /**
     * How many periods {@code remaining} is spread over: all that are left to keep the maturity; to keep
     * the installment, as few as carry the current principal per period (equal principal) or the
     * current payment (equal installment), never more than are left.
     */
    static int periods(Rest rest, BigDecimal remaining, Mode mode) {
        int left = rest.periodsLeft();
        if (mode != Mode.REDUCE_TERM) {
            return left;
        }
        return switch (rest.method()) {
            case EQUAL_PRINCIPAL -> Math.max(1, Math.min(left,
                    remaining.divide(rest.currentPrincipal(), 0, RoundingMode.CEILING).intValue()));
            case EQUAL_INSTALLMENT -> {
                BigDecimal payment = rest.currentPrincipal().add(rest.currentInterest());
                for (int m = 1; m < left; m++) {
                    Schedule trial = ScheduleCalculator.calculate(new LoanTerms(remaining, m * rest.periodMonths(),
                            rest.annualRate(), RepaymentMethod.EQUAL_INSTALLMENT, rest.currentStart(), rest.dayCount(),
                            rest.currentDue(), rest.periodMonths(), 0));
                    if (trial.installments().get(0).payment().compareTo(payment) <= 0) {
                        yield m;
                    }
                }
                yield left;
            }
            default -> left;
        };
    }
}
