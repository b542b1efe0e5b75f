package cn.chanrong.monitoring.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.monitoring.UseReports;
import cn.chanrong.monitoring.domain.ProceedsTrace;
import cn.chanrong.monitoring.domain.UseMatch;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.chanrong.monitoring.domain.RuleBook;
import cn.chanrong.monitoring.domain.Rules;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-paid loans' use reports: taken from the borrower, matched, sampled, and checked once the day has passed. */
@Service
class UseReportService implements UseReports {

    private static final Logger log = LoggerFactory.getLogger(UseReportService.class);
    private static final Caller MONITORING = Caller.system("monitoring");

    private final Loans loans;
    private final Proceeds proceeds;
    private final UseReportStore store;
    private final TraceService traces;
    private final MonitoringAlertStore alerts;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final RuleStore rules;
    private final PaymentStore payments;

    UseReportService(Loans loans, Proceeds proceeds, UseReportStore store, TraceService traces, MonitoringAlertStore alerts,
                     Enterprises enterprises, BusinessDate businessDate, AuditTrail audit, RuleStore rules,
                     PaymentStore payments) {
        this.payments = payments;
        this.loans = loans;
        this.proceeds = proceeds;
        this.store = store;
        this.traces = traces;
        this.alerts = alerts;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.audit = audit;
        this.rules = rules;
    }

    @Override
    @Transactional
    public Ledger report(Caller caller, long loanId, List<Use> uses) {
        Loan loan = loans.get(caller, loanId);
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null || caller.enterpriseId() != loan.borrowerId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.use.borrower-only", null, loan.number()));
        }
        selfPaid(loan);
        if (uses == null || uses.isEmpty()) {
            throw Rejected.invalid(Rejection.of("required", "uses"));
        }
        if (uses.size() > MAX_USES) {
            throw Rejected.invalid(Rejection.of("monitoring.report.too-many", "uses", uses.size(), MAX_USES));
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        Set<String> existing = new HashSet<>(store.existing(loanId));
        BigDecimal total = store.reportedTotal(loanId);
        for (int i = 0; i < uses.size(); i++) {
            Use u = uses.get(i);
            String at = "uses[" + i + "]";
            if (u.paidOn().isBefore(loan.disbursedOn()) || u.paidOn().isAfter(today)) {
                problems.add(Rejection.of("range", at + ".paidOn", loan.disbursedOn(), today, u.paidOn()));
            }
            if (!existing.add(u.documentNumber() + " " + u.amount().setScale(2).toPlainString())) {
                problems.add(Rejection.of("monitoring.use.duplicate", at + ".documentNumber", u.documentNumber(),
                        u.amount().toPlainString()));
            }
            total = total.add(u.amount());
        }
        if (total.compareTo(loan.principal()) > 0) {
            problems.add(Rejection.of("monitoring.use.over-principal", "uses", total.toPlainString(),
                    loan.principal().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long principal = fen(loan.principal());
        for (Use u : uses) {
            store.insert(loan.institutionId(), loanId, loan.borrowerId(), u, UseMatch.sampled(u.documentNumber(),
                    fen(u.amount()), principal), caller.username());
        }
        rematch(loan.institutionId(), loanId, loan.borrowerId(), loan.disbursedOn(), today);
        audit.record(AuditEvent.success(caller.username(), "monitoring.use.report", "loan", loan.number(),
                uses.size() + " uses, " + uses.stream().map(Use::amount).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()));
        return ledger(loan, today);
    }

    @Override
    @Transactional(readOnly = true)
    public Ledger ledger(Caller caller, long loanId) {
        Loan loan = loans.get(caller, loanId);
        boolean may = caller.is(Role.ENTERPRISE) || caller.isFinancialRegulator() || caller.isAdmin()
                || (caller.is(Role.INSTITUTION) && caller.institutionId() == loan.institutionId());
        if (!may) {
            throw Rejected.notFound("loan", loanId);
        }
        selfPaid(loan);
        return ledger(loan, businessDate.today());
    }

    @Scheduled(cron = "${chanrong.monitoring.daily-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        int raised = raiseUnreported(businessDate.today());
        log.info("Self-paid use reports checked: {} alerts raised", raised);
        int returned = raiseProceedsNotReturned(businessDate.today());
        log.info("Sales proceeds back to the lender checked: {} alerts raised", returned);
    }

    @Override
    @Transactional
    public int raiseUnreported(LocalDate today) {
        int raised = 0;
        RuleBook book = rules.book();
        // reporting days differ by product: read the loans whose day may have passed in the last 30 days, keep those it did
        int longest = Rules.DEFAULT.useReport().reportDays();
        for (RuleBook.Row row : book.rows()) {
            if (row.params() instanceof Rules.UseReport u) {
                longest = Math.max(longest, u.reportDays());
            }
        }
        for (Proceeds.Disbursed d : proceeds.selfPaid(today.minusDays(longest + 30L), today.minusDays(1))) {
            Rules.UseReport rule = book.at(d.institutionId(), d.productId(), (int) d.disbursedOn().toEpochDay()).useReport();
            LocalDate due = d.disbursedOn().plusDays(rule.reportDays());
            if (!rule.enabled() || !today.isAfter(due) || today.isAfter(due.plusDays(30))) {
                continue;
            }
            rematch(d.institutionId(), d.loanId(), d.borrowerId(), d.disbursedOn(), today);
            List<Unreported> open = unreported(d.institutionId(), d.productId(), d.borrowerId(), d.principal(),
                    d.disbursedOn(), today);
            if (open.isEmpty()) {
                continue;
            }
            String name = enterprises.get(MONITORING, d.borrowerId()).name();
            Map<Long, String> categories = new LinkedHashMap<>();
            store.payments(open.stream().map(Unreported::paymentId).toList()).forEach(p -> categories.put(p.id(), p.category()));
            for (Unreported u : open) {
                raised += alerts.raise(new MonitoringAlertStore.Raise(d.institutionId(), d.loanId(), d.number(), d.borrowerId(),
                        name, u.paymentId(), null, RULE, rule.version(), categories.getOrDefault(u.paymentId(), "OTHER"),
                        ChronoUnit.DAYS.between(d.disbursedOn(), u.valueDate()))) ? 1 : 0;
            }
        }
        return raised;
    }

    @Override
    @Transactional
    public int raiseProceedsNotReturned(LocalDate today) {
        RuleBook book = rules.book();
        int longest = Rules.DEFAULT.proceedsReturn().days();
        for (RuleBook.Row row : book.rows()) {
            if (row.params() instanceof Rules.ProceedsReturn p) {
                longest = Math.max(longest, p.days());
            }
        }
        int raised = 0;
        for (long[] pair : payments.consentedReceivers(today.minusDays(longest), today.minusDays(1))) {
            long institution = pair[0];
            long borrower = pair[1];
            // the contract that asks for it: the borrower's latest loan at the bank whose product turns the rule on
            // (receipts count from the first payout under such a contract)
            Proceeds.Disbursed d = null;
            Rules.ProceedsReturn rule = null;
            LocalDate first = null;
            for (Proceeds.Disbursed x : proceeds.disbursed(institution, borrower, LocalDate.of(1900, 1, 1), today)) {
                Rules.ProceedsReturn r = book.at(institution, x.productId(), (int) today.toEpochDay()).proceedsReturn();
                if (r.enabled()) {
                    if (d == null) {
                        d = x;
                        rule = r;
                    }
                    first = x.disbursedOn();
                }
            }
            if (d == null) {
                continue;
            }
            LocalDate from = today.minusDays(rule.days());
            if (from.isBefore(first)) {
                from = first;
            }
            PaymentStore.Receipts r = payments.receipts(institution, borrower, from, today.minusDays(1));
            long all = r.held() + r.elsewhere();
            if (all == 0 || r.largestElsewhere() == null || r.held() * 100 >= (long) rule.minSharePercent() * all) {
                continue;
            }
            String name = enterprises.get(MONITORING, borrower).name();
            raised += alerts.raise(new MonitoringAlertStore.Raise(institution, d.loanId(), d.number(), borrower, name,
                    r.largestElsewhere(), null, Rules.PROCEEDS_RETURN, rule.version(), "CUSTOMER",
                    ChronoUnit.DAYS.between(d.disbursedOn(), today))) ? 1 : 0;
        }
        return raised;
    }

    private static void selfPaid(Loan loan) {
        if (loan.disbursedOn() == null) {
            throw Rejected.conflict(Rejection.of("monitoring.proceeds.not-disbursed", null, loan.number()));
        }
        if (!"SELF".equals(loan.paymentMode())) {
            throw Rejected.conflict(Rejection.of("monitoring.use.not-self-paid", null, loan.number()));
        }
    }

    /** Matches the loan's unmatched uses to the borrower's payments out the bank reported. */
    private void rematch(long institutionId, long loanId, long borrowerId, LocalDate disbursedOn, LocalDate today) {
        List<UseMatch.Claim> claims = store.unmatched(loanId);
        if (claims.isEmpty()) {
            return;
        }
        List<UseMatch.Paid> paid = store.debits(institutionId, borrowerId, disbursedOn, today.plusDays(UseMatch.DAYS));
        Set<Long> taken = store.backing(paid.stream().map(UseMatch.Paid::id).toList());
        store.matched(UseMatch.match(claims, paid, taken));
    }

    private Ledger ledger(Loan loan, LocalDate today) {
        List<Reported> uses = store.list(loan.id());
        BigDecimal reported = uses.stream().map(Reported::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal matched = uses.stream().filter(Reported::matched).map(Reported::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        TraceService.Followed f = follow(loan.institutionId(), loan.productId(), loan.borrowerId(), loan.principal(),
                loan.disbursedOn(), today);
        int reportDays = rules.book().at(loan.institutionId(), loan.productId(), (int) loan.disbursedOn().toEpochDay())
                .useReport().reportDays();
        long paidOut = f.account() == null ? 0 : carried(f).values().stream().mapToLong(Long::longValue).sum();
        return new Ledger(loan.id(), loan.number(), loan.borrowerName(), loan.principal(), loan.disbursedOn(),
                loan.disbursedOn().plusDays(reportDays), reported, matched, BigDecimal.valueOf(paidOut, 2), uses,
                unreported(f));
    }

    private List<Unreported> unreported(long institutionId, Long productId, long borrowerId, BigDecimal principal,
                                        LocalDate disbursedOn, LocalDate today) {
        return unreported(follow(institutionId, productId, borrowerId, principal, disbursedOn, today));
    }

    /** The loan's money followed as far as its product's trace rule says, through today. */
    private TraceService.Followed follow(long institutionId, Long productId, long borrowerId, BigDecimal principal,
                                         LocalDate disbursedOn, LocalDate today) {
        var limits = traces.limits(institutionId, productId, disbursedOn);
        return traces.follow(institutionId, borrowerId, principal, disbursedOn,
                TraceService.through(disbursedOn, today, limits.days()), limits.hops());
    }

    /** The payments out of the borrower's account that carried the loan's money and back no reported use. */
    private List<Unreported> unreported(TraceService.Followed f) {
        if (f.account() == null) {
            return List.of();
        }
        Map<Long, Long> carried = carried(f);
        Set<Long> backing = store.backing(carried.keySet());
        List<Unreported> open = new ArrayList<>();
        for (UseReportStore.Payment p : store.payments(carried.keySet())) {
            if (!backing.contains(p.id())) {
                open.add(new Unreported(p.id(), p.bankReference(), p.counterpartyName(), p.amount(),
                        BigDecimal.valueOf(carried.get(p.id()), 2), p.valueDate()));
            }
        }
        return open;
    }

    /** What the payments out of the account the loan landed in carried of it (later hops are others' spending). */
    private static Map<Long, Long> carried(TraceService.Followed f) {
        Set<Long> own = new HashSet<>();
        for (ProceedsTrace.Movement m : f.movements()) {
            if (m.debit() && m.account().equals(f.account())) {
                own.add(m.id());
            }
        }
        Map<Long, Long> carried = new LinkedHashMap<>();
        f.result().carried().forEach((id, fen) -> {
            if (own.contains(id)) {
                carried.put(id, fen);
            }
        });
        return carried;
    }

    private static long fen(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
