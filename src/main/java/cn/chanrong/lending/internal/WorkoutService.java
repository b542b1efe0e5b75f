package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problem loans: manual reclassification (downgrades freely, upgrades only when the rules allow),
 * write-off (核销) into memo accounts with later recoveries, and transfer (转让) of non-performing
 * loans at a price. Called by {@link LoanService}, inside its transactions; it never calls back.
 */
@Component
class WorkoutService {

    private final LoanStore store;
    private final WorkoutStore workouts;
    private final ClassificationStore classifications;
    private final TransactionStore transactions;
    private final Servicer servicer;
    private final Postings postings;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    private final org.springframework.context.ApplicationEventPublisher events;

    WorkoutService(LoanStore store, WorkoutStore workouts, ClassificationStore classifications,
                   TransactionStore transactions, Servicer servicer, Postings postings,
                   BusinessDate businessDate, AuditTrail audit,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.workouts = workouts;
        this.classifications = classifications;
        this.transactions = transactions;
        this.servicer = servicer;
        this.postings = postings;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Transactional
    Loan reclassify(Caller caller, long loanId, Tier floor, String reason) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        if (floor == null) {
            throw Rejected.invalid(Rejection.of("required", "tier"));
        }
        if (reason == null || reason.strip().length() < 4) {
            throw Rejected.invalid(Rejection.of("length", "reason", 4, 500));
        }
        l.status().service().orThrow();
        LocalDate today = businessDate.today();
        if (floor.compareTo(l.tier()) < 0) {
            // an upgrade: the automatic rules without the old manual floor must allow it
            Loan unfloored = withFloor(l, null);
            var ruled = servicer.ruled(unfloored, today, null);
            if (ruled.tier().compareTo(floor) > 0) {
                throw Rejected.conflict(Rejection.of("lending.reclassify.rule-holds", "tier", ruled.tier().name(),
                        ruled.rule()));
            }
            if (l.tier().nonPerforming()) {
                boolean otherNpl = classifications.otherNonPerforming(l.id());
                String blocker = servicer.nplUpgradeBlocker(l, today, otherNpl);
                if (blocker != null) {
                    throw Rejected.conflict(Rejection.of("lending.reclassify.upgrade-conditions", "tier", blocker));
                }
            }
        }
        classifications.floor(loanId, floor == Tier.NORMAL ? null : floor);
        Loan floored = store.lock(loanId);
        var ruled = servicer.ruled(floored, today, null);
        Tier to = Tier.worse(floor, ruled.tier());
        servicer.apply(floored, to, "manual", reason.strip(), today, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.reclassify", "loan", l.number(),
                l.tier() + " -> " + to + ": " + reason.strip()));
        return store.get(caller, loanId);
    }

    private static Loan withFloor(Loan l, Tier floor) {
        return new Loan(l.id(), l.number(), l.institutionId(), l.borrowerId(), l.borrowerName(), l.applicationId(),
                l.facilityId(), l.productId(), l.principal(), l.termMonths(), l.rateType(), l.spreadBp(), l.annualRate(),
                l.penaltyMarkup(), l.method(), l.dayCount(), l.purpose(), l.paymentMode(), l.periodMonths(), l.status(),
                l.disbursedOn(),
                l.maturityDate(), l.principalOutstanding(), l.interestAccrued(), l.penaltyAccrued(), l.interestPaid(),
                l.penaltyPaid(), l.receivable(), l.memoReceivable(), l.provision(), l.writtenOff(), l.recovered(),
                l.accruedThrough(), l.daysPastDue(), l.tier(), floor, l.nonAccrual(), l.version(), l.guaranteeMethod(),
                l.riskObligorId(), l.riskObligorName());
    }

    /**
     * Records an unauthorised change of purpose the lender found: the loan is at least 关注 from now on
     * (rule {@code purpose-breach}, 商业银行金融资产风险分类办法 2023).
     */
    @Transactional
    Loan purposeBreach(Caller caller, long loanId, String reason) {
        Loan l = store.own(caller, loanId);
        if (reason == null || reason.strip().length() < 4 || reason.strip().length() > 500) {
            throw Rejected.invalid(Rejection.of("length", "reason", 4, 500));
        }
        l.status().service().orThrow();
        LocalDate today = businessDate.today();
        classifications.purposeBreach(loanId, today, reason.strip(), caller.username());
        var ruled = servicer.ruled(l, today, null);
        if (ruled.tier().compareTo(l.tier()) > 0) {
            servicer.apply(l, ruled.tier(), ruled.rule(), reason.strip(), today, caller.username());
        }
        audit.record(AuditEvent.success(caller.username(), "loan.purpose-breach", "loan", l.number(), reason.strip()));
        return store.get(caller, loanId);
    }

    @Transactional
    Loan writeOff(Caller caller, long loanId, String reason) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        if (reason == null || reason.strip().length() < 4) {
            throw Rejected.invalid(Rejection.of("length", "reason", 4, 500));
        }
        LoanStatus writtenOff = l.status().writeOff(l.tier()).orThrow();
        LocalDate today = businessDate.today();
        l = l.accruedThrough().isBefore(today.minusDays(1)) ? servicer.bringTo(l, today.minusDays(1), caller.username()) : l;
        BigDecimal claim = l.principalOutstanding().add(l.receivable()).add(l.memoReceivable());
        var entry = postings.writeOff(l.institutionId(), loanId, today, l.principalOutstanding(), l.provision(),
                l.receivable(), l.memoReceivable(), caller.username());
        workouts.writtenOff(loanId, writtenOff, claim);
        transactions.record(loanId, "WRITE_OFF", today, claim, l.principalOutstanding(), l.receivable().add(l.memoReceivable()),
                BigDecimal.ZERO, null, entry.id(), caller.username());
        classifications.recordWriteOff(loanId, today, l.tier(), reason.strip(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.write-off", "loan", l.number(),
                claim.toPlainString() + ": " + reason.strip()));
        return store.get(caller, loanId);
    }

    @Transactional
    Loans.Transaction transfer(Caller caller, long loanId, Loans.TransferRequest r) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        BigDecimal price = Amounts.check(r.price(), "price", false, FacilityService.MAX_AMOUNT, problems);
        if (price != null && price.signum() == 0) {
            problems.add(Rejection.of("lending.positive", "price", r.price().toPlainString()));
        }
        if (r.buyer() == null || r.buyer().strip().length() < 2) {
            problems.add(Rejection.of("required", "buyer"));
        }
        if (r.reason() == null || r.reason().strip().length() < 4) {
            problems.add(Rejection.of("length", "reason", 4, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        LoanStatus transferred = l.status().transfer(l.tier()).orThrow();
        LocalDate today = businessDate.today();
        l = l.accruedThrough().isBefore(today.minusDays(1)) ? servicer.bringTo(l, today.minusDays(1), caller.username()) : l;
        var entry = postings.transfer(l.institutionId(), loanId, today, price, l.principalOutstanding(), l.provision(),
                l.receivable(), l.memoReceivable(), caller.username());
        workouts.transferred(loanId, transferred);
        Loans.Transaction tx = transactions.record(loanId, "TRANSFER", today, price,
                l.principalOutstanding(), l.receivable().add(l.memoReceivable()), BigDecimal.ZERO,
                r.buyer().strip(), entry.id(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.transfer", "loan", l.number(),
                "to " + r.buyer().strip() + " at " + price.toPlainString() + ": " + r.reason().strip()));
        return tx;
    }

    @Transactional
    Loans.Transaction recover(Caller caller, long loanId, BigDecimal given, LocalDate valueDate) {
        Loan l = store.own(caller, loanId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(given, "amount", false, FacilityService.MAX_AMOUNT, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("lending.positive", "amount", given.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        l.status().recover().orThrow();
        BigDecimal open = l.writtenOff().subtract(l.recovered());
        if (amount.compareTo(open) > 0) {
            throw Rejected.invalid(Rejection.of("lending.repay.above-due", "amount", amount.toPlainString(),
                    open.toPlainString()));
        }
        LocalDate today = businessDate.today();
        LocalDate date = valueDate == null ? today : valueDate;
        if (date.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "valueDate", date, today));
        }
        long seq = transactions.next(loanId);
        var entry = postings.recovery(l.institutionId(), loanId, date, amount, amount, "loan:" + loanId + ":recovery:" + seq,
                caller.username());
        workouts.recovered(loanId, amount);
        Loans.Transaction tx = transactions.record(loanId, "RECOVERY", date, amount, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                entry.id(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.recover", "loan", l.number(), amount.toPlainString()));
        events.publishEvent(new cn.chanrong.lending.LoanEvent.LoanRecovered(loanId, l.institutionId(), amount, date,
                caller.username()));
        return tx;
    }
}
