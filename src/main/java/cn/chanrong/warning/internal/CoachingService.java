package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.CoachingCases;
import cn.chanrong.warning.domain.CaseStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching cases: the office (MIIT's regulators, a bureau in its region) opens, assigns, records reviews and the outcome;
 * each checklist item is marked supplied by its supplier; every act audited, every read in scope.
 */
@Service
class CoachingService implements CoachingCases {

    /** The largest financing need a case names (one trillion yuan). */
    static final BigDecimal MAX_NEED = new BigDecimal("1000000000000.00");

    private final CoachingStore store;
    /** Where the module looks an enterprise up by its credit code. */
    private final WarningListStore registry;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    CoachingService(CoachingStore store, WarningListStore registry, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    private static void requireOffice(Caller caller) {
        if (!caller.is(Role.REGULATOR) || !"MIIT".equals(caller.department())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.case.office-only", null));
        }
    }

    private static void text(String v, String field, int max, List<Rejection> problems) {
        if (v == null || v.isBlank()) {
            problems.add(Rejection.of("required", field));
        } else if (v.strip().length() < 2 || v.strip().length() > max) {
            problems.add(Rejection.of("length", field, 2, max));
        }
    }

    @Override
    @Transactional
    public Case open(Caller caller, Open r) {
        return open(caller, r, businessDate.today());
    }

    /** As {@link #open(Caller, Open)}, opened on {@code today} (the demo's case in the past). */
    @Transactional
    Case open(Caller caller, Open r, LocalDate today) {
        requireOffice(caller);
        List<Rejection> problems = new ArrayList<>();
        WarningListStore.Registered e = null;
        if (r.enterprise() == null || r.enterprise().isBlank()) {
            problems.add(Rejection.of("required", "enterprise"));
        } else {
            e = registry.enterprise(r.enterprise().strip()).orElse(null);
            String prefix = caller.regionPrefix();
            if (e == null || prefix != null && (e.regionCode() == null || !e.regionCode().startsWith(prefix))) {
                problems.add(Rejection.of("warning.case.enterprise", "enterprise", r.enterprise().strip()));
            } else if (e.regionCode() == null) {
                problems.add(Rejection.of("warning.case.enterprise", "enterprise", r.enterprise().strip()));
            }
        }
        text(r.project(), "project", 200, problems);
        if (r.financingNeed() == null) {
            problems.add(Rejection.of("required", "financingNeed"));
        } else if (r.financingNeed().signum() <= 0 || r.financingNeed().compareTo(MAX_NEED) > 0) {
            problems.add(Rejection.of("range", "financingNeed", "0.01", MAX_NEED.toPlainString(),
                    r.financingNeed().toPlainString()));
        }
        if (r.dueOn() == null) {
            problems.add(Rejection.of("required", "dueOn"));
        } else if (r.dueOn().isBefore(today)) {
            problems.add(Rejection.of("warning.case.due-past", "dueOn", r.dueOn(), today));
        }
        List<ItemDraft> items = r.items() == null ? List.of() : r.items();
        if (items.isEmpty() || items.size() > 50) {
            problems.add(Rejection.of("range", "items", 1, 50, items.size()));
        }
        for (int n = 0; n < items.size(); n++) {
            ItemDraft i = items.get(n);
            text(i.name(), "items[" + n + "].name", 200, problems);
            if (i.supplier() == null) {
                problems.add(Rejection.of("required", "items[" + n + "].supplier"));
            }
            if (i.dueOn() == null) {
                problems.add(Rejection.of("required", "items[" + n + "].dueOn"));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        String region = caller.regionCode() != null ? caller.regionCode() : e.regionCode();
        long id = store.insertCase(region, e.id(), r.project().strip(), r.financingNeed(), today, r.dueOn(), caller.username());
        items.forEach(i -> store.insertItem(id, i));
        audit.record(AuditEvent.success(caller.username(), "warning.case.open", "warning_case", id,
                e.name() + ": " + r.project().strip() + ", " + items.size() + " items"));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Case> list(Caller caller, String status, PageRequest page) {
        CaseStatus st = status == null || status.isBlank() ? null : CaseStatus.parse(status.strip()).orElseThrow(() ->
                Rejected.invalid(Rejection.of("enum", "status", status, java.util.Arrays.toString(CaseStatus.values()))));
        var heads = store.list(caller, st, page);
        return new Page<>(heads.items().stream().map(this::full).toList(), heads.page(), heads.size(), heads.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Case get(Caller caller, long id) {
        return full(store.find(caller, id, false).orElseThrow(() -> Rejected.notFound("warning-case", id)));
    }

    private Case full(CoachingStore.Head h) {
        LocalDate today = businessDate.today();
        return new Case(h.id(), "FD" + h.openedOn().getYear() + String.format("%06d", h.id()), h.regionCode(), h.enterpriseId(),
                h.enterpriseName(), h.project(), h.need(), h.openedOn(), h.dueOn(), h.status(), h.outcomeLoan(), h.outcomeDeal(),
                h.closedOn(), h.missing(), h.status().overdue(h.dueOn(), today), store.items(h.id(), today),
                store.specialistsOf(h.id()), store.reviews(h.id()));
    }

    @Override
    @Transactional
    public Case supply(Caller caller, long itemId) {
        var item = store.item(itemId).orElseThrow(() -> Rejected.notFound("warning-case-item", itemId));
        CoachingStore.Head h = store.find(caller, item.caseId(), true)
                .orElseThrow(() -> Rejected.notFound("warning-case-item", itemId));
        boolean mine = switch (item.supplier()) {
            case ENTERPRISE -> caller.is(Role.ENTERPRISE) && caller.enterpriseId() != null && caller.enterpriseId() == h.enterpriseId();
            case INSTITUTION -> caller.is(Role.INSTITUTION) && caller.institutionId() != null
                    && store.assigned(h.id(), caller.institutionId());
            case OFFICE -> caller.is(Role.REGULATOR) && "MIIT".equals(caller.department());
        };
        if (!mine) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.case.not-your-item", null, item.supplier().name()));
        }
        if (!store.supply(itemId, businessDate.today(), caller.username())) {
            throw Rejected.conflict(Rejection.of("warning.case.supplied", null, item.suppliedOn()));
        }
        audit.record(AuditEvent.success(caller.username(), "warning.case.supply", "warning_case", h.id(), "item " + itemId));
        return get(caller, h.id());
    }

    @Override
    @Transactional
    public Case assign(Caller caller, long caseId, long specialistId) {
        requireOffice(caller);
        CoachingStore.Head h = store.find(caller, caseId, true).orElseThrow(() -> Rejected.notFound("warning-case", caseId));
        var s = store.specialist(specialistId).orElseThrow(() -> Rejected.invalid(Rejection.of("warning.case.specialist",
                "specialist", specialistId)));
        if (!store.assign(h.id(), s.id())) {
            throw Rejected.conflict(Rejection.of("warning.case.assigned", "specialist", s.name()));
        }
        audit.record(AuditEvent.success(caller.username(), "warning.case.assign", "warning_case", h.id(),
                s.name() + " (" + s.institutionName() + ")"));
        return get(caller, h.id());
    }

    @Override
    @Transactional
    public Case review(Caller caller, long caseId, long expertId, boolean conflict, Recommendation recommendation,
                       String opinion) {
        requireOffice(caller);
        CoachingStore.Head h = store.find(caller, caseId, true).orElseThrow(() -> Rejected.notFound("warning-case", caseId));
        List<Rejection> problems = new ArrayList<>();
        var expert = store.expert(expertId);
        if (expert.isEmpty()) {
            problems.add(Rejection.of("warning.case.expert", "expert", expertId));
        }
        if (conflict && recommendation != null) {
            // a conflicted expert recuses: the conflict is recorded, not a recommendation
            problems.add(Rejection.of("warning.case.conflicted", "recommendation"));
        } else if (!conflict && recommendation == null) {
            problems.add(Rejection.of("required", "recommendation"));
        }
        text(opinion, "opinion", 1000, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!store.insertReview(h.id(), expertId, conflict, recommendation, opinion.strip(), businessDate.today(),
                caller.username())) {
            throw Rejected.conflict(Rejection.of("warning.case.reviewed", "expert", expert.get().name()));
        }
        audit.record(AuditEvent.success(caller.username(), "warning.case.review", "warning_case", h.id(),
                expert.get().name() + (conflict ? " recused" : ": " + recommendation)));
        return get(caller, h.id());
    }

    @Override
    @Transactional
    public Case outcome(Caller caller, long caseId, String number) {
        requireOffice(caller);
        CoachingStore.Head h = store.find(caller, caseId, true).orElseThrow(() -> Rejected.notFound("warning-case", caseId));
        CaseStatus next = h.status().finance().orThrow();
        if (number == null || number.isBlank()) {
            throw Rejected.invalid(Rejection.of("required", "loan"));
        }
        String n = number.strip();
        boolean deal = n.startsWith(DEAL_PREFIX);
        long financing = (deal ? store.dealTo(n, h.enterpriseId()) : store.loanTo(n, h.enterpriseId())).orElseThrow(() ->
                Rejected.invalid(Rejection.of(deal ? "warning.case.deal" : "warning.case.loan", deal ? "deal" : "loan", n,
                        h.enterpriseName())));
        store.financed(h.id(), next, financing, deal, businessDate.today());
        audit.record(AuditEvent.success(caller.username(), "warning.case.financed", "warning_case", h.id(), n));
        return get(caller, h.id());
    }

    /** Equity deals are numbered EQ + year + id (the capital module's numbering). */
    static final String DEAL_PREFIX = "EQ";

    @Override
    @Transactional(readOnly = true)
    public Funnel funnel(Caller caller) {
        return store.funnel(caller, businessDate.today());
    }

    @Override
    @Transactional
    public Expert registerExpert(Caller caller, Expert e) {
        requireOffice(caller);
        List<Rejection> problems = new ArrayList<>();
        text(e.name(), "name", 100, problems);
        text(e.organisation(), "organisation", 200, problems);
        text(e.fields(), "fields", 200, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Expert clean = new Expert(0, e.name().strip(), e.organisation().strip(), e.fields().strip(), caller.regionCode());
        long id = store.insertExpert(clean, caller.username());
        audit.record(AuditEvent.success(caller.username(), "warning.expert.register", "warning_expert", id, clean.name()));
        return new Expert(id, clean.name(), clean.organisation(), clean.fields(), clean.regionCode());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Expert> experts(Caller caller) {
        if (!caller.is(Role.REGULATOR) && !caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.case.office-only", null));
        }
        return store.experts();
    }

    @Override
    @Transactional
    public Specialist registerSpecialist(Caller caller, String name, String enterpriseCreditCode, String park) {
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null
                || !(caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.specialist.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        text(name, "name", 100, problems);
        Long enterprise = null;
        if (enterpriseCreditCode != null && !enterpriseCreditCode.isBlank()) {
            enterprise = registry.enterprise(enterpriseCreditCode.strip()).map(WarningListStore.Registered::id).orElse(null);
            if (enterprise == null) {
                problems.add(Rejection.of("warning.list.unknown-enterprise", "enterprise", enterpriseCreditCode.strip()));
            }
        }
        String p = park == null || park.isBlank() ? null : park.strip();
        if (p != null && p.length() > 200) {
            problems.add(Rejection.of("length", "park", 2, 200));
        }
        if (enterprise == null && p == null && (enterpriseCreditCode == null || enterpriseCreditCode.isBlank())) {
            problems.add(Rejection.of("warning.specialist.where", "park"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insertSpecialist(caller.institutionId(), name.strip(), enterprise, p, caller.username());
        audit.record(AuditEvent.success(caller.username(), "warning.specialist.register", "warning_specialist", id, name.strip()));
        return store.specialist(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Specialist> specialists(Caller caller) {
        if (caller.is(Role.INSTITUTION)) {
            return store.specialists(caller.institutionId());
        }
        if (caller.is(Role.REGULATOR) || caller.isAdmin()) {
            return store.specialists(null);
        }
        throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.case.office-only", null));
    }
}
