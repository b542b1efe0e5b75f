package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Allocation;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Money coming back on a loan: a value date checked and the loan brought to the day before it, what is
 * owed by bucket, a payment allocated in the configured order and posted, a schedule cut short to end
 * on a payoff date. Used by the repayment call, prepayment, renewal and supply-chain collection alike,
 * inside their transactions and on loans they have locked.
 */
@Component
class Repayments {

    private final LoanStore store;
    private final InstallmentStore installments;
    private final TransactionStore transactions;
    private final Servicer servicer;
    private final Postings postings;
    private final FacilityService facilities;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final List<Allocation.Bucket> allocationOrder;
    private final ProvisionStore provisions;

    Repayments(LoanStore store, InstallmentStore installments, TransactionStore transactions, Servicer servicer, Postings postings, FacilityService facilities,
               BusinessDate businessDate, AuditTrail audit, ApplicationEventPublisher events,
               ProvisionStore provisions,
               @Value("${chanrong.lending.allocation-order:"
                       + "PENALTY,OVERDUE_INTEREST,OVERDUE_PRINCIPAL,CURRENT_INTEREST,CURRENT_PRINCIPAL}") List<String> order) {
        this.allocationOrder = order.stream().map(String::strip).map(Allocation.Bucket::valueOf).toList();
        // refuses a malformed order at start-up rather than on the first repayment
        Allocation.allocate(BigDecimal.ZERO, Map.of(), allocationOrder);
        this.provisions = provisions;
        this.store = store;
        this.installments = installments;
        this.transactions = transactions;
        this.servicer = servicer;
        this.postings = postings;
        this.facilities = facilities;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    /** Checks a value date against the loan and brings the loan to the day before it. */
    Loan toValueDate(Loan l, LocalDate date, String actor) {
        LocalDate today = businessDate.today();
        l.status().service().orThrow();
        if (date.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "valueDate", date, today));
        }
        if (date.isBefore(l.disbursedOn())) {
            throw Rejected.invalid(Rejection.of("date.too-early", "valueDate", date, l.disbursedOn()));
        }
        if (!date.isAfter(l.accruedThrough())) {
            throw Rejected.invalid(Rejection.of("lending.repay.day-closed", "valueDate", date, l.accruedThrough()));
        }
        return servicer.bringTo(l, date.minusDays(1), actor);
    }

    /** What is owed on {@code date}, by bucket: overdue before it, current on it. */
    Map<Allocation.Bucket, BigDecimal> owed(Loan l, List<Installment> s, LocalDate date) {
        return Allocation.owed(l.penaltyAccrued().subtract(l.penaltyPaid()), s, date);
    }

    /**
     * A REPAYMENT of what is due or a PAYOFF of the whole loan, on a loan already brought to the day
     * before {@code date}. Returns the transaction.
     */
    Loans.Transaction repay(Loan l, LocalDate date, BigDecimal amount, String type, String actor) {
        Loan due = "PAYOFF".equals(type) ? splitAt(l, date, actor) : l;
        return pay(due, date, amount, type, true, actor);
    }

    /**
     * Applies a payment to a loan already brought to the day before {@code date}: allocates it in the
     * default order over what is due, posts the entry and updates the loan. With {@code close} a loan
     * left with nothing owed is marked repaid. Returns the transaction.
     */
    Loans.Transaction pay(Loan l, LocalDate date, BigDecimal amount, String type, boolean close, String actor) {
        long loanId = l.id();
        List<Installment> s = store.installments(loanId);
        Map<Allocation.Bucket, BigDecimal> owed = owed(l, s, date);
        BigDecimal dueNow = owed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if ("PAYOFF".equals(type) && amount.compareTo(dueNow) != 0) {
            throw Rejected.invalid(Rejection.of("lending.repay.payoff-amount", "amount", amount.toPlainString(),
                    dueNow.toPlainString()));
        }
        if (amount.compareTo(dueNow) > 0) {
            throw Rejected.invalid(Rejection.of("lending.repay.above-due", "amount", amount.toPlainString(),
                    dueNow.toPlainString()));
        }
        Allocation.Split split = Allocation.allocate(amount, owed, allocationOrder);
        List<Installment> after = applyToInstallments(loanId, s, date, split);
        BigDecimal interestAndPenalty = split.interest().add(split.part(Allocation.Bucket.PENALTY));
        BigDecimal fromReceivable = interestAndPenalty.min(l.receivable());
        BigDecimal fromMemo = interestAndPenalty.subtract(fromReceivable);
        boolean settled = close && after.stream().allMatch(Installment::settled)
                && l.principalOutstanding().compareTo(split.principal()) == 0;
        LoanStatus status = settled ? l.status().settle().orThrow() : l.status();
        // the provision follows the principal left at the tier's rate in force, in the repayment's own entry
        BigDecimal provision = status.onBook()
                ? provisions.rates(l.institutionId(), date).provision(l.tier(), l.principalOutstanding().subtract(split.principal()))
                : BigDecimal.ZERO.setScale(2);
        long seq = transactions.next(loanId);
        var entry = postings.repayment(l.institutionId(), loanId, date, amount, split.principal(), fromReceivable, fromMemo,
                provision.subtract(l.provision()), "loan:" + loanId + ":repayment:" + seq, actor);
        store.repaid(loanId, split.principal(), split.interest(), split.part(Allocation.Bucket.PENALTY), fromReceivable,
                fromMemo, Accrual.daysPastDue(after, date), status, provision);
        // a financing drew on its risk obligor's lines, and gives back to them
        facilities.restore(l.facilityId(), l.institutionId(), l.riskObligorId() != null ? l.riskObligorId() : l.borrowerId(),
                split.principal());
        Loans.Transaction tx = transactions.record(loanId, type, date, amount, split.principal(), split.interest(),
                split.part(Allocation.Bucket.PENALTY), null, entry.id(), actor);
        audit.record(AuditEvent.success(actor, "loan.repay", "loan", l.number(),
                type + " " + amount.toPlainString() + " on " + date + ": principal " + split.principal().toPlainString()
                        + ", interest " + split.interest().toPlainString() + ", penalty "
                        + split.part(Allocation.Bucket.PENALTY).toPlainString()));
        if (settled) {
            events.publishEvent(new LoanEvent.LoanRepaid(loanId, l.institutionId(), l.borrowerId(), date));
        }
        return tx;
    }

    /**
     * Turns the schedule into one that ends on {@code date}: the current period ends today with the
     * interest it has earned so far, carrying all remaining principal; later periods go.
     */
    Loan splitAt(Loan l, LocalDate date, String actor) {
        List<Installment> s = store.installments(l.id());
        BigDecimal remaining = s.stream().filter(i -> !i.due().isBefore(date)).map(Installment::unpaidPrincipal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Installment current = s.stream().filter(i -> !i.start().isAfter(date) && i.due().isAfter(date)).findFirst()
                .orElse(null);
        if (current == null || current.start().equals(date)) {
            // on a due date (or the disbursement day): nothing earned in a period that has not started
            installments.dropUnpaidAfter(l.id(), date);
            BigDecimal inToday = s.stream().filter(i -> i.due().equals(date)).map(Installment::unpaidPrincipal)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (s.stream().anyMatch(i -> i.due().equals(date))) {
                installments.addPrincipalDueOn(l.id(), date, remaining.subtract(inToday));
            } else {
                int period = s.stream().filter(i -> i.due().isBefore(date)).mapToInt(Installment::period).max().orElse(0) + 1;
                LocalDate start = current == null ? date.minusDays(1) : current.start();
                installments.addFinal(l.id(), period, start.isBefore(date) ? start : date.minusDays(1), date, remaining);
            }
        } else {
            BigDecimal earned = Accrual.fen(Accrual.interestThrough(List.of(current), date.minusDays(1)));
            installments.dropAfter(l.id(), current.period());
            installments.endOn(l.id(), current.period(), date, earned, remaining);
        }
        return servicer.trueUp(store.lock(l.id()), date.minusDays(1), "loan:" + l.id() + ":payoff-true-up:" + date, actor);
    }

    /** Spreads the allocated parts over the installments, oldest first; returns the schedule as it now is. */
    private List<Installment> applyToInstallments(long loanId, List<Installment> s, LocalDate date, Allocation.Split split) {
        BigDecimal interest = split.interest();
        BigDecimal principal = split.principal();
        List<Installment> after = new java.util.ArrayList<>(s.size());
        for (Installment i : s) {
            if (i.due().isAfter(date) || (interest.signum() == 0 && principal.signum() == 0)) {
                after.add(i);
                continue;
            }
            BigDecimal pi = interest.min(i.unpaidInterest());
            BigDecimal pp = principal.min(i.unpaidPrincipal());
            interest = interest.subtract(pi);
            principal = principal.subtract(pp);
            if (pi.signum() > 0 || pp.signum() > 0) {
                installments.pay(loanId, i.period(), pp, pi);
            }
            after.add(new Installment(i.period(), i.start(), i.due(), i.principalDue(), i.interestDue(),
                    i.principalPaid().add(pp), i.interestPaid().add(pi)));
        }
        return after;
    }

    /** Adds {@code fee} to repayment transaction {@code tx}: a prepayment's fee is paid with it. */
    void chargeFee(long tx, BigDecimal fee) {
        transactions.chargeFee(tx, fee);
    }
}
