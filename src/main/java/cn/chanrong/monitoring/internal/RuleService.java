package cn.chanrong.monitoring.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.Products;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.monitoring.MonitoringRules;
import cn.chanrong.monitoring.domain.Detector;
import cn.chanrong.monitoring.domain.RuleBook;
import cn.chanrong.monitoring.domain.RuleReplay;
import cn.chanrong.monitoring.domain.Rules;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule versions: drafted by an institution's approver or administrator (the platform's by an administrator),
 * back-tested over the payments already kept, put live by someone else, in force from their date.
 */
@Service
class RuleService implements MonitoringRules {

    /** The most payments one back-test reads. */
    static final int MAX_REPLAYED = 200_000;
    /** The longest period one back-test covers. */
    static final int MAX_DAYS = 366;
    private static final Caller MONITORING = Caller.system("monitoring");
    private static final LocalDate EVER = LocalDate.of(1900, 1, 1);

    private final RuleStore store;
    private final MonitoringService monitoring;
    private final PaymentStore payments;
    private final Proceeds proceeds;
    private final Products products;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    RuleService(RuleStore store, PaymentStore payments, Proceeds proceeds, Products products, Institutions institutions,
                Enterprises enterprises, BusinessDate businessDate, AuditTrail audit, MonitoringService monitoring) {
        this.monitoring = monitoring;
        this.store = store;
        this.payments = payments;
        this.proceeds = proceeds;
        this.products = products;
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<RuleVersion> list(Caller caller, String rule, String status, PageRequest page) {
        List<Rejection> problems = new ArrayList<>();
        String code = rule == null || rule.isBlank() ? null : rule.strip();
        if (code != null && !Rules.CODES.contains(code)) {
            problems.add(Rejection.of("enum", "rule", rule, String.join(", ", Rules.CODES)));
        }
        Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Status.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(Rejection.of("enum", "status", status, "DRAFT, LIVE, WITHDRAWN"));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!readsAny(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.rule.forbidden", null));
        }
        Page<RuleStore.Stored> found = store.list(caller, code, s, page);
        RuleBook book = store.book();
        Names names = new Names();
        return new Page<>(found.items().stream().map(x -> view(x, book, names)).toList(), found.page(), found.size(),
                found.total());
    }

    private static boolean readsAny(Caller caller) {
        return caller.isAdmin() || caller.is(Role.INSTITUTION) || caller.isFinancialRegulator();
    }

    @Override
    @Transactional(readOnly = true)
    public RuleVersion get(Caller caller, long id) {
        return view(find(caller, id, false), store.book(), new Names());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<RuleVersion> version(Caller caller, String rule, int version) {
        return store.byVersion(caller, rule, version).map(s -> view(s, store.book(), new Names()));
    }

    private RuleStore.Stored find(Caller caller, long id, boolean lock) {
        return store.find(caller, id, lock).orElseThrow(() -> Rejected.notFound("rule", id));
    }

    /** Who may write a version of this scope: the platform's the administrators, an institution's its approvers and administrators. */
    private static void requireWriter(Caller caller, Long institutionId) {
        boolean ok = institutionId == null ? caller.isAdmin()
                : caller.is(Role.INSTITUTION) && institutionId.equals(caller.institutionId())
                && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"));
        if (!ok) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.rule.writer-only", null));
        }
    }

    @Override
    @Transactional
    public RuleVersion draft(Caller caller, Draft d) {
        Long institution = caller.is(Role.INSTITUTION) ? caller.institutionId() : null;
        requireWriter(caller, institution);
        List<Rejection> problems = new ArrayList<>();
        String code = d.rule() == null ? "" : d.rule().strip();
        Map<String, Object> params = d.params() == null ? Map.of() : d.params();
        if (d.params() == null) {
            problems.add(Rejection.of("required", "params"));
        }
        Rules.Params parsed = d.params() == null ? null : Rules.parse(code, 0, params, problems);
        if (d.params() == null && !Rules.CODES.contains(code)) {
            problems.add(Rejection.of("enum", "rule", d.rule(), String.join(", ", Rules.CODES)));
        }
        LocalDate today = businessDate.today();
        if (d.effectiveFrom() == null) {
            problems.add(Rejection.of("required", "effectiveFrom"));
        } else if (d.effectiveFrom().isBefore(today)) {
            // a rule changes what is checked from now on; it does not rewrite alerts already raised
            problems.add(Rejection.of("monitoring.rule.effective-past", "effectiveFrom", d.effectiveFrom(), today));
        }
        String note = d.note() == null ? "" : d.note().strip();
        if (note.length() < 2 || note.length() > 500) {
            problems.add(Rejection.of("length", "note", 2, 500));
        }
        if (d.productId() != null) {
            if (institution == null) {
                problems.add(Rejection.of("monitoring.rule.platform-product", "productId"));
            } else if (!ownProduct(caller, d.productId())) {
                problems.add(Rejection.of("monitoring.rule.product", "productId", d.productId()));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insert(code, institution, d.productId(), d.effectiveFrom(), parsed.values(), note, caller.username());
        RuleStore.Stored s = find(caller, id, false);
        audit.record(AuditEvent.success(caller.username(), "monitoring.rule.draft", "monitoring_rule", id,
                code + " v" + s.version() + " from " + d.effectiveFrom() + ": " + note));
        return view(s, store.book(), new Names());
    }

    private boolean ownProduct(Caller caller, long productId) {
        try {
            return products.get(caller, productId).institutionId() == caller.institutionId();
        } catch (Rejected notFound) {
            return false;
        }
    }

    @Override
    @Transactional
    public RuleVersion backtest(Caller caller, long id, LocalDate from, LocalDate to) {
        RuleStore.Stored s = find(caller, id, true);
        requireWriter(caller, s.institutionId());
        if (s.status() != Status.DRAFT) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.not-draft", null, s.status().name()));
        }
        if (!Rules.REPLAYED.contains(s.rule())) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.not-replayed", null, s.rule()));
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        if (from == null) {
            problems.add(Rejection.of("required", "from"));
        }
        if (to == null) {
            problems.add(Rejection.of("required", "to"));
        } else if (to.isAfter(today)) {
            problems.add(Rejection.of("monitoring.rule.backtest-future", "to", to, today));
        }
        if (from != null && to != null && (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)) {
            problems.add(Rejection.of("monitoring.rule.backtest-period", "from", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Backtest result = replay(s, from, to, caller.username());
        store.backtested(id, result);
        audit.record(AuditEvent.success(caller.username(), "monitoring.rule.backtest", "monitoring_rule", id,
                s.rule() + " v" + s.version() + " over " + from + "–" + to + ": " + result.payments() + " payments, +"
                        + result.added() + " −" + result.removed()));
        return view(find(caller, id, false), store.book(), new Names());
    }

    /** The draft and the live versions over the same kept payments (the platform's draft: every institution's). */
    private Backtest replay(RuleStore.Stored s, LocalDate from, LocalDate to, String by) {
        RuleBook.Row draft = s.row();
        RuleBook live = store.book();
        RuleBook trying = live.trying(draft);
        // history from as far back as any version, live or drafted, looks
        int longest = Math.max(Rules.DEFAULT.with(draft.params()).longestWindow(), maxWindow(live));
        List<PaymentStore.Kept> kept = payments.kept(s.institutionId(), from.minusDays(longest), to, MAX_REPLAYED + 1);
        boolean truncated = kept.size() > MAX_REPLAYED;
        if (truncated) {
            kept = kept.subList(0, MAX_REPLAYED);
        }
        Map<String, List<Detector.Loan>> loans = new HashMap<>();
        Map<Long, Long> lender = new HashMap<>();
        Map<String, Set<String>> related = new HashMap<>();
        List<RuleReplay.Kept> events = new ArrayList<>(kept.size());
        for (PaymentStore.Kept k : kept) {
            String key = k.institutionId() + ":" + k.enterpriseId();
            loans.computeIfAbsent(key, x -> {
                var disbursed = proceeds.disbursed(k.institutionId(), k.enterpriseId(), EVER, to);
                disbursed.forEach(d -> lender.put(d.loanId(), d.institutionId()));
                return monitoring.loans(disbursed);
            });
            related.computeIfAbsent(key, x -> monitoring.related(k.enterpriseId()));
            BigDecimal signed = "DEBIT".equals(k.direction()) ? k.amount().negate() : k.amount();
            events.add(new RuleReplay.Kept(k.id(), key, new Detector.Event(key, k.bankReference(), k.counterpartyAccount(),
                    k.counterpartyName(), Detector.fen(signed), CounterpartyCategory.valueOf(k.category()),
                    Detector.day(k.valueDate()))));
        }
        RuleReplay.Outcome o = RuleReplay.run(events, loans, related, (l, day) -> live.at(lender.get(l.id()), l.product(), day),
                (l, day) -> trying.at(lender.get(l.id()), l.product(), day), Detector.day(from));
        Map<String, Integer> liveCounts = counts(o.live());
        Map<String, Integer> draftCounts = counts(o.draft());
        Set<String> a = keys(o.live());
        Set<String> b = keys(o.draft());
        Map<Long, PaymentStore.Kept> byId = new HashMap<>();
        kept.forEach(k -> byId.put(k.id(), k));
        List<Change> changes = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (RuleReplay.Found f : o.draft()) {
            if (!a.contains(key(f))) {
                added++;
                if (changes.size() < CHANGES_LISTED) {
                    changes.add(change("ADDED", f, byId.get(f.paymentId())));
                }
            }
        }
        for (RuleReplay.Found f : o.live()) {
            if (!b.contains(key(f))) {
                removed++;
                if (changes.size() < CHANGES_LISTED) {
                    changes.add(change("REMOVED", f, byId.get(f.paymentId())));
                }
            }
        }
        return new Backtest(from, to, o.evaluated(), truncated, liveCounts, draftCounts, added, removed, changes, by,
                null);
    }

    private static int maxWindow(RuleBook book) {
        int longest = Rules.DEFAULT.longestWindow();
        for (RuleBook.Row row : book.rows()) {
            longest = Math.max(longest, Rules.DEFAULT.with(row.params()).longestWindow());
        }
        return longest;
    }

    private Change change(String kind, RuleReplay.Found f, PaymentStore.Kept k) {
        return new Change(kind, f.finding().rule(), k.bankReference(), k.valueDate(), k.amount(), k.counterpartyName(),
                enterprises.get(MONITORING, k.enterpriseId()).name(), f.finding().loan().number());
    }

    private static String key(RuleReplay.Found f) {
        return f.paymentId() + "/" + f.finding().rule();
    }

    private static Set<String> keys(List<RuleReplay.Found> found) {
        Set<String> s = new HashSet<>();
        found.forEach(f -> s.add(key(f)));
        return s;
    }

    private static Map<String, Integer> counts(List<RuleReplay.Found> found) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String code : Rules.REPLAYED) {
            m.put(code, 0);
        }
        found.forEach(f -> m.merge(f.finding().rule(), 1, Integer::sum));
        return m;
    }

    @Override
    @Transactional
    public RuleVersion activate(Caller caller, long id) {
        RuleStore.Stored s = find(caller, id, true);
        requireWriter(caller, s.institutionId());
        if (s.status() != Status.DRAFT) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.not-draft", null, s.status().name()));
        }
        if (s.backtest() == null && Rules.REPLAYED.contains(s.rule())) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.not-backtested", null));
        }
        if (s.institutionId() != null && caller.username().equals(s.draftedBy())) {
            // maker and checker: the one who wrote the version does not put it live
            throw Rejected.conflict(Rejection.of("monitoring.rule.four-eyes", null, s.draftedBy()));
        }
        LocalDate today = businessDate.today();
        if (s.effectiveFrom().isBefore(today)) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.effective-past", "effectiveFrom", s.effectiveFrom(), today));
        }
        store.decide(id, Status.LIVE, caller.username());
        audit.record(AuditEvent.success(caller.username(), "monitoring.rule.live", "monitoring_rule", id,
                s.rule() + " v" + s.version() + " from " + s.effectiveFrom()));
        return view(find(caller, id, false), store.book(), new Names());
    }

    @Override
    @Transactional
    public RuleVersion withdraw(Caller caller, long id) {
        RuleStore.Stored s = find(caller, id, true);
        requireWriter(caller, s.institutionId());
        if (s.status() != Status.DRAFT) {
            throw Rejected.conflict(Rejection.of("monitoring.rule.not-draft", null, s.status().name()));
        }
        store.decide(id, Status.WITHDRAWN, caller.username());
        audit.record(AuditEvent.success(caller.username(), "monitoring.rule.withdrawn", "monitoring_rule", id,
                s.rule() + " v" + s.version()));
        return view(find(caller, id, false), store.book(), new Names());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> current(Caller caller, String rule, Long productId) {
        if (rule == null || !Rules.CODES.contains(rule)) {
            throw Rejected.invalid(Rejection.of("enum", "rule", rule, String.join(", ", Rules.CODES)));
        }
        if (!readsAny(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("monitoring.rule.forbidden", null));
        }
        long institution = caller.is(Role.INSTITUTION) ? caller.institutionId() : -1L;
        return store.book().at(institution, productId, Detector.day(businessDate.today())).of(rule).values();
    }

    /** Institution and product names, each looked up once per answer. */
    private final class Names {
        private final Map<Long, String> institutionNames = new HashMap<>();
        private final Map<Long, String> productNames = new HashMap<>();

        String institution(Long id) {
            return id == null ? null : institutionNames.computeIfAbsent(id, x -> institutions.list().stream()
                    .filter(i -> i.id() == x).map(cn.chanrong.institution.Institution::name).findFirst().orElse(null));
        }

        String product(Long id) {
            return id == null ? null : productNames.computeIfAbsent(id, x -> products.get(MONITORING, x).name());
        }
    }

    private RuleVersion view(RuleStore.Stored s, RuleBook book, Names names) {
        RuleBook.Row current = s.status() == Status.LIVE
                ? book.inScope(s.rule(), s.institutionId(), s.productId(), Detector.day(businessDate.today())) : null;
        boolean inForce = current != null && current.version() == s.version();
        return new RuleVersion(s.id(), s.rule(), s.version(), s.institutionId(), names.institution(s.institutionId()),
                s.productId(), names.product(s.productId()), s.effectiveFrom(), s.params(), s.note(), s.status(), inForce,
                s.backtest(), s.draftedBy(), s.draftedAt(), s.decidedBy(), s.decidedAt());
    }
}
