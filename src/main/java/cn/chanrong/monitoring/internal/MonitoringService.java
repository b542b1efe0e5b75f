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
import cn.chanrong.monitoring.domain.Detector;
import cn.chanrong.monitoring.domain.ProhibitedUse;
import cn.chanrong.monitoring.domain.PassThrough;
import cn.chanrong.monitoring.domain.RuleBook;
import cn.chanrong.monitoring.domain.Rules;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Transition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
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
    private final cn.chanrong.lending.Sanctions sanctions;
    private final CounterpartyCategoriser categoriser = new CounterpartyCategoriser(Set.of(), Set.of(), Set.of(), Set.of());
    private final RuleStore rules;
    private final cn.chanrong.enterprise.EnterpriseDetails details;
    private final cn.chanrong.lending.Loans loans;
    private final cn.chanrong.identity.Consents consents;

    private final org.springframework.context.ApplicationEventPublisher events;

    MonitoringService(PaymentStore payments, MonitoringAlertStore alerts, CashFlows cashFlows, Proceeds proceeds,
                      Enterprises enterprises, BusinessDate businessDate, AuditTrail audit,
                      cn.chanrong.lending.Sanctions sanctions, RuleStore rules,
                      cn.chanrong.enterprise.EnterpriseDetails details, cn.chanrong.lending.Loans loans,
                      cn.chanrong.identity.Consents consents,
                      org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.details = details;
        this.loans = loans;
        this.consents = consents;
        this.sanctions = sanctions;
        this.payments = payments;
        this.alerts = alerts;
        this.cashFlows = cashFlows;
        this.proceeds = proceeds;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.audit = audit;
        this.rules = rules;
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
        return ingest(institution, actor, events, source, Set.of());
    }

    @Override
    @Transactional
    public Report consentedFlows(Caller caller, long loanId) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.institution-only", null));
        }
        cn.chanrong.lending.Loan loan = loans.get(caller, loanId);
        if (loan.institutionId() != caller.institutionId()) {
            throw Rejected.notFound("loan", loanId);
        }
        if (loan.disbursedOn() == null) {
            throw Rejected.conflict(Rejection.of("monitoring.proceeds.not-disbursed", null, loan.number()));
        }
        // the borrower's answer decides: refused with the consent's state when there is none for this loan
        var scope = consents.requireRead(caller, loan.borrowerId(), "monitoring: flows at other banks for " + loan.number());
        boolean forLoan = scope.consents().stream().anyMatch(c -> c.purpose() == cn.chanrong.identity.Consent.Purpose.POST_LOAN
                && Long.valueOf(loanId).equals(c.loanId()));
        if (!forLoan) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.consent.post-loan", null, loan.number()));
        }
        LocalDate today = businessDate.today();
        List<Incoming> events = new ArrayList<>();
        Set<String> consented = new HashSet<>();
        Map<String, Boolean> elsewhere = new HashMap<>();
        var filter = new CashFlows.TransactionFilter(null, loan.disbursedOn(), today, null);
        for (int page = 0; events.size() < CONSENTED_MAX; page++) {
            var found = cashFlows.transactions(caller, loan.borrowerId(), filter, PageRequest.of(page, PageRequest.MAX_SIZE));
            for (CashFlows.Transaction t : found.items()) {
                // the bank's own accounts it reports itself
                boolean other = elsewhere.computeIfAbsent(t.accountNo(), no -> cashFlows.account(no)
                        .map(a -> a.heldAt() == null || a.heldAt() != caller.institutionId()).orElse(false));
                if (!other || t.amount().signum() == 0 || events.size() >= CONSENTED_MAX) {
                    continue;
                }
                consented.add(t.accountNo());
                String ref = "CF-" + t.id();
                events.add(new Incoming(events.size(), ref, ref, new PaymentEvent(
                        t.amount().signum() < 0 ? Direction.DEBIT : Direction.CREDIT, t.accountNo(), t.counterpartyAccount(),
                        t.counterpartyName(), t.amount().abs(), t.currency(), t.valueDate() != null ? t.valueDate() : t.bookingDate(),
                        ref, t.remittance()), List.of()));
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= found.total()) {
                break;
            }
        }
        return ingest(caller.institutionId(), caller.username(), events, i -> null, consented);
    }

    private Report ingest(long institution, String actor, List<Incoming> events, IntFunction<String> source,
                          Set<String> consented) {
        LocalDate today = businessDate.today();
        // the rule versions live now, read once per report: each loan's money is checked by its product's
        RuleBook book = rules.book();
        Detector detector = new Detector((loan, day) -> book.at(institution, loan.product(), day));
        int accepted = 0;
        int duplicates = 0;
        int raised = 0;
        int dead = 0;
        List<DeadLetter> listed = new ArrayList<>();
        Map<Long, Set<String>> related = new HashMap<>();
        // each borrower's loans at the bank, read once per report
        Map<Long, List<Detector.Loan>> lent = new HashMap<>();
        for (Incoming in : events) {
            List<Rejection> reasons = new ArrayList<>(in.unreadable());
            Booked booked = null;
            if (reasons.isEmpty()) {
                booked = check(institution, in.event(), today, reasons, consented, lent);
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
            Optional<Long> id = payments.insert(institution, enterprise, e, c.category().name(), c.reason(),
                    consented.contains(e.account()));
            if (id.isEmpty()) {
                duplicates++;
                continue;
            }
            accepted++;
            raised += detect(detector, book, institution, enterprise, id.get(), e, signed, c, booked.loans(), related, lent);
        }
        audit.record(AuditEvent.success(actor, "monitoring.report", "institution", institution,
                events.size() + " events: " + accepted + " new, " + duplicates + " already reported, " + dead
                        + " set aside, " + raised + " alerts"));
        return new Report(events.size(), accepted, duplicates, raised, dead, listed);
    }

    /** The account an event was booked on and the loans the reporting bank paid out to its owner by the value date. */
    private record Booked(CashFlows.Account account, List<Detector.Loan> loans) {
    }

    /** Where the event was booked, or null after adding why the event cannot be taken. */
    private Booked check(long institution, PaymentEvent e, LocalDate today, List<Rejection> reasons, Set<String> consented,
                         Map<Long, List<Detector.Loan>> lent) {
        if (e.valueDate().isAfter(today)) {
            reasons.add(Rejection.of("monitoring.payment.future", "valueDate", e.valueDate(), today));
        }
        Optional<CashFlows.Account> account = cashFlows.account(e.account());
        if (account.isEmpty()) {
            reasons.add(Rejection.of("monitoring.payment.unknown-account", "account", e.account()));
            return null;
        }
        CashFlows.Account a = account.get();
        if ((a.heldAt() == null || a.heldAt() != institution) && !consented.contains(a.accountNo())) {
            // a bank reports the accounts it keeps; another bank's are seen through statements under a consent
            reasons.add(Rejection.of("monitoring.payment.not-held", "account", e.account(), a.bankName()));
            return null;
        }
        if (!a.currency().equals(e.currency())) {
            reasons.add(Rejection.of("monitoring.payment.currency", "currency", e.currency(), a.currency()));
        }
        int day = Detector.day(e.valueDate());
        List<Detector.Loan> loans = lent.computeIfAbsent(a.enterpriseId(),
                        x -> loans(proceeds.disbursed(institution, x, EVER, today))).stream()
                .filter(l -> l.disbursedOn() <= day).toList();
        if (loans.isEmpty()) {
            // a bank reports the accounts of its own borrowers, nobody else's
            reasons.add(Rejection.of("monitoring.payment.not-a-borrower", "account", e.account()));
        }
        return reasons.isEmpty() ? new Booked(a, loans) : null;
    }

    /**
     * The loans as the detector reads them: one whose contract or disbursement paid any payee by entrusted payment
     * counts as entrusted, with every payee it listed (the named counterparties).
     */
    List<Detector.Loan> loans(List<Proceeds.Disbursed> disbursed) {
        Map<Long, List<Proceeds.Payee>> payees = disbursed.isEmpty() ? Map.of()
                : proceeds.payees(disbursed.stream().map(Proceeds.Disbursed::loanId).toList());
        List<Detector.Loan> out = new ArrayList<>(disbursed.size());
        for (Proceeds.Disbursed d : disbursed) {
            var l = new Detector.Loan(d.loanId(), d.number(), Detector.fen(d.principal()), Detector.day(d.disbursedOn()),
                    d.renewalOf() != null, d.productId()).purposed(d.purpose());
            List<Proceeds.Payee> listed = payees.getOrDefault(d.loanId(), List.of());
            if ("ENTRUSTED".equals(d.paymentMode()) || listed.stream().anyMatch(Proceeds.Payee::entrusted)) {
                l = l.entrustedTo(listed.stream().map(p -> new String[] {p.account(), p.name()}).toList());
            }
            out.add(l);
        }
        return out;
    }

    /** The borrower's related parties and group by name ({@link Detector#key}), as its registration says. */
    Set<String> related(long enterprise) {
        var a = details.affiliation(MONITORING, enterprise);
        Set<String> keys = new HashSet<>();
        if (a != null) {
            if (a.groupName() != null && !a.groupName().isBlank()) {
                keys.add(Detector.key(a.groupName()));
            }
            a.relatedParties().forEach(r -> keys.add(Detector.key(r.name())));
        }
        return keys;
    }

    /**
     * Runs the detections on a new payment through the same {@link Detector} a stream uses, reading the loans
     * already loaded and the payments out the bank reported before (the store, this payment excepted); returns
     * the alerts raised.
     */
    private int detect(Detector detector, RuleBook book, long institution, long enterprise, long paymentId, PaymentEvent e,
                       BigDecimal signed, Categorisation c, List<Detector.Loan> loans, Map<Long, Set<String>> related,
                       Map<Long, List<Detector.Loan>> lent) {
        var event = new Detector.Event(e.account(), e.bankReference(), e.counterpartyAccount(), e.counterpartyName(),
                Detector.fen(signed), c.category(), Detector.day(e.valueDate()));
        int raised = 0;
        for (Detector.Finding f : detector.detect(event, new StoredHistory(institution, enterprise, paymentId, loans,
                () -> related.computeIfAbsent(enterprise, this::related)))) {
            Long earlier = f.earlier() == null ? null : f.earlier().id();
            raised += raise(institution, enterprise, paymentId, earlier, f.loan(), f.rule(), f.version(),
                    c.category().name(), f.days());
        }
        if (e.direction() == Direction.DEBIT) {
            raised += passThrough(book, lent, institution, enterprise, paymentId, e, c);
        }
        return raised;
    }

    /**
     * Whether this payment out sends on loan money another borrower of the bank paid into the account just before:
     * the alert goes to that borrower's loan (its money passed through here), this payment its evidence.
     */
    private int passThrough(RuleBook book, Map<Long, List<Detector.Loan>> lent, long institution, long enterprise,
                            long paymentId, PaymentEvent e, Categorisation c) {
        int longest = Rules.DEFAULT.passThrough().days();
        for (RuleBook.Row row : book.rows()) {
            if (row.params() instanceof Rules.PassThroughParams p) {
                longest = Math.max(longest, p.days());
            }
        }
        List<PaymentStore.Into> into = payments.paidInto(institution, e.account(), enterprise, e.valueDate().minusDays(longest),
                e.valueDate());
        if (into.isEmpty()) {
            return 0;
        }
        List<PassThrough.Inbound> inbound = new ArrayList<>();
        for (PaymentStore.Into in : into) {
            List<Detector.Loan> theirs = lent.computeIfAbsent(in.enterpriseId(),
                    x -> loans(proceeds.disbursed(institution, x, EVER, businessDate.today())));
            int day = Detector.day(in.valueDate());
            // the money of the sender's loan paid out latest on or before the payment in
            Detector.Loan loan = theirs.stream().filter(l -> l.disbursedOn() <= day)
                    .max(java.util.Comparator.comparingInt(Detector.Loan::disbursedOn).thenComparingLong(Detector.Loan::id))
                    .orElse(null);
            Rules.PassThroughParams rule = loan == null ? Rules.DEFAULT.passThrough()
                    : book.at(institution, loan.product(), Detector.day(e.valueDate())).passThrough();
            inbound.add(new PassThrough.Inbound(in.id(), Detector.fen(in.amount()), day, loan, rule));
        }
        Detector.Finding f = PassThrough.check(Detector.fen(e.amount()), Detector.day(e.valueDate()), inbound);
        if (f == null) {
            return 0;
        }
        long sender = into.stream().filter(x -> x.id() == f.earlier().id()).findFirst().orElseThrow().enterpriseId();
        return raise(institution, sender, paymentId, f.earlier().id(), f.loan(), f.rule(), f.version(), c.category().name(),
                f.days());
    }

    /** What the detector reads on the API path: the loans loaded with the event, the payments out in the store. */
    private final class StoredHistory implements Detector.History {
        private final long institution;
        private final long enterprise;
        private final long except;
        private final List<Detector.Loan> loans;
        private final java.util.function.Supplier<Set<String>> related;

        StoredHistory(long institution, long enterprise, long except, List<Detector.Loan> loans,
                      java.util.function.Supplier<Set<String>> related) {
            this.institution = institution;
            this.enterprise = enterprise;
            this.except = except;
            this.loans = loans;
            this.related = related;
        }

        @Override
        public boolean related(String account, String counterpartyName) {
            return related.get().contains(Detector.key(counterpartyName));
        }

        @Override
        public List<Detector.Loan> loans(String account, int day) {
            return loans;
        }

        @Override
        public void debits(String account, int from, int to, List<Detector.Debit> into) {
            for (PaymentStore.Debit d : payments.debits(institution, enterprise, LocalDate.ofEpochDay(from),
                    LocalDate.ofEpochDay(to), except)) {
                into.add(new Detector.Debit(d.id(), d.bankReference(), d.counterpartyAccount(), d.counterpartyName(),
                        Detector.fen(d.amount()), Detector.day(d.valueDate())));
            }
        }
    }

    private int raise(long institution, long enterprise, long paymentId, Long earlier, Detector.Loan loan, String rule,
                      int version, String category, long days) {
        String name = enterprises.get(MONITORING, enterprise).name();
        return alerts.raise(new MonitoringAlertStore.Raise(institution, loan.id(), loan.number(), enterprise, name,
                paymentId, earlier, rule, version, category, days)) ? 1 : 0;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Alert> alerts(Caller caller, String status, PageRequest page) {
        Page<Alert> found = alerts.list(caller, status(status), page);
        return new Page<>(withActions(found.items()), found.page(), found.size(), found.total());
    }

    /** The alerts with what their lenders did about them, in one read. */
    private List<Alert> withActions(List<Alert> list) {
        var taken = sanctions.taken(list.stream().map(Alert::caseNumber).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(cn.chanrong.lending.Sanctions.Act::caseNumber));
        return list.stream().map(a -> a.withActions(taken.getOrDefault(a.caseNumber(), List.of()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Alert alert(Caller caller, long id) {
        return withActions(List.of(alerts.find(caller, id, false).orElseThrow(() -> Rejected.notFound("alert", id)))).getFirst();
    }

    private static final BigDecimal DEFAULT_MARKUP = new BigDecimal("0.5");

    @Override
    @Transactional
    public Alert act(Caller caller, long id, ActionRequest r) {
        Alert a = alerts.find(caller, id, true).orElseThrow(() -> Rejected.notFound("alert", id));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId() || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        Action action;
        try {
            action = Action.valueOf(r.action() == null ? "" : r.action().strip());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("enum", "action", r.action(), java.util.Arrays.toString(Action.values())));
        }
        if (a.status() != AlertStatus.CONFIRMED) {
            // only a confirmed diversion justifies acting on the loan
            throw Rejected.conflict(Rejection.of("monitoring.action.not-confirmed", null, a.caseNumber()));
        }
        if (action == Action.REPORT_TO_WARNING) {
            // the joint warning mechanism records it (once per case) in this transaction
            if (r.reason() == null || r.reason().strip().length() < 2 || r.reason().strip().length() > 500) {
                throw Rejected.invalid(Rejection.of("length", "reason", 2, 500));
            }
            events.publishEvent(new CaseReported(a.caseNumber(), a.rule(), a.loanId(), a.loanNumber(), a.institutionId(),
                    r.reason().strip(), businessDate.today(), caller.username()));
            audit.record(AuditEvent.success(caller.username(), "monitoring.alert.action", "loan", a.loanNumber(),
                    a.caseNumber() + ": " + action.name()));
            return alert(caller, id);
        }
        var kind = switch (action) {
            case STOP_DRAWDOWNS -> cn.chanrong.lending.Sanctions.Kind.STOP_DRAWDOWNS;
            case DIVERSION_PENALTY -> cn.chanrong.lending.Sanctions.Kind.DIVERSION_PENALTY;
            case ACCELERATE -> cn.chanrong.lending.Sanctions.Kind.ACCELERATION;
            case SPECIAL_MENTION -> cn.chanrong.lending.Sanctions.Kind.SPECIAL_MENTION;
            case REPORT_TO_WARNING -> throw new IllegalStateException("handled above");
        };
        // the money left on the day of the payment out (a round trip's earlier payment), in the amount reported
        var diversion = action != Action.DIVERSION_PENALTY ? null : new cn.chanrong.lending.Sanctions.Diversion(
                r.amount() != null ? r.amount() : a.amount(),
                r.since() != null ? r.since() : a.earlier() != null ? a.earlier().valueDate() : a.valueDate(),
                r.markup() != null ? r.markup() : DEFAULT_MARKUP);
        sanctions.act(caller, a.loanId(), kind, a.caseNumber(), r.reason(), diversion);
        audit.record(AuditEvent.success(caller.username(), "monitoring.alert.action", "loan", a.loanNumber(),
                a.caseNumber() + ": " + action.name()));
        return alert(caller, id);
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
        if (decided == AlertStatus.CONFIRMED) {
            events.publishEvent(new DiversionConfirmed(a.caseNumber(), a.rule(), a.loanId(), a.loanNumber(), a.institutionId(),
                    businessDate.today()));
        }
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
