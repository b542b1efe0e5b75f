package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.InterestTiming;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.lending.schedule.SinglePaymentTerms;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books supply-chain financings as bullet loans with one installment at maturity, so accrual, the
 * five tiers, end of day and the ledger treat them like every other loan: each is contracted by the one
 * writer of new loans and paid out by the same {@link Disbursement} step, its installment resolved by
 * the schedule core (interest in arrears on the principal, or in advance on the face value).
 */
@Service
class TradeFinanceService implements TradeFinance {

    /** Trade finance counts actual days over 360. */
    static final DayCount DAY_COUNT = DayCount.ACT_360;

    private final LoanStore store;
    private final FacilityStore facilityStore;
    private final Disbursement disbursement;
    private final Repayments repayments;
    private final FacilityService facilities;
    private final Servicer servicer;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final SecurityStore securities;

    private final RestrictedCredit restricted;

    TradeFinanceService(LoanStore store, FacilityStore facilityStore, Disbursement disbursement, Repayments repayments,
                        FacilityService facilities, Servicer servicer, BusinessDate businessDate, AuditTrail audit,
                        SecurityStore securities, RestrictedCredit restricted) {
        this.restricted = restricted;
        this.securities = securities;
        this.store = store;
        this.facilityStore = facilityStore;
        this.disbursement = disbursement;
        this.repayments = repayments;
        this.facilities = facilities;
        this.servicer = servicer;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    public Priced price(Financing f) {
        Schedule.Installment only = schedule(f).installments().get(0);
        return new Priced(only.principal(), only.interest());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Loan finance(Financing f) {
        return book(f, schedule(f).installments().get(0).principal());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Loan book(Booking b) {
        if (b.principal() == null || b.principal().signum() <= 0 || b.principal().scale() > 2) {
            throw Rejected.invalid(Rejection.of("lending.positive", "amount", b.principal()));
        }
        if (b.interest() == null || b.interest().signum() < 0) {
            throw Rejected.invalid(Rejection.of("lending.positive", "interest", b.interest()));
        }
        Financing f = financing(b, Interest.AT_MATURITY, b.principal());
        if (schedule(f).installments().get(0).interest().compareTo(b.interest()) != 0) {
            // not interest at maturity on the principal: a discount, whose face value is what the loan repays
            f = financing(b, Interest.IN_ADVANCE, b.principal().add(b.interest()));
            Schedule.Installment discount = schedule(f).installments().get(0);
            if (discount.interest().compareTo(b.interest()) != 0 || discount.principal().compareTo(b.principal()) != 0) {
                throw new IllegalArgumentException("interest " + b.interest() + " on " + b.reference()
                        + " is neither interest at maturity on the principal nor a discount's on the face value");
            }
        }
        return book(f, b.principal());
    }

    private static Financing financing(Booking b, Interest interest, BigDecimal amount) {
        return new Financing(b.institutionId(), b.borrowerId(), b.obligorId(), b.facilityId(), amount, interest,
                b.annualRate(), b.valueDate(), b.maturity(), b.purpose(), b.reference(), b.payee(), b.actor(),
                b.guaranteeMethod(), b.pledge());
    }

    /** The financing's one installment from the schedule core; terms that make none are refused. */
    private static Schedule schedule(Financing f) {
        if (f.amount() == null || f.amount().signum() <= 0 || f.amount().scale() > 2) {
            throw Rejected.invalid(Rejection.of("lending.positive", "amount", f.amount()));
        }
        if (!f.maturity().isAfter(f.valueDate())) {
            throw Rejected.invalid(Rejection.of("date.too-early", "maturity", f.maturity(), f.valueDate().plusDays(1)));
        }
        if (f.annualRate() == null || f.annualRate().signum() < 0 || f.annualRate().compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw Rejected.invalid(Rejection.of("range", "annualRate", "0", "100", String.valueOf(f.annualRate())));
        }
        SinglePaymentTerms terms = new SinglePaymentTerms(f.amount(), f.annualRate(), f.valueDate(), f.maturity(), DAY_COUNT,
                timing(f.interest()));
        if (terms.timing() == InterestTiming.IN_ADVANCE) {
            BigDecimal interest = ScheduleCalculator.calculate(SinglePaymentTerms.inArrears(f.amount(), f.annualRate(),
                    f.valueDate(), f.maturity(), DAY_COUNT)).installments().get(0).interest();
            if (interest.compareTo(f.amount()) >= 0) {
                throw Rejected.invalid(Rejection.of("lending.positive", "amount", f.amount().subtract(interest)));
            }
        }
        return ScheduleCalculator.calculate(terms);
    }

    private static InterestTiming timing(Interest interest) {
        return interest == Interest.IN_ADVANCE ? InterestTiming.IN_ADVANCE : InterestTiming.IN_ARREARS;
    }

    /** Draws the facility, contracts the loan and pays it out through the single disbursement. */
    private Loan book(Financing f, BigDecimal principal) {
        if (f.guaranteeMethod() == null || f.pledge() != null && f.guaranteeMethod() != cn.chanrong.lending.GuaranteeMethod.PLEDGE) {
            throw new IllegalArgumentException("a financing states its guarantee method, and only a pledge records a pledge: "
                    + f.guaranteeMethod() + " " + f.pledge());
        }
        // a financing is credit to the firm that receives the money: none under an eliminated (淘汰类) entry
        restricted.refusal(f.borrowerId(), cn.chanrong.reference.domain.RestrictedIndustryPolicy.Use.OTHER, "borrowerId")
                .ifPresent(r -> {
                    throw Rejected.invalid(r);
                });
        Long facilityId = f.facilityId() != null ? f.facilityId() : facilityStore
                .lineFor(f.institutionId(), f.obligorId(), f.valueDate(), principal)
                .orElseThrow(() -> Rejected.invalid(Rejection.of("lending.trade.no-facility", "institutionId",
                        f.institutionId(), f.obligorId())));
        facilities.draw(facilityId, f.institutionId(), f.obligorId(), principal, f.valueDate());
        SinglePaymentTerms terms = new SinglePaymentTerms(f.amount(), f.annualRate(), f.valueDate(), f.maturity(), DAY_COUNT,
                timing(f.interest()));
        ContractedLoan c = disbursement.write(new ContractedLoan(null, null,
                new ContractedLoan.Parties(f.institutionId(), f.borrowerId(), f.obligorId()),
                new ContractedLoan.Origin(null, facilityId, null, null, null, f.reference()), principal, terms.months(),
                ContractedLoan.Pricing.fixed(f.annualRate()),
                new ContractedLoan.SinglePayment(f.maturity(), DAY_COUNT, terms.timing(),
                        terms.timing() == InterestTiming.IN_ADVANCE ? f.amount() : null),
                f.purpose(), "SELF", null), f.valueDate(), f.actor());
        // how the financing is secured, or that it buys the claim: never a credit loan by default
        store.recordGuarantee(c.id(), f.guaranteeMethod());
        if (f.pledge() != null) {
            securities.attachPledge(c.id(), f.pledge().asset(), f.pledge().value(), f.pledge().filingNumber(),
                    f.pledge().priorityPosition(), f.actor());
        }
        Loan loan = disbursement.disburse(c, f.valueDate(), Disbursement.Payout.to(f.payee()), f.actor());
        audit.record(AuditEvent.success(f.actor(), "loan.trade-finance", "loan", c.number(),
                f.reference() + " " + principal.toPlainString() + " to " + f.maturity()));
        return loan;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal collect(long loanId, BigDecimal amount, LocalDate valueDate, String actor) {
        Loan l = store.lock(loanId);
        if (!l.status().onBook() || amount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        LocalDate date = valueDate == null ? businessDate.today() : valueDate;
        Loans.Dues dues = servicer.dues(l, store.installments(loanId), date);
        if (amount.compareTo(dues.payoff()) >= 0) {
            repayments.repay(repayments.toValueDate(l, date, actor), date, dues.payoff(), "PAYOFF", actor);
            return dues.payoff();
        }
        BigDecimal applied = amount.min(dues.dueNow());
        if (applied.signum() > 0) {
            repayments.repay(repayments.toValueDate(l, date, actor), date, applied, "REPAYMENT", actor);
        }
        return applied.max(BigDecimal.ZERO);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Loan> byReference(String reference) {
        return store.byTradeReference(reference).map(id -> store.get(Caller.system("trade-finance"), id));
    }
}
