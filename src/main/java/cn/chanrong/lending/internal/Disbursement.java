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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Who the money went to: the name recorded on the movement, and the entrusted payees with their amounts. */
    record Payout(String payee, List<Payee> entrusted) {

        static Payout to(String payee) {
            return new Payout(payee, List.of());
        }

        static Payout entrusted(List<Payee> paid) {
            return new Payout(paid.isEmpty() ? null : String.join("; ", paid.stream().map(Payee::name).toList()), paid);
        }
    }

    private final JdbcClient jdbc;
    private final LoanStore store;
    private final InstallmentStore installments;
    private final Servicer servicer;
    private final Postings postings;
    private final FirstLoans firstLoans;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Disbursement(JdbcClient jdbc, LoanStore store, InstallmentStore installments, Servicer servicer, Postings postings, FirstLoans firstLoans,
                 ReferenceData reference, BusinessDate businessDate, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
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
                jdbc.sql("SELECT nextval('loan_number_sequence')").query(Long.class).single());
        ContractedLoan.Amortising a = c.repayment() instanceof ContractedLoan.Amortising am ? am : null;
        long id = jdbc.sql("""
                        INSERT INTO loan (number, institution_id, borrower_id, risk_obligor_id, application_id, facility_id,
                            product_id, contract_loan_id, renewal_of, trade_reference, principal, term_months, rate_type,
                            spread_bp, annual_rate, penalty_markup, method, day_count, purpose, payment_mode, payment_day,
                            period_months, grace_months, principal_plan, green_catalogue_code, created_by)
                        VALUES (:n, :i, :b, :o, :a, :f, :p, :c, :r, :ref, :amt, :t, :rt, :sp, :rate, coalesce(:pen, 0.5), :m,
                            :dc, :pu, :pm, :pd, :per, :gr, :plan, :green, :by)
                        RETURNING id""")
                .param("n", number).param("i", c.parties().institutionId()).param("b", c.parties().borrowerId())
                .param("o", c.parties().riskObligorId()).param("a", c.origin().applicationId())
                .param("f", c.origin().facilityId()).param("p", c.origin().productId())
                .param("c", c.origin().contractLoanId()).param("r", c.origin().renewalOf())
                .param("ref", c.origin().tradeReference()).param("amt", c.principal()).param("t", c.termMonths())
                .param("rt", c.pricing().rateType()).param("sp", c.pricing().spreadBp()).param("rate", c.pricing().annualRate())
                .param("pen", c.pricing().penaltyMarkup()).param("m", c.repayment().method().name())
                .param("dc", c.repayment().dayCount().name()).param("pu", c.purpose()).param("pm", c.paymentMode())
                .param("pd", a == null || a.paymentDay() == 0 ? null : a.paymentDay())
                .param("per", a == null ? 1 : a.periodMonths()).param("gr", a == null ? 0 : a.graceMonths())
                .param("plan", a == null || a.principalPlan() == null ? null : a.principalPlan().toArray(BigDecimal[]::new))
                .param("green", c.greenCatalogueCode()).param("by", actor)
                .query(Long.class).single();
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
            jdbc.sql("UPDATE loan SET annual_rate = :r, rate_fixed_on = :d WHERE id = :id")
                    .param("r", rate).param("d", date).param("id", c.id()).update();
            c = c.withPricing(c.pricing().at(rate));
        }
        activate(c, date);
        var entry = postings.disbursement(l.institutionId(), c.id(), date, c.principal(), actor);
        store.insertTransaction(c.id(), "DISBURSEMENT", date, c.principal(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                payout.payee(), entry.id(), actor);
        firstLoans.mark(c.id(), l.borrowerId(), date);
        List<Payee> paid = payout.entrusted();
        for (int k = 0; k < paid.size(); k++) {
            jdbc.sql("INSERT INTO loan_payee (loan_id, seq, name, account, amount) VALUES (:l, :s, :n, :a, :m)")
                    .param("l", c.id()).param("s", k + 1).param("n", paid.get(k).name()).param("a", paid.get(k).account())
                    .param("m", paid.get(k).amount()).update();
        }
        servicer.provision(store.lock(c.id()), date, actor);
        events.publishEvent(new LoanEvent.LoanDisbursed(c.id(), l.institutionId(), l.borrowerId(), c.principal(), date));
        return store.lock(c.id());
    }

    /**
     * The ordinary disbursement of a loan contracted from an application (or a drawdown of it), to the
     * borrower or to the entrusted payees, audited.
     */
    Loan disburse(Loan l, LocalDate valueDate, List<Payee> payees, String actor) {
        LocalDate date = valueDate == null ? businessDate.today() : valueDate;
        refuseUnlessDisbursable(l, date);
        List<Payee> paid = EntrustedPayees.check(l, payees == null ? List.of() : payees);
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
        jdbc.sql("""
                        UPDATE loan SET status = :status, disbursed_on = :d, maturity_date = :m, principal_outstanding = principal,
                            accrued_through = :through, classified_on = :d, version = version + 1 WHERE id = :id""")
                // what is activated here was contracted: just written, or guarded by the caller
                .param("status", LoanStatus.CONTRACTED.disburse().orThrow().name()).param("d", date).param("m", s.maturity()).param("through", date.minusDays(1)).param("id", c.id()).update();
        return s;
    }

    private void refuseUnlessDisbursable(Loan l, LocalDate date) {
        l.status().disburse().orThrow();
        LocalDate today = businessDate.today();
        if (date.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "valueDate", date, today));
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
