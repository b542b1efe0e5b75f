package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.domain.SizeClass;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Restructuring (重组) and renewal without repaying principal (无还本续贷): both give outstanding
 * principal a new schedule, but only the first is a concession to a debtor in difficulty, with an
 * observation period and a floor on the tier; the second leaves the classification alone.
 */
@Component
class RestructuringService {

    private final LoanStore store;
    private final InstallmentStore installments;
    private final TransactionStore transactions;
    private final WorkoutStore workouts;
    private final ClassificationStore classifications;
    private final Repayments repayments;
    private final Disbursement disbursement;
    private final Servicer servicer;
    private final Postings postings;
    private final BusinessDate businessDate;
    private final Enterprises enterprises;
    private final AuditTrail audit;

    RestructuringService(LoanStore store, InstallmentStore installments, TransactionStore transactions,
                         WorkoutStore workouts, ClassificationStore classifications, Repayments repayments, Disbursement disbursement,
                         Servicer servicer, Postings postings,
                         BusinessDate businessDate, Enterprises enterprises, AuditTrail audit) {
        this.store = store;
        this.installments = installments;
        this.transactions = transactions;
        this.workouts = workouts;
        this.classifications = classifications;
        this.repayments = repayments;
        this.disbursement = disbursement;
        this.servicer = servicer;
        this.postings = postings;
        this.businessDate = businessDate;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    Loan restructure(Caller caller, long loanId, Loans.RestructureRequest r) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.financialDifficulty())) {
            problems.add(Rejection.of("lending.restructure.not-in-difficulty", "financialDifficulty"));
        }
        if (r.termMonths() == null) {
            problems.add(Rejection.of("required", "termMonths"));
        } else if (r.termMonths() < 1 || r.termMonths() > 360) {
            problems.add(Rejection.of("range", "termMonths", 1, 360, r.termMonths()));
        }
        BigDecimal rate = r.annualRate() == null ? l.annualRate()
                : Amounts.check(r.annualRate(), "annualRate", false, BigDecimal.valueOf(36), problems);
        if (r.reason() == null || r.reason().strip().length() < 4) {
            problems.add(Rejection.of("length", "reason", 4, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        LocalDate today = businessDate.today();
        l = repayments.toValueDate(l, today, caller.username());
        // the tier the loan has earned by yesterday, before the concession
        var earned = servicer.ruled(l, today.minusDays(1), null);
        if (earned.tier().compareTo(l.tier()) > 0) {
            l = servicer.apply(l, earned.tier(), earned.rule(), Postings.WORDS.both("reason.dpd", l.daysPastDue()),
                    today.minusDays(1), caller.username());
        }
        l = repayments.splitAt(l, today, caller.username());
        List<Installment> s = store.installments(loanId);
        BigDecimal unpaidInterest = s.stream().map(Installment::unpaidInterest).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unpaidPenalty = l.penaltyAccrued().subtract(l.penaltyPaid());
        BigDecimal arrears = unpaidInterest.add(unpaidPenalty);
        if (arrears.signum() > 0 && !Boolean.TRUE.equals(r.forgiveArrears())) {
            throw Rejected.invalid(Rejection.of("lending.restructure.arrears", "forgiveArrears", arrears.toPlainString()));
        }
        if (arrears.signum() > 0) {
            forgive(l, today, unpaidPenalty, caller.username());
            l = store.lock(loanId);
        }
        Servicer.Exact before = servicer.exact(loanId);
        boolean inObservation = before.observationEnd() != null && !today.isAfter(before.observationEnd());
        boolean nplBefore = l.tier().nonPerforming() || inObservation && before.nplBeforeRestructure();
        // the floor of the observation period: the tier before the concession (restructured again: the worse one)
        Tier earlier = classifications.facts(loanId).tierBeforeRestructure();
        classifications.tierBeforeRestructure(loanId,
                inObservation && earlier != null ? Tier.worse(earlier, l.tier()) : l.tier());
        BigDecimal principal = l.principalOutstanding();
        installments.clearUnpaidPrincipal(loanId);
        Schedule schedule = ScheduleCalculator.calculate(new LoanTerms(principal, r.termMonths(), rate,
                newScheduleMethod(l), today, DayCount.valueOf(l.dayCount())));
        int offset = s.stream().mapToInt(Installment::period).max().orElse(0);
        installments.write(loanId, offset + 1, today, schedule);
        LocalDate first = schedule.installments().get(0).date();
        LocalDate second = schedule.installments().size() > 1 ? schedule.installments().get(1).date() : first;
        LocalDate observationEnd = later(first.plusMonths(12), second);
        workouts.restructured(loanId, rate, schedule.installments().get(schedule.installments().size() - 1).date(), today,
                inObservation, nplBefore, first, observationEnd);
        Loan now = store.lock(loanId);
        var ruled = servicer.ruled(now, today, null);
        Tier to = now.tier().nonPerforming() ? Tier.worse(now.tier(), ruled.tier()) : ruled.tier();
        String reason = r.reason().strip();
        classifications.recordRestructured(loanId, today, now.tier(), to,
                Postings.WORDS.both("reason.restructured") + ": " + reason, caller.username());
        servicer.apply(now, to, "restructured-observation", reason, today, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.restructure", "loan", l.number(),
                principal.toPlainString() + " over " + r.termMonths() + " months at " + rate.toPlainString()
                        + "%, forgiven " + arrears.toPlainString() + ", observation to " + observationEnd + ": " + reason));
        return store.get(caller, loanId);
    }

    /** Forgives all unpaid interest (the schedule's) and penalty; the reversal is posted by the true-up. */
    private void forgive(Loan l, LocalDate today, BigDecimal unpaidPenalty, String actor) {
        installments.forgiveUnpaidInterest(l.id());
        Loan after = servicer.trueUp(store.lock(l.id()), today.minusDays(1), "loan:" + l.id() + ":forgive-interest:" + today,
                actor);
        if (unpaidPenalty.signum() > 0) {
            BigDecimal fromReceivable = unpaidPenalty.min(after.receivable());
            BigDecimal fromMemo = unpaidPenalty.subtract(fromReceivable);
            postings.forgiveness(l.institutionId(), l.id(), today, fromReceivable, fromMemo,
                    "loan:" + l.id() + ":forgive-penalty:" + today, actor);
            workouts.forgivePenalty(l.id(), unpaidPenalty, fromReceivable, fromMemo);
        }
    }

    /** A custom plan was agreed for the old terms; the new ones repay equal principal. */
    private static RepaymentMethod newScheduleMethod(Loan l) {
        RepaymentMethod m = RepaymentMethod.valueOf(l.method());
        return m == RepaymentMethod.CUSTOM ? RepaymentMethod.EQUAL_PRINCIPAL : m;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    Loan renew(Caller caller, long loanId, Loans.RenewalRequest r) {
        Loan l = store.own(caller, loanId);
        if (!caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        LoanStatus renewed = l.status().renew().orThrow();
        if (!"WORKING_CAPITAL".equals(l.purpose())) {
            problems.add(Rejection.of("lending.renewal.purpose", null, l.purpose()));
        }
        if (l.tier().nonPerforming() || l.daysPastDue() > 0) {
            problems.add(Rejection.of("lending.renewal.not-performing", null, l.tier().name(), l.daysPastDue()));
        }
        if (l.maturityDate().isAfter(today.plusDays(30))) {
            problems.add(Rejection.of("lending.renewal.too-early", null, l.maturityDate()));
        }
        SizeClass size = enterprises.get(Caller.system("lending"), l.borrowerId()).sizeClass();
        if (size == null || size == SizeClass.LARGE) {
            problems.add(Rejection.of("lending.renewal.not-sme", null, String.valueOf(size)));
        }
        if (r.termMonths() == null) {
            problems.add(Rejection.of("required", "termMonths"));
        } else if (r.termMonths() < 1 || r.termMonths() > 36) {
            problems.add(Rejection.of("range", "termMonths", 1, 36, r.termMonths()));
        }
        BigDecimal interest = Amounts.check(r.interestPayment() == null ? BigDecimal.ZERO : r.interestPayment(), "interestPayment",
                false, FacilityService.MAX_AMOUNT, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        l = repayments.toValueDate(l, today, caller.username());
        l = repayments.splitAt(l, today, caller.username());
        List<Installment> s = store.installments(loanId);
        BigDecimal owedInterest = s.stream().map(Installment::unpaidInterest).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(l.penaltyAccrued().subtract(l.penaltyPaid()));
        if (interest.compareTo(owedInterest) != 0) {
            throw Rejected.invalid(Rejection.of("lending.renewal.interest", "interestPayment", interest.toPlainString(),
                    owedInterest.toPlainString()));
        }
        if (interest.signum() > 0) {
            repayments.pay(l, today, interest, "REPAYMENT", false, caller.username());
            l = store.lock(loanId);
        }
        BigDecimal principal = l.principalOutstanding();
        BigDecimal rate = l.annualRate();
        if (l.rateType().startsWith("LPR")) {
            rate = disbursement.lpr(l.rateType(), today).orElse(rate.subtract(BigDecimal.valueOf(l.spreadBp(), 2)))
                    .add(BigDecimal.valueOf(l.spreadBp(), 2));
        }
        // the new loan carries the old one's terms and tier: a renewal is not a downgrade
        ContractedLoan old = store.contracted(loanId);
        ContractedLoan renewal = disbursement.write(new ContractedLoan(null, null,
                new ContractedLoan.Parties(l.institutionId(), l.borrowerId(), null),
                new ContractedLoan.Origin(null, l.facilityId(), l.productId(), null, loanId, null), principal, r.termMonths(),
                old.pricing().at(rate), ContractedLoan.Amortising.plain(newScheduleMethod(l), DayCount.valueOf(l.dayCount())),
                l.purpose(), l.paymentMode(), null), today, caller.username());
        long newId = renewal.id();
        String number = renewal.number();
        disbursement.activate(renewal, today);
        store.carryTier(newId, l.tier());
        var entry = postings.renewal(l.institutionId(), loanId, newId, today, principal, caller.username());
        installments.settlePrincipal(loanId);
        store.renewed(loanId, renewed);
        transactions.record(loanId, "RENEWAL", today, principal, principal, BigDecimal.ZERO, BigDecimal.ZERO,
                Postings.WORDS.both("payee.renewed-as") + " " + number, entry.id(), caller.username());
        transactions.record(newId, "DISBURSEMENT", today, principal, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                Postings.WORDS.both("payee.renewal-of") + " " + l.number(), entry.id(), caller.username());
        servicer.provision(store.lock(loanId), today, caller.username());
        if (Boolean.TRUE.equals(r.debtorFinancesAbnormal())) {
            classifications.renewedWhileAbnormal(newId);
            Loan fresh = store.lock(newId);
            servicer.apply(fresh, Tier.worse(fresh.tier(), Tier.SPECIAL_MENTION), "renewal-while-abnormal",
                    Postings.WORDS.both("reason.renewal-while-abnormal"), today, caller.username());
        }
        servicer.provision(store.lock(newId), today, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.renew", "loan", l.number(),
                "renewed without repaying principal as " + number + ": " + principal.toPlainString() + " over "
                        + r.termMonths() + " months at " + rate.toPlainString() + "%"
                        + (Boolean.TRUE.equals(r.debtorFinancesAbnormal()) ? ", debtor's finances abnormal" : "")));
        return store.get(caller, newId);
    }
}
