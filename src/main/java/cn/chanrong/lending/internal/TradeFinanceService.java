package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books supply-chain financings as bullet loans with one installment at maturity, so accrual, the
 * five tiers, end of day and the ledger treat them like every other loan.
 */
@Service
class TradeFinanceService implements TradeFinance {

    private final JdbcClient jdbc;
    private final LoanStore store;
    private final LoanService loans;
    private final FacilityService facilities;
    private final Postings postings;
    private final Servicer servicer;
    private final FirstLoans firstLoans;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    TradeFinanceService(JdbcClient jdbc, LoanStore store, LoanService loans, FacilityService facilities, Postings postings,
                        Servicer servicer, FirstLoans firstLoans, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.loans = loans;
        this.facilities = facilities;
        this.postings = postings;
        this.servicer = servicer;
        this.firstLoans = firstLoans;
        this.audit = audit;
        this.events = events;
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
        if (!b.maturity().isAfter(b.valueDate())) {
            throw Rejected.invalid(Rejection.of("date.too-early", "maturity", b.maturity(), b.valueDate().plusDays(1)));
        }
        Long facilityId = b.facilityId() != null ? b.facilityId() : jdbc.sql("""
                        SELECT id FROM facility WHERE institution_id = :i AND borrower_id = :o AND status = 'ACTIVE'
                           AND valid_from <= :d AND valid_to >= :d ORDER BY amount - used >= :p DESC, id LIMIT 1""")
                .param("i", b.institutionId()).param("o", b.obligorId()).param("d", b.valueDate()).param("p", b.principal())
                .query(Long.class).optional()
                .orElseThrow(() -> Rejected.invalid(Rejection.of("lending.trade.no-facility", "institutionId",
                        b.institutionId(), b.obligorId())));
        facilities.draw(facilityId, b.institutionId(), b.obligorId(), b.principal(), b.valueDate());
        long seq = jdbc.sql("SELECT nextval('loan_number_sequence')").query(Long.class).single();
        String number = String.format("L%s%08d", b.valueDate().toString().replace("-", ""), seq);
        int months = (int) Math.max(1, ChronoUnit.MONTHS.between(b.valueDate(), b.maturity().minusDays(1)) + 1);
        long id = jdbc.sql("""
                        INSERT INTO loan (number, institution_id, borrower_id, facility_id, principal, term_months, rate_type,
                            annual_rate, method, day_count, purpose, payment_mode, created_by, status, disbursed_on,
                            maturity_date, principal_outstanding, accrued_through, classified_on, trade_reference,
                            risk_obligor_id)
                        VALUES (:n, :i, :b, :f, :p, :t, 'FIXED', :r, 'BULLET', 'ACT_360', :pu, 'SELF', :by, 'ACTIVE', :d,
                            :m, :p, :through, :d, :ref, :o)
                        RETURNING id""")
                .param("n", number).param("i", b.institutionId()).param("b", b.borrowerId()).param("f", facilityId)
                .param("p", b.principal()).param("t", months).param("r", b.annualRate()).param("pu", b.purpose())
                .param("by", b.actor()).param("d", b.valueDate()).param("m", b.maturity())
                .param("through", b.valueDate().minusDays(1)).param("ref", b.reference()).param("o", b.obligorId())
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                        VALUES (:l, 1, :s, :d, :p, :i)""")
                .param("l", id).param("s", b.valueDate()).param("d", b.maturity()).param("p", b.principal())
                .param("i", b.interest()).update();
        var entry = postings.disbursement(b.institutionId(), id, b.valueDate(), b.principal(), b.actor());
        loans.insertTransaction(id, "DISBURSEMENT", b.valueDate(), b.principal(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, b.payee(), entry.id(), b.actor());
        firstLoans.mark(id, b.borrowerId(), b.valueDate());
        servicer.provision(store.lock(id), b.valueDate(), b.actor());
        audit.record(AuditEvent.success(b.actor(), "loan.trade-finance", "loan", number,
                b.reference() + " " + b.principal().toPlainString() + " to " + b.maturity()));
        events.publishEvent(new LoanEvent.LoanDisbursed(id, b.institutionId(), b.borrowerId(), b.principal(),
                b.valueDate()));
        return store.lock(id);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal collect(long loanId, BigDecimal amount, LocalDate valueDate, String actor) {
        Loan l = store.lock(loanId);
        if (!"ACTIVE".equals(l.status()) || amount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        Caller servicerCaller = new Caller(actor, Role.INSTITUTION, null, l.institutionId(), null, null,
                Set.of("operator"));
        Loans.Dues dues = loans.dues(servicerCaller, loanId, valueDate);
        if (amount.compareTo(dues.payoff()) >= 0) {
            loans.repay(servicerCaller, loanId, new Loans.RepaymentRequest(dues.payoff().toPlainString(), valueDate,
                    "PAYOFF"));
            return dues.payoff();
        }
        BigDecimal applied = amount.min(dues.dueNow());
        if (applied.signum() > 0) {
            loans.repay(servicerCaller, loanId, new Loans.RepaymentRequest(applied.toPlainString(), valueDate,
                    "REPAYMENT"));
        }
        return applied.max(BigDecimal.ZERO);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Loan> byReference(String reference) {
        return jdbc.sql("SELECT id FROM loan WHERE trade_reference = :r").param("r", reference).query(Long.class)
                .optional().map(id -> store.get(Caller.system("trade-finance"), id));
    }
}
