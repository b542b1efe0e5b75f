package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans.Payee;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How a loan comes into being and is paid out. {@link #write} is the one writer of new loans: every
 * path — an approved application, a later drawdown, a renewal, a supply-chain financing — states a
 * {@link ContractedLoan} and stores it here. {@link #disburse} is the single disbursement every paid-out
 * loan takes: the schedule resolved in the pure core from the value date, the journal entry, the loan's
 * rows, the first-loan mark, the provision and {@code LoanDisbursed}, all in the caller's transaction.
 */
@Component
class Disbursement {

    /**
     * Who the money went to: the name recorded on the movement, and the payees listed with their amounts and
     * how each is paid (entrusted or self-paid).
     */
    record Payout(String payee, List<Payee> entrusted) {

        static Payout to(String payee) {
            return new Payout(payee, List.of());
        }

        /** The payees listed at disbursement; the movement names those the bank paid directly. */
        static Payout entrusted(List<Payee> paid) {
            List<String> direct = paid.stream().filter(p -> !"SELF".equals(p.mode())).map(Payee::name).toList();
            return new Payout(direct.isEmpty() ? null : String.join("; ", direct), paid);
        }
    }

    private final LoanStore store;
    private final TransactionStore transactions;
    private final InstallmentStore installments;
    private final Servicer servicer;
    private final Postings postings;
    private final FirstLoans firstLoans;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EntrustedPayees payees;
    private final SanctionStore sanctions;

    Disbursement(LoanStore store, TransactionStore transactions, InstallmentStore installments, Servicer servicer, Postings postings, FirstLoans firstLoans,
                 ReferenceData reference, BusinessDate businessDate, AuditTrail audit, ApplicationEventPublisher events,
                 EntrustedPayees payees, SanctionStore sanctions) {
        this.sanctions = sanctions;
        this.payees = payees;
        this.store = store;
        this.transactions = transactions;
        this.installments = installments;
        this.servicer = servicer;
        this.postings = postings;
        this.firstLoans = firstLoans;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Stores a contracted loan (status CONTRACTED) and returns it with its id and number: the number
     * given, or the next {@code L<date><sequence>} of {@code numberedOn}.
     */
    ContractedLoan write(ContractedLoan c, LocalDate numberedOn, String actor) {
        String number = c.number() != null ? c.number() : String.format("L%s%08d", numberedOn.toString().replace("-", ""),
                store.nextNumber());
        long id = store.insert(c, number, actor);
        return c.withId(id, number);
    }

    /**
     * Pays out a contracted loan on {@code date} (not after the business date): a floating rate is set
     * from the LPR in force that day, the schedule resolved, the disbursement posted, and the loan made
     * active, marked first loan or not, provisioned and announced. Returns the loan, still locked.
     */
    Loan disburse(ContractedLoan contracted, LocalDate date, Payout payout, String actor) {
        Loan l = store.lock(contracted.id());
        refuseUnlessDisbursable(l, date);
        ContractedLoan c = contracted;
        String rateType = c.pricing().rateType();
        if (c.pricing().floating()) {
            // a floating rate starts from the LPR in force on the drawdown date
            BigDecimal rate = c.pricing().over(lpr(rateType, date).orElseThrow(() -> Rejected.invalid(
                    Rejection.of("lending.rate.no-lpr", "valueDate", tenor(rateType).code(), date))));
            store.fixRate(c.id(), rate, date);
            c = c.withPricing(c.pricing().at(rate));
        }
        activate(c, date);
        var entry = postings.disbursement(l.institutionId(), c.id(), date, c.principal(), actor);
        transactions.record(c.id(), "DISBURSEMENT", date, c.principal(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                payout.payee(), entry.id(), actor);
        firstLoans.mark(c.id(), l.borrowerId(), date);
        store.payTo(c.id(), payout.entrusted());
        servicer.provision(store.lock(c.id()), date, actor);
        events.publishEvent(new LoanEvent.LoanDisbursed(c.id(), l.institutionId(), l.borrowerId(), c.principal(), date));
        return store.lock(c.id());
    }

    /**
     * The ordinary disbursement of a loan contracted from an application (or a drawdown of it), to the
     * borrower or to the listed payees, each payment entrusted where a rule requires it, audited.
     */
    Loan disburse(Loan l, LocalDate valueDate, List<Payee> payees, String actor) {
        LocalDate date = valueDate == null ? businessDate.today() : valueDate;
        refuseUnlessDisbursable(l, date);
        List<Payee> paid = this.payees.check(l, date, payees == null ? List.of() : payees, actor);
        Payout payout = Payout.entrusted(paid);
        Loan out = disburse(store.contracted(l.id()), date, payout, actor);
        audit.record(AuditEvent.success(actor, "loan.disburse", "loan", l.number(),
                l.principal().toPlainString() + " on " + date + (payout.payee() == null ? "" : " to " + payout.payee())));
        return out;
    }

    /**
     * Resolves the schedule from {@code date}, writes the installments and makes the loan active with the
     * principal outstanding, accrued to the day before. Returns the schedule.
     */
    Schedule activate(ContractedLoan c, LocalDate date) {
        Schedule s = c.schedule(date);
        installments.write(c.id(), 1, date, s);
        // what is activated here was contracted: just written, or guarded by the caller
        store.activate(c.id(), LoanStatus.CONTRACTED.disburse().orThrow().name(), date, s.maturity());
        return s;
    }

    private void refuseUnlessDisbursable(Loan l, LocalDate date) {
        l.status().disburse().orThrow();
        LocalDate today = businessDate.today();
        if (date.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "valueDate", date, today));
        }
        if (l.facilityId() != null) {
            // a confirmed diversion that stopped drawdowns on one loan of a facility stops the facility (issue 18 §6)
            sanctions.facilityStopped(l.facilityId(), l.id()).ifPresent(c -> {
                throw Rejected.conflict(Rejection.of("lending.facility.stopped", null, c));
            });
        }
    }

    /** The LPR in force on {@code date} for a floating rate type (LPR_1Y, LPR_5Y). */
    Optional<BigDecimal> lpr(String rateType, LocalDate date) {
        return reference.lpr(tenor(rateType), date);
    }

    static LprTenor tenor(String rateType) {
        return "LPR_5Y".equals(rateType) ? LprTenor.OVER_FIVE_YEARS : LprTenor.ONE_YEAR;
    }
}
