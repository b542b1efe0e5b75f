package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Sanctions;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acts on a loan after a confirmed diversion ({@code loan_sanction}), each in the transaction that takes
 * it, on the loan locked: a stop on further drawdowns (which {@link DrawdownService} honours), the diversion
 * penalty, acceleration, 关注.
 */
@Service
class SanctionService implements Sanctions {

    private final LoanStore store;
    private final Servicer servicer;
    private final AccrualStore accruals;
    private final InstallmentStore installments;
    private final Postings postings;
    private final WorkoutService workouts;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final SanctionStore sanctions;

    SanctionService(LoanStore store, Servicer servicer, AccrualStore accruals, InstallmentStore installments, Postings postings,
                    WorkoutService workouts, BusinessDate businessDate, AuditTrail audit, SanctionStore sanctions) {
        this.store = store;
        this.servicer = servicer;
        this.accruals = accruals;
        this.installments = installments;
        this.postings = postings;
        this.workouts = workouts;
        this.businessDate = businessDate;
        this.audit = audit;
        this.sanctions = sanctions;
    }

    @Override
    @Transactional
    public Act act(Caller caller, long loanId, Kind kind, String caseNumber, String reason, Diversion diversion) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 500) {
            throw Rejected.invalid(Rejection.of("length", "reason", 4, 500));
        }
        if (caseNumber == null || caseNumber.isBlank()) {
            throw Rejected.invalid(Rejection.of("required", "caseNumber"));
        }
        taken(List.of(caseNumber.strip())).stream().filter(a -> a.kind() == kind && a.loanId() == loanId).findFirst().ifPresent(a -> {
            throw Rejected.conflict(Rejection.of("lending.sanction.taken", null, caseNumber, a.actedBy(), a.businessDate()));
        });
        LocalDate today = businessDate.today();
        Long contract = store.contractOf(loanId);
        long contractLoan = contract == null ? loanId : contract;
        String actor = caller.username();
        BigDecimal catchUp = null;
        Long entry = null;
        switch (kind) {
            case STOP_DRAWDOWNS -> l.status().service().orThrow();
            case SPECIAL_MENTION -> workouts.purposeBreach(caller, loanId, why + " (" + caseNumber + ")");
            case ACCELERATION -> accelerate(l, today, caseNumber, actor);
            case DIVERSION_PENALTY -> {
                check(l, diversion, today);
                Optional<BigDecimal> markup = Optional.ofNullable(servicer.exact(loanId).diversionMarkup());
                if (markup.isPresent() && markup.get().compareTo(diversion.markup()) != 0) {
                    throw Rejected.invalid(Rejection.of("lending.diversion.markup", "markup", diversion.markup(), markup.get()));
                }
                Loan brought = l.accruedThrough() != null && l.accruedThrough().isBefore(today.minusDays(1))
                        ? servicer.bringTo(l, today.minusDays(1), actor) : l;
                List<Installment> s = store.installments(loanId);
                Servicer.Exact x = servicer.exact(loanId);
                // the days already closed, from the diversion date: one catch-up on the business date
                BigDecimal exact = brought.accruedThrough() == null ? BigDecimal.ZERO
                        : Accrual.diversion(s, diversion.amount(), diversion.since().minusDays(1), brought.accruedThrough(),
                        brought.annualRate(), diversion.markup());
                BigDecimal penaltyExact = x.penaltyExact().add(exact, MathContext.DECIMAL128);
                catchUp = Accrual.fen(penaltyExact).subtract(brought.penaltyAccrued());
                if (catchUp.signum() != 0) {
                    entry = postings.accrual(brought.institutionId(), loanId, today, catchUp, brought.nonAccrual(),
                            "loan:" + loanId + ":diversion:" + caseNumber, actor).id();
                }
                accruals.divert(loanId, penaltyExact, catchUp, brought.nonAccrual(), diversion.amount(), diversion.markup());
            }
        }
        sanctions.insert(loanId, contractLoan, kind, caseNumber.strip(), why, today, diversion, catchUp, entry, actor);
        audit.record(AuditEvent.success(actor, "loan.sanction." + kind.name().toLowerCase(), "loan", l.number(),
                caseNumber + (catchUp == null ? "" : ": catch-up " + catchUp.toPlainString()) + ": " + why));
        return taken(List.of(caseNumber.strip())).stream().filter(a -> a.kind() == kind && a.loanId() == loanId).findFirst()
                .orElseThrow();
    }

    private static void check(Loan l, Diversion d, LocalDate today) {
        List<Rejection> problems = new ArrayList<>();
        if (d == null || d.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (d.amount().signum() <= 0 || d.amount().compareTo(l.principal()) > 0) {
            problems.add(Rejection.of("range", "amount", "0.01", l.principal().toPlainString(), d.amount().toPlainString()));
        }
        if (d == null || d.since() == null) {
            problems.add(Rejection.of("required", "since"));
        } else if (l.disbursedOn() == null || d.since().isBefore(l.disbursedOn()) || d.since().isAfter(today)) {
            problems.add(Rejection.of("range", "since", l.disbursedOn(), today, d.since()));
        }
        if (d == null || d.markup() == null) {
            problems.add(Rejection.of("required", "markup"));
        } else if (d.markup().compareTo(MIN_MARKUP) < 0 || d.markup().compareTo(MAX_MARKUP) > 0) {
            problems.add(Rejection.of("range", "markup", MIN_MARKUP, MAX_MARKUP, d.markup().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        l.status().service().orThrow();
    }

    /**
     * Calls the loan early: brought to the day before, its current period ends today with the interest earned
     * to then, and everything outstanding falls due today; unpaid, it is overdue from tomorrow and bears the
     * penalty rate.
     */
    private void accelerate(Loan l, LocalDate today, String caseNumber, String actor) {
        l.status().service().orThrow();
        Loan brought = l.accruedThrough() != null && l.accruedThrough().isBefore(today.minusDays(1))
                ? servicer.bringTo(l, today.minusDays(1), actor) : l;
        List<Installment> later = store.installments(brought.id()).stream().filter(i -> i.due().isAfter(today)).toList();
        if (later.isEmpty()) {
            throw Rejected.conflict(Rejection.of("lending.accelerate.all-due", null, brought.number()));
        }
        Installment current = later.getFirst();
        BigDecimal earned = current.start().isBefore(today)
                ? Accrual.fen(Accrual.interestThrough(List.of(current), today.minusDays(1))) : BigDecimal.ZERO.setScale(2);
        BigDecimal principal = current.principalPaid();
        for (Installment i : later) {
            principal = principal.add(i.unpaidPrincipal());
        }
        installments.dropFrom(brought.id(), current.period() + 1);
        installments.endEarly(brought.id(), current.period(), today, principal, earned.max(current.interestPaid()));
        installments.matureOn(brought.id(), today);
        servicer.trueUp(store.lock(brought.id()), today.minusDays(1), "loan:" + brought.id() + ":acceleration:" + caseNumber,
                actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Act> taken(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return sanctions.taken(caseNumbers);
    }

    /** The case number of a stop on further drawdowns under the contract of {@code contractLoanId}, if any. */
    Optional<String> drawdownsStopped(long contractLoanId) {
        return sanctions.drawdownsStopped(contractLoanId);
    }
}
