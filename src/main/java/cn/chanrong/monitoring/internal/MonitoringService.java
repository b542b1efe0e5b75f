package cn.chanrong.monitoring.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.cashflow.domain.Categorisation;
import cn.chanrong.cashflow.domain.CounterpartyCategoriser;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.monitoring.domain.AlertStatus;
import cn.chanrong.monitoring.domain.FanOut;
import cn.chanrong.monitoring.domain.ProhibitedUse;
import cn.chanrong.monitoring.domain.RoundTrip;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Transition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments reported by a bank on the accounts it keeps: each event checked on its own (a bad one is set
 * aside with its reason, the rest go on), stored once per bank reference, categorised by counterparty, and
 * run through the detections against the loans the bank paid out to the account's owner. One transaction per
 * report: all of it is kept, or none.
 */
@Service
class MonitoringService implements Monitoring {

    private static final Caller MONITORING = Caller.system("monitoring");
    private static final LocalDate EVER = LocalDate.of(1900, 1, 1);

    private final PaymentStore payments;
    private final MonitoringAlertStore alerts;
    private final CashFlows cashFlows;
    private final Proceeds proceeds;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final CounterpartyCategoriser categoriser = new CounterpartyCategoriser(Set.of(), Set.of(), Set.of(), Set.of());
    private final int windowDays;

    MonitoringService(PaymentStore payments, MonitoringAlertStore alerts, CashFlows cashFlows, Proceeds proceeds,
                      Enterprises enterprises, BusinessDate businessDate, AuditTrail audit,
                      @Value("${chanrong.monitoring.window-days:30}") int windowDays) {
        this.payments = payments;
        this.alerts = alerts;
        this.cashFlows = cashFlows;
        this.proceeds = proceeds;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.audit = audit;
        this.windowDays = windowDays;
    }

    @Override
    @Transactional
    public Report report(Caller caller, List<Incoming> events) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.institution-only", null));
        }
        return ingest(caller.institutionId(), caller.username(), events);
    }

    /**
     * Takes events an institution reported, in the caller's transaction: the API's report (after its role
     * check) and a batch of the payment stream (with the offsets it reached) come through here.
     */
    public Report ingest(long institution, String actor, List<Incoming> events) {
        return ingest(institution, actor, events, i -> null);
    }

    /**
     * As {@link #ingest(long, String, List)}, with where each event came from (by its index; null when from
     * the API): a dead letter of the stream is kept once per record, so a replay adds none.
     */
    public Report ingest(long institution, String actor, List<Incoming> events, IntFunction<String> source) {
        LocalDate today = businessDate.today();
        int accepted = 0;
        int duplicates = 0;
        int raised = 0;
        int dead = 0;
        List<DeadLetter> listed = new ArrayList<>();
        for (Incoming in : events) {
            List<Rejection> reasons = new ArrayList<>(in.unreadable());
            Booked booked = null;
            if (reasons.isEmpty()) {
                booked = check(institution, in.event(), today, reasons);
            }
            if (!reasons.isEmpty()) {
                payments.deadLetter(institution, in.bankReference(), in.raw(), reasons, source.apply(in.index()));
                if (listed.size() < LISTED) {
                    listed.add(new DeadLetter(in.index(), in.bankReference(), List.copyOf(reasons)));
                }
                dead++;
                continue;
            }
            PaymentEvent e = in.event();
            BigDecimal signed = e.direction() == Direction.DEBIT ? e.amount().negate() : e.amount();
            Categorisation c = categoriser.categorise(signed, e.counterpartyAccount(), e.counterpartyName(), e.remittance());
            long enterprise = booked.account().enterpriseId();
            Optional<Long> id = payments.insert(institution, enterprise, e, c.category().name(), c.reason());
            if (id.isEmpty()) {
                duplicates++;
                continue;
            }
            accepted++;
            raised += detect(institution, enterprise, id.get(), e, signed, c, booked.loans());
        }
        audit.record(AuditEvent.success(actor, "monitoring.report", "institution", institution,
                events.size() + " events: " + accepted + " new, " + duplicates + " already reported, " + dead
                        + " set aside, " + raised + " alerts"));
        return new Report(events.size(), accepted, duplicates, raised, dead, listed);
    }

    /** The account an event was booked on and the loans the reporting bank paid out to its owner by the value date. */
    private record Booked(CashFlows.Account account, List<ProhibitedUse.Loan> loans) {
    }

    /** Where the event was booked, or null after adding why the event cannot be taken. */
    private Booked check(long institution, PaymentEvent e, LocalDate today, List<Rejection> reasons) {
        if (e.valueDate().isAfter(today)) {
            reasons.add(Rejection.of("monitoring.payment.future", "valueDate", e.valueDate(), today));
        }
        Optional<CashFlows.Account> account = cashFlows.account(e.account());
        if (account.isEmpty()) {
            reasons.add(Rejection.of("monitoring.payment.unknown-account", "account", e.account()));
            return null;
        }
        CashFlows.Account a = account.get();
        if (!a.currency().equals(e.currency())) {
            reasons.add(Rejection.of("monitoring.payment.currency", "currency", e.currency(), a.currency()));
        }
        List<ProhibitedUse.Loan> loans = proceeds.disbursed(institution, a.enterpriseId(), EVER, e.valueDate()).stream()
                .map(d -> new ProhibitedUse.Loan(d.loanId(), d.number(), d.principal(), d.disbursedOn())).toList();
        if (loans.isEmpty()) {
            // a bank reports the accounts of its own borrowers, nobody else's
            reasons.add(Rejection.of("monitoring.payment.not-a-borrower", "account", e.account()));
        }
        return reasons.isEmpty() ? new Booked(a, loans) : null;
    }

    /** Runs the detections on a new payment; returns the alerts raised. */
    private int detect(long institution, long enterprise, long paymentId, PaymentEvent e, BigDecimal signed,
                       Categorisation c, List<ProhibitedUse.Loan> loans) {
        int raised = 0;
        var prohibited = ProhibitedUse.check(signed, e.valueDate(), c.category(), loans, windowDays);
        if (prohibited.isPresent()) {
            var f = prohibited.get();
            raised += raise(institution, enterprise, paymentId, null, f.loan(), ProhibitedUse.RULE, ProhibitedUse.VERSION,
                    f.category().name(), f.days());
        }
        if (e.direction() == Direction.DEBIT) {
            String party = e.counterpartyAccount() != null ? e.counterpartyAccount()
                    : e.counterpartyName() != null ? e.counterpartyName() : e.bankReference();
            var outs = payments.debits(institution, enterprise, e.valueDate().minusDays(FanOut.DAYS),
                    e.valueDate().plusDays(FanOut.DAYS), paymentId).stream()
                    .map(d -> new FanOut.Out(d.counterparty(), d.amount(), d.valueDate())).toList();
            var scattered = FanOut.check(new FanOut.Out(party, e.amount(), e.valueDate()), outs, loans);
            if (scattered.isPresent()) {
                var f = scattered.get();
                raised += raise(institution, enterprise, paymentId, null, f.loan(), FanOut.RULE, FanOut.VERSION,
                        c.category().name(), f.days());
            }
        }
        if (e.direction() == Direction.CREDIT && (e.counterpartyAccount() != null || e.counterpartyName() != null)) {
            // payments out to the same counterparty: by account when the credit names one, else by name
            var outs = payments.debits(institution, enterprise, e.valueDate().minusDays(windowDays), e.valueDate(), paymentId)
                    .stream()
                    .filter(d -> e.counterpartyAccount() != null ? e.counterpartyAccount().equals(d.counterpartyAccount())
                            : e.counterpartyName().equals(d.counterpartyName()))
                    .map(d -> new RoundTrip.Out(d.id(), d.bankReference(), d.amount(), d.valueDate())).toList();
            var back = RoundTrip.check(e.amount(), e.valueDate(), outs, loans, windowDays);
            if (back.isPresent()) {
                var f = back.get();
                raised += raise(institution, enterprise, paymentId, f.out().paymentId(), f.loan(), RoundTrip.RULE,
                        RoundTrip.VERSION, c.category().name(), f.days());
            }
        }
        return raised;
    }

    private int raise(long institution, long enterprise, long paymentId, Long earlier, ProhibitedUse.Loan loan, String rule,
                      int version, String category, long days) {
        String name = enterprises.get(MONITORING, enterprise).name();
        return alerts.raise(new MonitoringAlertStore.Raise(institution, loan.id(), loan.number(), enterprise, name,
                paymentId, earlier, rule, version, category, days)) ? 1 : 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Alert> alerts(Caller caller, String status, PageRequest page) {
        return alerts.list(caller, status(status), page);
    }

    @Override
    @Transactional(readOnly = true)
    public Alert alert(Caller caller, long id) {
        return alerts.find(caller, id, false).orElseThrow(() -> Rejected.notFound("alert", id));
    }

    @Override
    @Transactional
    public Alert decide(Caller caller, long id, OutcomeRequest r) {
        Alert a = alerts.find(caller, id, true).orElseThrow(() -> Rejected.notFound("alert", id));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId()
                || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        String outcome = r.outcome() == null ? "" : r.outcome().strip();
        Transition<AlertStatus> next = switch (outcome) {
            case "CONFIRMED" -> a.status().confirm();
            case "DISMISSED" -> a.status().dismiss();
            default -> null;
        };
        if (next == null) {
            problems.add(Rejection.of("enum", "outcome", r.outcome(), "CONFIRMED, DISMISSED"));
        }
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.length() < 2 || reason.length() > 500) {
            problems.add(Rejection.of("length", "reason", 2, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        AlertStatus decided = next.orThrow();
        alerts.decide(id, decided, reason, caller.username());
        audit.record(AuditEvent.success(caller.username(), "monitoring.alert." + decided.name().toLowerCase(), "loan",
                a.loanNumber(), a.rule() + " v" + a.ruleVersion() + " on " + a.bankReference() + ": " + reason));
        return alerts.find(caller, id, false).orElseThrow();
    }

    private static AlertStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return AlertStatus.valueOf(raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("enum", "status", raw, "OPEN, CONFIRMED, DISMISSED"));
        }
    }
}
