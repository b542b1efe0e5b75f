package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Allocation;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class LoanService implements Loans {

    private final JdbcClient jdbc;
    private final LoanStore store;
    private final Servicer servicer;
    private final Postings postings;
    private final FacilityService facilities;
    private final ApplicationService applications;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<RestructuringService> restructuring;
    private final org.springframework.beans.factory.ObjectProvider<SecurityService> securities;
    private final org.springframework.beans.factory.ObjectProvider<PrepaymentService> prepayments;
    private final List<Allocation.Bucket> allocationOrder;
    private final org.springframework.beans.factory.ObjectProvider<WorkoutService> workouts;

    private final org.springframework.beans.factory.ObjectProvider<FirstLoans> firstLoans;

    LoanService(JdbcClient jdbc, LoanStore store, Servicer servicer, Postings postings, FacilityService facilities,
                ApplicationService applications, ReferenceData reference, BusinessDate businessDate, AuditTrail audit,
                ApplicationEventPublisher events,
                org.springframework.beans.factory.ObjectProvider<RestructuringService> restructuring,
                org.springframework.beans.factory.ObjectProvider<SecurityService> securities,
                org.springframework.beans.factory.ObjectProvider<PrepaymentService> prepayments,
                org.springframework.beans.factory.ObjectProvider<WorkoutService> workouts,
                org.springframework.beans.factory.ObjectProvider<FirstLoans> firstLoans,
                @org.springframework.beans.factory.annotation.Value("${chanrong.lending.allocation-order:"
                        + "PENALTY,OVERDUE_INTEREST,OVERDUE_PRINCIPAL,CURRENT_INTEREST,CURRENT_PRINCIPAL}") List<String> order) {
        this.allocationOrder = order.stream().map(String::strip).map(Allocation.Bucket::valueOf).toList();
        // refuses a malformed order at start-up rather than on the first repayment
        Allocation.allocate(BigDecimal.ZERO, Map.of(), allocationOrder);
        this.prepayments = prepayments;
        this.firstLoans = firstLoans;
        this.workouts = workouts;
        this.restructuring = restructuring;
        this.securities = securities;
        this.jdbc = jdbc;
        this.store = store;
        this.servicer = servicer;
        this.postings = postings;
        this.facilities = facilities;
        this.applications = applications;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    /** The institution user acting on one of its own loans (operators service, approvers too). */
    Loan own(Caller caller, long loanId) {
        Loan l = store.get(caller, loanId);
        if (!caller.is(Role.INSTITUTION) || l.institutionId() != caller.institutionId()
                || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.institution-only", null));
        }
        return store.lock(loanId);
    }

    @Override
    @Transactional
    public Loan contract(Caller caller, long applicationId) {
        LoanApplication a = applications.get(caller, applicationId);
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.institution-only", null));
        }
        jdbc.sql("SELECT id FROM loan_application WHERE id = :id FOR UPDATE").param("id", applicationId)
                .query(Long.class).single();
        a = applications.get(caller, applicationId);
        if (!"APPROVED".equals(a.status())) {
            throw Rejected.conflict(Rejection.of("lending.contract.not-approved", null, a.status()));
        }
        LocalDate today = businessDate.today();
        BigDecimal rate = switch (a.rateType()) {
            case "FIXED" -> a.fixedRate();
            default -> {
                LprTenor tenor = a.rateType().equals("LPR_5Y") ? LprTenor.OVER_FIVE_YEARS : LprTenor.ONE_YEAR;
                BigDecimal lpr = reference.lpr(tenor, today).orElseThrow(() -> Rejected.invalid(
                        Rejection.of("lending.rate.no-lpr", "rateType", tenor.code(), today)));
                yield lpr.add(BigDecimal.valueOf(a.spreadBp(), 2));
            }
        };
        if (rate.signum() < 0) {
            throw Rejected.invalid(Rejection.of("range", "spreadBp", "0", "100", rate.toPlainString()));
        }
        facilities.draw(a.facilityId(), a.institutionId(), a.borrowerId(), a.amount(), today);
        long seq = jdbc.sql("SELECT nextval('loan_number_sequence')").query(Long.class).single();
        String number = String.format("L%s%08d", today.toString().replace("-", ""), seq);
        long id = jdbc.sql("""
                        INSERT INTO loan (number, institution_id, borrower_id, application_id, facility_id, product_id,
                            principal, term_months, rate_type, spread_bp, annual_rate, method, day_count, purpose,
                            payment_mode, created_by, payment_day, period_months, grace_months, principal_plan,
                            green_catalogue_code)
                        SELECT :n, :i, :b, :a, :f, :p, :amt, :t, :rt, :sp, :r, :m, :dc, :pu, :pm, :by, :pd, :per, :gr,
                            principal_plan, green_catalogue_code FROM loan_application WHERE id = :a
                        RETURNING id""")
                .param("pd", a.paymentDay()).param("per", a.periodMonths()).param("gr", a.graceMonths())
                .param("n", number).param("i", a.institutionId()).param("b", a.borrowerId()).param("a", a.id())
                .param("f", a.facilityId()).param("p", a.productId()).param("amt", a.amount()).param("t", a.termMonths())
                .param("rt", a.rateType()).param("sp", a.spreadBp()).param("r", rate).param("m", a.method())
                .param("dc", a.dayCount()).param("pu", a.purpose()).param("pm", a.paymentMode())
                .param("by", caller.username()).query(Long.class).single();
        jdbc.sql("UPDATE loan_application SET status = 'CONTRACTED', version = version + 1 WHERE id = :id")
                .param("id", applicationId).update();
        audit.record(AuditEvent.success(caller.username(), "loan.contract", "loan", number,
                "application " + applicationId + " rate " + rate.toPlainString() + "%"));
        return store.get(caller, id);
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
        Loan l = own(caller, loanId);
        LocalDate today = businessDate.today();
        LocalDate date = valueDate == null ? today : valueDate;
        if (!"CONTRACTED".equals(l.status())) {
            throw Rejected.conflict(Rejection.of("lending.disburse.status", null, l.status()));
        }
        if (date.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "valueDate", date, today));
        }
        List<Payee> paid = EntrustedPayees.check(l, payees == null ? List.of() : payees);
        String payee = paid.isEmpty() ? null : String.join("; ", paid.stream().map(Payee::name).toList());
        var conventions = jdbc.sql("SELECT payment_day, grace_months FROM loan WHERE id = :id").param("id", loanId)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        if (l.rateType().startsWith("LPR")) {
            // a floating rate starts from the LPR in force on the drawdown date
            LprTenor tenor = l.rateType().equals("LPR_5Y") ? LprTenor.OVER_FIVE_YEARS : LprTenor.ONE_YEAR;
            BigDecimal lpr = reference.lpr(tenor, date).orElseThrow(() -> Rejected.invalid(
                    Rejection.of("lending.rate.no-lpr", "valueDate", tenor.code(), date)));
            jdbc.sql("UPDATE loan SET annual_rate = :r, rate_fixed_on = :d WHERE id = :id")
                    .param("r", lpr.add(BigDecimal.valueOf(l.spreadBp(), 2))).param("d", date).param("id", loanId).update();
            l = store.lock(loanId);
        }
        List<BigDecimal> plan = jdbc.sql("SELECT principal_plan FROM loan WHERE id = :id").param("id", loanId)
                .query((rs, i) -> rs.getArray(1) == null ? List.<BigDecimal>of()
                        : List.of((BigDecimal[]) rs.getArray(1).getArray())).single();
        plan = plan.isEmpty() ? null : plan;
        Schedule s = ScheduleCalculator.calculate(new LoanTerms(l.principal(), l.termMonths(), l.annualRate(),
                RepaymentMethod.valueOf(l.method()), date, DayCount.valueOf(l.dayCount()),
                LoanTerms.firstSettlement(date, conventions[0], l.periodMonths()), l.periodMonths(), conventions[1], plan));
        LocalDate start = date;
        for (Schedule.Installment i : s.installments()) {
            jdbc.sql("""
                            INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                            VALUES (:l, :p, :s, :d, :pr, :in)""")
                    .param("l", loanId).param("p", i.period()).param("s", start).param("d", i.date())
                    .param("pr", i.principal()).param("in", i.interest()).update();
            start = i.date();
        }
        var entry = postings.disbursement(l.institutionId(), loanId, date, l.principal(), caller.username());
        jdbc.sql("""
                        UPDATE loan SET status = 'ACTIVE', disbursed_on = :d, maturity_date = :m, principal_outstanding = principal,
                            accrued_through = :through, classified_on = :d, version = version + 1 WHERE id = :id""")
                .param("d", date).param("m", s.installments().get(s.installments().size() - 1).date())
                .param("through", date.minusDays(1)).param("id", loanId).update();
        insertTransaction(loanId, "DISBURSEMENT", date, l.principal(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                payee, entry.id(), caller.username());
        firstLoans.getObject().mark(loanId, l.borrowerId(), date);
        for (int k = 0; k < paid.size(); k++) {
            jdbc.sql("INSERT INTO loan_payee (loan_id, seq, name, account, amount) VALUES (:l, :s, :n, :a, :m)")
                    .param("l", loanId).param("s", k + 1).param("n", paid.get(k).name()).param("a", paid.get(k).account())
                    .param("m", new BigDecimal(paid.get(k).amount())).update();
        }
        servicer.provision(store.lock(loanId), date, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.disburse", "loan", l.number(),
                l.principal().toPlainString() + " on " + date + (payee == null ? "" : " to " + payee)));
        events.publishEvent(new LoanEvent.LoanDisbursed(loanId, l.institutionId(), l.borrowerId(), l.principal(), date));
        return store.get(caller, loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Payee> payees(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.payees(loanId);
    }

    /** Checks a value date against the loan and brings the loan to the day before it. */
    Loan toValueDate(Loan l, LocalDate date, String actor) {
        LocalDate today = businessDate.today();
        if (!"ACTIVE".equals(l.status())) {
            throw Rejected.conflict(Rejection.of("lending.repay.status", null, l.status()));
        }
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

    @Override
    @Transactional(readOnly = true)
    public Dues dues(Caller caller, long loanId, LocalDate valueDate) {
        Loan l = store.get(caller, loanId);
        return servicer.dues(l, store.installments(loanId), valueDate == null ? businessDate.today() : valueDate);
    }

    @Override
    @Transactional
    public Transaction repay(Caller caller, long loanId, RepaymentRequest r) {
        Loan l = own(caller, loanId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.parse(r.amount(), "amount", false, FacilityService.MAX_AMOUNT, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("lending.positive", "amount", r.amount()));
        }
        String type = r.type() == null || r.type().isBlank() ? "REPAYMENT"
                : ApplicationService.oneOf(r.type(), "type", List.of("REPAYMENT", "PAYOFF", "PREPAYMENT"), problems);
        String mode = r.mode() == null || r.mode().isBlank() ? "REDUCE_INSTALLMENT"
                : ApplicationService.oneOf(r.mode(), "mode", List.of("REDUCE_INSTALLMENT", "REDUCE_TERM"), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        LocalDate date = r.valueDate() == null ? businessDate.today() : r.valueDate();
        l = toValueDate(l, date, caller.username());
        if ("PREPAYMENT".equals(type)) {
            return store.transaction(prepayments.getObject().prepay(l, date, amount, mode, caller.username()));
        }
        if ("PAYOFF".equals(type)) {
            l = splitAt(l, date, caller.username());
        }
        return store.transaction(pay(l, date, amount, type, true, caller.username()));
    }

    /**
     * Applies a payment to a loan already brought to the day before {@code date}: allocates it in the
     * default order over what is due, posts the entry and updates the loan. With {@code close} a loan
     * left with nothing owed is marked repaid. Returns the transaction id.
     */
    long pay(Loan l, LocalDate date, BigDecimal amount, String type, boolean close, String actor) {
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
        applyToInstallments(loanId, s, date, split);
        BigDecimal interestAndPenalty = split.interest().add(split.part(Allocation.Bucket.PENALTY));
        BigDecimal fromReceivable = interestAndPenalty.min(l.receivable());
        BigDecimal fromMemo = interestAndPenalty.subtract(fromReceivable);
        long seq = jdbc.sql("SELECT count(*) + 1 FROM loan_transaction WHERE loan_id = :id").param("id", loanId)
                .query(Long.class).single();
        var entry = postings.repayment(l.institutionId(), loanId, date, amount, split.principal(), fromReceivable, fromMemo,
                "loan:" + loanId + ":repayment:" + seq, actor);
        List<Installment> after = store.installments(loanId);
        boolean settled = close && after.stream().allMatch(Installment::settled)
                && l.principalOutstanding().compareTo(split.principal()) == 0;
        jdbc.sql("""
                        UPDATE loan SET principal_outstanding = principal_outstanding - :p, interest_paid = interest_paid + :i,
                            penalty_paid = penalty_paid + :pen, receivable = receivable - :rec,
                            memo_receivable = memo_receivable - :memo, days_past_due = :dpd,
                            status = CASE WHEN :settled THEN 'REPAID' ELSE status END, version = version + 1
                        WHERE id = :id""")
                .param("p", split.principal()).param("i", split.interest()).param("pen", split.part(Allocation.Bucket.PENALTY))
                .param("rec", fromReceivable).param("memo", fromMemo).param("dpd", Accrual.daysPastDue(after, date))
                .param("settled", settled).param("id", loanId).update();
        facilities.restore(l.facilityId(), l.institutionId(), l.borrowerId(), split.principal());
        long txId = insertTransaction(loanId, type, date, amount, split.principal(), split.interest(),
                split.part(Allocation.Bucket.PENALTY), null, entry.id(), actor);
        servicer.provision(store.lock(loanId), date, actor);
        audit.record(AuditEvent.success(actor, "loan.repay", "loan", l.number(),
                type + " " + amount.toPlainString() + " on " + date + ": principal " + split.principal().toPlainString()
                        + ", interest " + split.interest().toPlainString() + ", penalty "
                        + split.part(Allocation.Bucket.PENALTY).toPlainString()));
        if (settled) {
            events.publishEvent(new LoanEvent.LoanRepaid(loanId, l.institutionId(), l.borrowerId(), date));
        }
        return txId;
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
            jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND due_date > :d AND principal_paid = 0 AND interest_paid = 0")
                    .param("l", l.id()).param("d", date).update();
            BigDecimal inToday = s.stream().filter(i -> i.due().equals(date)).map(Installment::unpaidPrincipal)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (s.stream().anyMatch(i -> i.due().equals(date))) {
                jdbc.sql("UPDATE loan_installment SET principal_due = principal_due + :p WHERE loan_id = :l AND due_date = :d")
                        .param("p", remaining.subtract(inToday)).param("l", l.id()).param("d", date).update();
            } else {
                int period = s.stream().filter(i -> i.due().isBefore(date)).mapToInt(Installment::period).max().orElse(0) + 1;
                LocalDate start = current == null ? date.minusDays(1) : current.start();
                jdbc.sql("""
                                INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due)
                                VALUES (:l, :p, :s, :d, :pr, 0)""")
                        .param("l", l.id()).param("p", period).param("s", start.isBefore(date) ? start : date.minusDays(1))
                        .param("d", date).param("pr", remaining).update();
            }
        } else {
            BigDecimal earned = Accrual.fen(Accrual.interestThrough(List.of(current), date.minusDays(1)));
            jdbc.sql("DELETE FROM loan_installment WHERE loan_id = :l AND period > :p")
                    .param("l", l.id()).param("p", current.period()).update();
            jdbc.sql("""
                            UPDATE loan_installment SET due_date = :d, interest_due = :i, principal_due = principal_paid + :pr
                            WHERE loan_id = :l AND period = :p""")
                    .param("d", date).param("i", earned).param("pr", remaining).param("l", l.id())
                    .param("p", current.period()).update();
        }
        return servicer.trueUp(store.lock(l.id()), date.minusDays(1), "loan:" + l.id() + ":payoff-true-up:" + date, actor);
    }

    /** Spreads the allocated parts over the installments, oldest first. */
    private void applyToInstallments(long loanId, List<Installment> s, LocalDate date, Allocation.Split split) {
        BigDecimal interest = split.interest();
        BigDecimal principal = split.principal();
        for (Installment i : s) {
            if (i.due().isAfter(date) || (interest.signum() == 0 && principal.signum() == 0)) {
                continue;
            }
            BigDecimal pi = interest.min(i.unpaidInterest());
            BigDecimal pp = principal.min(i.unpaidPrincipal());
            interest = interest.subtract(pi);
            principal = principal.subtract(pp);
            if (pi.signum() > 0 || pp.signum() > 0) {
                jdbc.sql("""
                                UPDATE loan_installment SET principal_paid = principal_paid + :pp, interest_paid = interest_paid + :pi
                                WHERE loan_id = :l AND period = :p""")
                        .param("pp", pp).param("pi", pi).param("l", loanId).param("p", i.period()).update();
            }
        }
    }

    long insertTransaction(long loanId, String type, LocalDate date, BigDecimal amount, BigDecimal principal,
                                   BigDecimal interest, BigDecimal penalty, String payee, long entryId, String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_transaction (loan_id, type, value_date, amount, principal, interest, penalty, payee,
                            entry_id, created_by)
                        VALUES (:l, :t, :d, :a, :p, :i, :pen, :payee, :e, :by) RETURNING id""")
                .param("l", loanId).param("t", type).param("d", date).param("a", amount).param("p", principal)
                .param("i", interest).param("pen", penalty).param("payee", payee).param("e", entryId).param("by", actor)
                .query(Long.class).single();
    }

    @Override
    @Transactional
    public Loan reclassify(Caller caller, long loanId, Tier floor, String reason) {
        return workouts.getObject().reclassify(caller, loanId, floor, reason);
    }

    @Override
    @Transactional
    public Loan writeOff(Caller caller, long loanId, String reason) {
        return workouts.getObject().writeOff(caller, loanId, reason);
    }

    @Override
    @Transactional
    public Transaction transfer(Caller caller, long loanId, TransferRequest request) {
        return workouts.getObject().transfer(caller, loanId, request);
    }

    @Override
    @Transactional
    public Transaction recover(Caller caller, long loanId, String amount, LocalDate valueDate) {
        return workouts.getObject().recover(caller, loanId, amount, valueDate);
    }

    @Override
    @Transactional
    public Loan restructure(Caller caller, long loanId, RestructureRequest request) {
        return restructuring.getObject().restructure(caller, loanId, request);
    }

    @Override
    @Transactional
    public Loan renew(Caller caller, long loanId, RenewalRequest request) {
        return restructuring.getObject().renew(caller, loanId, request);
    }

    @Override
    @Transactional
    public cn.chanrong.lending.LoanSecurity attachSecurity(Caller caller, long loanId, SecurityRequest request) {
        Loan l = own(caller, loanId);
        if (!"ACTIVE".equals(l.status()) && !"CONTRACTED".equals(l.status())) {
            throw Rejected.conflict(Rejection.of("lending.repay.status", null, l.status()));
        }
        return securities.getObject().attach(caller, l, request);
    }

    @Override
    @Transactional(readOnly = true)
    public List<cn.chanrong.lending.LoanSecurity> securities(Caller caller, long loanId) {
        store.get(caller, loanId);
        return securities.getObject().list(loanId);
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
        return store.transactions(loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Classification> classifications(Caller caller, long loanId) {
        store.get(caller, loanId);
        return store.classifications(loanId);
    }
}
