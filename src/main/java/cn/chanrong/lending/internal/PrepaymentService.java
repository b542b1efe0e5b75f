package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Allocation;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.Prepayments;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
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

    private final LoanStore store;
    private final InstallmentStore installments;
    private final Repayments repayments;
    private final Servicer servicer;
    private final Postings postings;
    private final BigDecimal feeRate;

    PrepaymentService(LoanStore store, InstallmentStore installments, Repayments repayments, Servicer servicer, Postings postings,
                      @Value("${chanrong.lending.prepayment-fee-rate:0}") BigDecimal feeRate) {
        this.store = store;
        this.installments = installments;
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
        BigDecimal remaining = l.principalOutstanding().subtract(principal);
        int left = (int) s.stream().filter(i -> i.due().isAfter(date)).count();
        Schedule next = Prepayments.reschedule(new Prepayments.Rest(l.annualRate(), RepaymentMethod.valueOf(l.method()),
                DayCount.valueOf(l.dayCount()), l.periodMonths(), current.start(), current.due(), current.principalDue(),
                current.interestDue(), left), remaining, date,
                "REDUCE_TERM".equals(mode) ? Prepayments.Mode.REDUCE_TERM : Prepayments.Mode.REDUCE_INSTALLMENT);
        installments.dropFrom(l.id(), current.period() + 1);
        installments.endEarly(l.id(), current.period(), date, principal, earned);
        installments.write(l.id(), current.period() + 1, date, next);
        installments.matureOn(l.id(), next.maturity());
        Loan split = servicer.trueUp(store.lock(l.id()), date.minusDays(1), "loan:" + l.id() + ":prepay-true-up:" + date,
                actor);
        long tx = repayments.pay(split, date, principal.add(earned), "PREPAYMENT", true, actor).id();
        if (fee.signum() > 0) {
            postings.fee(l.institutionId(), l.id(), date, fee, "loan:" + l.id() + ":prepayment-fee:" + tx, actor);
            repayments.chargeFee(tx, fee);
        }
        return tx;
    }
}
