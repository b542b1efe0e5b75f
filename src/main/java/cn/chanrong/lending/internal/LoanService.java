package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ApplicationStatus;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Loans} API: contracts and disbursements through {@link Disbursement}, repayments through
 * {@link Repayments} and {@link PrepaymentService}, problem loans through {@link WorkoutService} and
 * {@link RestructuringService}, collateral through {@link SecurityService}; none of them calls back.
 */
@Service
class LoanService implements Loans {

    private final LoanStore store;
    private final TransactionStore transactions;
    private final ApplicationStore applicationStore;
    private final Servicer servicer;
    private final Disbursement disbursement;
    private final Repayments repayments;
    private final PrepaymentService prepayments;
    private final WorkoutService workouts;
    private final RestructuringService restructuring;
    private final SecurityService securities;
    private final FacilityService facilities;
    private final ApplicationService applications;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    LoanService(LoanStore store, TransactionStore transactions, ApplicationStore applicationStore, Servicer servicer, Disbursement disbursement, Repayments repayments,
                PrepaymentService prepayments, WorkoutService workouts, RestructuringService restructuring,
                SecurityService securities, FacilityService facilities, ApplicationService applications,
                BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.transactions = transactions;
        this.applicationStore = applicationStore;
        this.servicer = servicer;
        this.disbursement = disbursement;
        this.repayments = repayments;
        this.prepayments = prepayments;
        this.workouts = workouts;
        this.restructuring = restructuring;
        this.securities = securities;
        this.facilities = facilities;
        this.applications = applications;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Loan contract(Caller caller, long applicationId) {
        LoanApplication a = applications.get(caller, applicationId);
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.institution-only", null));
        }
        applicationStore.lock(applicationId);
        a = applications.get(caller, applicationId);
        ApplicationStatus contracted = a.status().contract().orThrow();
        LocalDate today = businessDate.today();
        String rateType = a.rateType();
        BigDecimal rate = "FIXED".equals(rateType) ? a.fixedRate()
                : disbursement.lpr(rateType, today).orElseThrow(() -> Rejected.invalid(Rejection.of("lending.rate.no-lpr",
                        "rateType", Disbursement.tenor(rateType).code(), today))).add(BigDecimal.valueOf(a.spreadBp(), 2));
        if (rate.signum() < 0) {
            throw Rejected.invalid(Rejection.of("range", "spreadBp", "0", "100", rate.toPlainString()));
        }
        facilities.draw(a.facilityId(), a.institutionId(), a.borrowerId(), a.amount(), today);
        ApplicationStore.ContractTerms extra = applicationStore.contractTerms(applicationId);
        List<BigDecimal> plan = extra.principalPlan();
        ContractedLoan c = disbursement.write(new ContractedLoan(null, null,
                new ContractedLoan.Parties(a.institutionId(), a.borrowerId(), null),
                new ContractedLoan.Origin(a.id(), a.facilityId(), a.productId(), null, null, null), a.amount(), a.termMonths(),
                new ContractedLoan.Pricing(a.rateType(), a.spreadBp(), rate, null),
                new ContractedLoan.Amortising(RepaymentMethod.valueOf(a.method()), DayCount.valueOf(a.dayCount()),
                        a.paymentDay() == null ? 0 : a.paymentDay(), a.periodMonths(), a.graceMonths(), plan),
                a.purpose(), a.paymentMode(), extra.greenCatalogueCode()), today, caller.username());
        applicationStore.contracted(applicationId, contracted);
        audit.record(AuditEvent.success(caller.username(), "loan.contract", "loan", c.number(),
                "application " + applicationId + " rate " + rate.toPlainString() + "%"));
        return store.get(caller, c.id());
    }

    @Override
    @Transactional
    public Loan disburse(Caller caller, long loanId, LocalDate valueDate, String payee) {
        return disburse(caller, loanId, valueDate, payee == null || payee.isBlank() ? List.of()
                : List.of(new Payee(payee, null, null)));
    }

    @Override
    @Transactional
    public Loan disburse(Caller caller, long loanId, LocalDate valueDate, List<Payee> payees) {
        disbursement.disburse(store.own(caller, loanId), valueDate, payees, caller.username());
        return store.get(caller, loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Payee> payees(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.payees(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public Dues dues(Caller caller, long loanId, LocalDate valueDate) {
        Loan l = store.get(caller, loanId);
        return servicer.dues(l, store.installments(loanId), valueDate == null ? businessDate.today() : valueDate);
    }

    @Override
    @Transactional
    public Transaction repay(Caller caller, long loanId, RepaymentRequest r) {
        Loan l = store.own(caller, loanId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, FacilityService.MAX_AMOUNT, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("lending.positive", "amount", r.amount().toPlainString()));
        }
        String type = r.type() == null || r.type().isBlank() ? "REPAYMENT"
                : ApplicationService.oneOf(r.type(), "type", List.of("REPAYMENT", "PAYOFF", "PREPAYMENT"), problems);
        String mode = r.mode() == null || r.mode().isBlank() ? "REDUCE_INSTALLMENT"
                : ApplicationService.oneOf(r.mode(), "mode", List.of("REDUCE_INSTALLMENT", "REDUCE_TERM"), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        LocalDate date = r.valueDate() == null ? businessDate.today() : r.valueDate();
        l = repayments.toValueDate(l, date, caller.username());
        return "PREPAYMENT".equals(type) ? transactions.get(prepayments.prepay(l, date, amount, mode, caller.username()))
                : repayments.repay(l, date, amount, type, caller.username());
    }

    @Override
    @Transactional
    public Loan reclassify(Caller caller, long loanId, Tier floor, String reason) {
        return workouts.reclassify(caller, loanId, floor, reason);
    }

    @Override
    @Transactional
    public Loan recordPurposeBreach(Caller caller, long loanId, String reason) {
        return workouts.purposeBreach(caller, loanId, reason);
    }

    @Override
    @Transactional
    public Loan writeOff(Caller caller, long loanId, String reason) {
        return workouts.writeOff(caller, loanId, reason);
    }

    @Override
    @Transactional
    public Transaction transfer(Caller caller, long loanId, TransferRequest request) {
        return workouts.transfer(caller, loanId, request);
    }

    @Override
    @Transactional
    public Transaction recover(Caller caller, long loanId, BigDecimal amount, LocalDate valueDate) {
        return workouts.recover(caller, loanId, amount, valueDate);
    }

    @Override
    @Transactional
    public Loan restructure(Caller caller, long loanId, RestructureRequest request) {
        return restructuring.restructure(caller, loanId, request);
    }

    @Override
    @Transactional
    public Loan renew(Caller caller, long loanId, RenewalRequest request) {
        return restructuring.renew(caller, loanId, request);
    }

    @Override
    @Transactional
    public cn.chanrong.lending.LoanSecurity attachSecurity(Caller caller, long loanId, SecurityRequest request) {
        Loan l = store.own(caller, loanId);
        l.status().secure().orThrow();
        return securities.attach(caller, l, request);
    }

    @Override
    @Transactional(readOnly = true)
    public List<cn.chanrong.lending.LoanSecurity> securities(Caller caller, long loanId) {
        store.get(caller, loanId);
        return securities.list(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public Loan get(Caller caller, long id) {
        return store.get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Loan> search(Caller caller, Filter filter, PageRequest page) {
        return store.search(caller, filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Installment> schedule(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.installments(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> tags(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.tags(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Transaction> transactions(Caller caller, long loanId) {
        store.get(caller, loanId);
        return transactions.of(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Classification> classifications(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.classifications(loanId);
    }
}
