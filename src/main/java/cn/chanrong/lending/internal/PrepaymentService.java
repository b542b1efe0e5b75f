package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Allocation;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Partial prepayment (提前还款). The current period ends on the value date with the interest it has
 * earned and the prepaid principal; the rest of the principal gets a new schedule on the original
 * payment dates, its first (broken) period charged daily at the contract rate / 360 from the value
 * date. REDUCE_INSTALLMENT keeps the maturity; REDUCE_TERM keeps the installment (equal installment)
 * or the principal per period (equal principal) and ends sooner.
 */
@Component
class PrepaymentService {

    private final JdbcClient jdbc;
    private final LoanStore store;
    private final Repayments repayments;
    private final Servicer servicer;
    private final Postings postings;
    private final BigDecimal feeRate;

    PrepaymentService(JdbcClient jdbc, LoanStore store, Repayments repayments, Servicer servicer, Postings postings,
                      @Value("${chanrong.lending.prepayment-fee-rate:0}") BigDecimal feeRate) {
        this.jdbc = jdbc;
        this.store = store;
        this.repayments = repayments;
        this.servicer = servicer;
        this.postings = postings;
        this.feeRate = feeRate;
    }

    /** Prepays on a loan already brought to the day before {@code date}; returns the transaction id. */
    long prepay(Loan l, LocalDate date, BigDecimal amount, String mode, String actor) {
        List<Installment> s = store.installments(l.id());
        Map<Allocation.Bucket, BigDecimal> owed = repayments.owed(l, s, date);
        BigDecimal due = owed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (due.signum() > 0) {
            throw Rejected.invalid(Rejection.of("lending.prepay.due-first", "amount", due.toPlainString()));
        }
        if ("CUSTOM".equals(l.method())) {
            throw Rejected.invalid(Rejection.of("lending.prepay.custom", "type"));
        }
        Installment current = s.stream().filter(i -> !i.start().isAfter(date) && i.due().isAfter(date)).findFirst()
                .orElseThrow(() -> Rejected.conflict(Rejection.of("lending.repay.status", null, "MATURED")));
        BigDecimal earned = current.start().equals(date) ? BigDecimal.ZERO.setScale(2)
                : Accrual.fen(Accrual.interestThrough(List.of(current), date.minusDays(1)));
        BigDecimal principal = amount.subtract(earned).divide(BigDecimal.ONE.add(feeRate), 2, RoundingMode.DOWN);
        BigDecimal fee = amount.subtract(earned).subtract(principal);
        if (principal.signum() <= 0 || principal.compareTo(l.principalOutstanding()) >= 0) {
            throw Rejected.invalid(Rejection.of("lending.prepay.range", "amount", amount.toPlainString(),
                    earned.toPlainString(), l.principalOutstanding().add(earned).toPlainString()));
        }
        List<Installment> future = s.stream().filter(i -> i.due().isAfter(date)).toList();
        BigDecimal remaining = l.principalOutstanding().subtract(principal);
        int months = months(l, mode, current, remaining, future.size());
        Schedule next = ScheduleCalculator.calculate(new LoanTerms(remaining, months * l.periodMonths(), l.annualRate(),
                RepaymentMethod.valueOf(l.method()), current.start(), DayCount.valueOf(l.dayCount()), current.due(),
                l.periodMonths(), 0));

        jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND period > :p")
                .param("l", l.id()).param("p", current.period()).update();
        jdbc.sql("""
                        UPDATE loan_installment SET due_date = :d, principal_due = :pr, interest_due = :i
                        WHERE loan_id = :l AND period = :p""")
                .param("d", date).param("pr", principal).param("i", earned).param("l", l.id()).param("p", current.period())
                .update();
        LocalDate from = date;
        for (Schedule.Installment i : next.installments()) {
            BigDecimal interest = i.interest();
            if (i.period() == 1) {
                // the broken first period: daily interest on what remains, from the value date
                interest = Accrual.fen(remaining.multiply(l.annualRate()).multiply(
                        BigDecimal.valueOf(ChronoUnit.DAYS.between(date, i.date())), MathContext.DECIMAL128)
                        .divide(BigDecimal.valueOf(36000), MathContext.DECIMAL128));
            }
            jdbc.sql("""
                            INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                            VALUES (:l, :p, :s, :d, :pr, :in)""")
                    .param("l", l.id()).param("p", current.period() + i.period()).param("s", from).param("d", i.date())
                    .param("pr", i.principal()).param("in", interest).update();
            from = i.date();
        }
        jdbc.sql("UPDATE loan SET maturity_date = :m, version = version + 1 WHERE id = :id")
                .param("m", next.installments().get(next.installments().size() - 1).date()).param("id", l.id()).update();
        Loan split = servicer.trueUp(store.lock(l.id()), date.minusDays(1), "loan:" + l.id() + ":prepay-true-up:" + date,
                actor);
        long tx = repayments.pay(split, date, principal.add(earned), "PREPAYMENT", true, actor);
        if (fee.signum() > 0) {
            postings.fee(l.institutionId(), l.id(), date, fee, "loan:" + l.id() + ":prepayment-fee:" + tx, actor);
            jdbc.sql("UPDATE loan_transaction SET fee = :f, amount = amount + :f WHERE id = :id")
                    .param("f", fee).param("id", tx).update();
        }
        return tx;
    }

    /** How many periods the remaining principal is spread over. */
    private static int months(Loan l, String mode, Installment current, BigDecimal remaining, int left) {
        if (!"REDUCE_TERM".equals(mode)) {
            return left;
        }
        return switch (RepaymentMethod.valueOf(l.method())) {
            case EQUAL_PRINCIPAL -> Math.max(1, Math.min(left,
                    remaining.divide(current.principalDue(), 0, RoundingMode.CEILING).intValue()));
            case EQUAL_INSTALLMENT -> {
                BigDecimal payment = current.principalDue().add(current.interestDue());
                for (int m = 1; m < left; m++) {
                    Schedule trial = ScheduleCalculator.calculate(new LoanTerms(remaining, m * l.periodMonths(),
                            l.annualRate(), RepaymentMethod.EQUAL_INSTALLMENT, current.start(), DayCount.valueOf(l.dayCount()),
                            current.due(), l.periodMonths(), 0));
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
