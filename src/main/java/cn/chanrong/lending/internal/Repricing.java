package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Repricing of LPR-floating loans on each anniversary of the drawdown (重定价日): the rate becomes
 * the LPR in force that day plus the contract spread, from the first period that starts on or after
 * the anniversary; the periods not yet started are rebuilt on their dates at the new rate.
 */
@Component
class Repricing {

    private final LoanStore store;
    private final InstallmentStore installments;
    private final ReferenceData reference;
    private final AuditTrail audit;

    Repricing(LoanStore store, InstallmentStore installments, ReferenceData reference, AuditTrail audit) {
        this.store = store;
        this.installments = installments;
        this.reference = reference;
        this.audit = audit;
    }

    /** The first anniversary of the drawdown after {@code after}, for floating loans; null for fixed ones. */
    static LocalDate nextRepricing(Loan l, LocalDate after) {
        if (!l.rateType().startsWith("LPR") || l.disbursedOn() == null) {
            return null;
        }
        LocalDate d = l.disbursedOn().plusYears(1);
        for (int k = 2; !d.isAfter(after); k++) {
            d = l.disbursedOn().plusYears(k);
        }
        return d;
    }

    /** Reprices on {@code day}; the loan must be locked and accrued to the day before. */
    Loan reprice(Loan l, LocalDate day, String actor) {
        LprTenor tenor = l.rateType().equals("LPR_5Y") ? LprTenor.OVER_FIVE_YEARS : LprTenor.ONE_YEAR;
        BigDecimal lpr = reference.lpr(tenor, day).orElse(null);
        if (lpr == null) {
            return l;
        }
        BigDecimal rate = lpr.add(BigDecimal.valueOf(l.spreadBp(), 2));
        store.rateFixedOn(l.id(), day);
        if (rate.compareTo(l.annualRate()) == 0) {
            return store.lock(l.id());
        }
        List<Installment> future = store.installments(l.id()).stream().filter(i -> !i.start().isBefore(day)).toList();
        if (!future.isEmpty()) {
            BigDecimal remaining = future.stream().map(Installment::unpaidPrincipal).reduce(BigDecimal.ZERO, BigDecimal::add);
            Installment first = future.get(0);
            // a custom plan keeps its principal per period; only the interest changes
            List<BigDecimal> plan = "CUSTOM".equals(l.method())
                    ? future.stream().map(Installment::unpaidPrincipal).toList() : null;
            Schedule s = ScheduleCalculator.calculate(new LoanTerms(remaining, future.size() * l.periodMonths(), rate,
                    RepaymentMethod.valueOf(l.method()), first.start(), DayCount.valueOf(l.dayCount()), first.due(),
                    l.periodMonths(), 0, plan));
            installments.dropFrom(l.id(), first.period());
            installments.write(l.id(), first.period(), first.start(), s);
        }
        store.reprice(l.id(), rate);
        audit.record(AuditEvent.success(actor, "loan.reprice", "loan", l.number(),
                l.annualRate().stripTrailingZeros().toPlainString() + "% -> " + rate.stripTrailingZeros().toPlainString()
                        + "% on " + day + " (" + tenor.code() + " LPR " + lpr + " + " + l.spreadBp() + " bp)"));
        return store.lock(l.id());
    }
}
