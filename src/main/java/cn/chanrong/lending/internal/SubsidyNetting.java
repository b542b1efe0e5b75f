package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.lending.InterestSubsidies;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nets a treasury's interest subsidy off the installment due next: the loan brought to the posting day, the interest
 * counted as paid by the subsidy (the borrower's dues fall by it), the receivable moved to the treasury's account, a
 * {@code SUBSIDY} movement on the loan naming the subsidy.
 */
@Component
class SubsidyNetting implements InterestSubsidies {

    static final String TYPE = "SUBSIDY";

    private final LoanStore store;
    private final InstallmentStore installments;
    private final TransactionStore transactions;
    private final Servicer servicer;
    private final Postings postings;
    private final AuditTrail audit;

    SubsidyNetting(LoanStore store, InstallmentStore installments, TransactionStore transactions, Servicer servicer,
                   Postings postings, AuditTrail audit) {
        this.store = store;
        this.installments = installments;
        this.transactions = transactions;
        this.servicer = servicer;
        this.postings = postings;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal net(long loanId, LocalDate due, LocalDate on, BigDecimal amount, String source, String actor) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        if (amount.signum() <= 0 || on.isAfter(due)) {
            return zero;
        }
        Loan l = store.lock(loanId);
        if (l.status() != LoanStatus.ACTIVE || l.nonAccrual() || transactions.has(loanId, TYPE, on, source)) {
            return zero;
        }
        l = servicer.bringTo(l, on, actor);
        Installment next = store.installments(loanId).stream().filter(i -> i.due().equals(due)).findFirst().orElse(null);
        if (next == null) {
            return zero;
        }
        // never more than the installment still owes in interest, nor than the loan's receivable holds
        BigDecimal netted = amount.min(next.unpaidInterest()).min(l.receivable());
        if (netted.signum() <= 0) {
            return zero;
        }
        installments.pay(loanId, next.period(), BigDecimal.ZERO, netted);
        store.repaid(loanId, BigDecimal.ZERO, netted, BigDecimal.ZERO, netted, BigDecimal.ZERO, l.daysPastDue(), l.status(),
                l.provision());
        var entry = postings.subsidyNetted(l.institutionId(), loanId, on, netted,
                "loan:" + loanId + ":subsidy:" + due + ":" + source, actor);
        transactions.record(loanId, TYPE, on, netted, BigDecimal.ZERO, netted, BigDecimal.ZERO, source, entry.id(), actor);
        audit.record(AuditEvent.success(actor, "loan.subsidy-netted", "loan", l.number(),
                source + " " + netted.toPlainString() + " off the interest due " + due));
        return netted;
    }
}
