package cn.chanrong.matching.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.matching.ProjectLists;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProjectListService implements ProjectLists {

    static final Set<String> DEPARTMENTS = Set.of("MIIT", "NDRC");
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final ProjectListStore store;
    private final PushTargets targets;
    private final Loans loans;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final int defaultContactDays;

    ProjectListService(ProjectListStore store, PushTargets targets, Loans loans, ReferenceData reference,
                       BusinessDate businessDate, AuditTrail audit, Environment env,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.targets = targets;
        this.loans = loans;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
        this.defaultContactDays = env.getProperty("chanrong.matching.contact-working-days", Integer.class, 10);
    }

    private static void requireIssuer(Caller caller) {
        if (!(caller.is(Role.REGULATOR) && DEPARTMENTS.contains(caller.department()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("project-list.issuer-only", null, DEPARTMENTS));
        }
    }

    @Override
    @Transactional
    public Imported importList(Caller caller, byte[] csv, String charset, Integer contactDays) {
        return importFile(caller, Upload.of(csv), charset, contactDays);
    }

    @Override
    @Transactional
    public Imported importList(Caller caller, Upload csv, String charset, Integer contactDays) {
        return importFile(caller, csv, charset, contactDays);
    }

    private Imported importFile(Caller caller, Upload csv, String charset, Integer contactDays) {
        requireIssuer(caller);
        int days = contactDays == null ? defaultContactDays : contactDays;
        ProjectListFile file = ProjectListFile.read(csv, charset);
        FirstErrors<ImportReport.RowError> errors = file.errors();
        if (days < 1 || days > 60) {
            errors.add(new ImportReport.RowError(0, "contactDays", Rejection.of("range", "contactDays", 1, 60, days)));
        }
        String batch = file.batch();
        String type = file.type();
        if (errors.isEmpty() && store.batchExists(caller.department(), batch, type)) {
            errors.add(new ImportReport.RowError(0, "batch_no",
                    Rejection.of("project-list.batch-exists", "batch_no", batch, type)));
        }
        if (!errors.isEmpty()) {
            audit.record(AuditEvent.success(caller.username(), "project-list.refused", "project_list", 0,
                    errors.total() + " errors"));
            return new Imported(ImportReport.refused("project-list", file.lines(), errors), null);
        }
        LocalDate today = businessDate.today();
        DockingStep.ListType listType = DockingStep.ListType.valueOf(type);
        long listId = store.insertList(batch, type, caller.department(), caller.regionCode(), caller.username(), today, days);
        LocalDate due = reference.addWorkingDays(today, days);
        Map<Long, InstitutionDetails> detailCache = new HashMap<>();
        long[] pushes = {0};
        int[] items = {0};
        file.forEachRow(r -> {
            var ent = store.enterprise(r.creditCode());
            Long enterpriseId = ent.map(ProjectListStore.Registered::id).orElse(null);
            String region = ent.map(ProjectListStore.Registered::regionCode).orElse(null);
            long itemId = store.insertItem(listId, r, enterpriseId, region);
            items[0]++;
            for (long inst : targets.suitable(listType, region, today, caller.regionCode(), detailCache)) {
                store.insertPush(itemId, inst, today, due);
                step(itemId, inst, 1, DockingStep.PUSHED, today, false, caller.username(), "batch " + batch);
                pushes[0]++;
            }
        });
        audit.record(AuditEvent.success(caller.username(), "project-list.import", "project_list", listId,
                batch + " " + type + ": " + items[0] + " items, " + pushes[0] + " pushes"));
        return new Imported(new ImportReport("project-list", items[0], items[0], 0, 0, List.of()),
                list(caller, listId));
    }

    private void step(long item, long inst, int seq, DockingStep status, LocalDate on, boolean implied, String actor,
                      String note) {
        store.insertStep(item, inst, seq, status, on, implied, actor, note);
    }

    // ---- reading, with confidentiality

    @Override
    @Transactional(readOnly = true)
    public Page<ListInfo> lists(Caller caller, PageRequest page) {
        return store.lists(caller, businessDate.today(), page);
    }

    @Override
    @Transactional(readOnly = true)
    public ListInfo list(Caller caller, long id) {
        return store.list(caller, id, businessDate.today()).orElseThrow(() -> Rejected.notFound("project list", id));
    }

    /** An institution sees only its own push of an item; the issuer and administrators see all of them. */
    private List<Push> pushes(Caller caller, long itemId) {
        boolean own = caller.is(Role.INSTITUTION);
        LocalDate today = businessDate.today();
        List<Push> out = store.pushes(itemId, own, own ? caller.institutionId() : -1L, today);
        return out.stream().map(x -> new Push(x.itemId(), x.institutionId(), x.institutionName(), x.status(),
                x.pushedOn(), x.contactDue(), x.contactedOn(), x.signedAmount(), x.disbursedAmount(), x.loanId(),
                x.declineReason(), x.overdue(), store.steps(itemId, x.institutionId()))).toList();
    }

    /** The item with the pushes the caller may see, each with its steps. */
    private Item withPushes(Caller caller, Item i) {
        return new Item(i.id(), i.listId(), i.batchNo(), i.listType(), i.line(), i.creditCode(), i.enterpriseId(),
                i.enterpriseName(), i.projectName(), i.investment(), i.financingNeeded(), i.regionCode(),
                pushes(caller, i.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Item> items(Caller caller, long listId, String status, PageRequest page) {
        list(caller, listId);
        String st = null;
        if (status != null && !status.isBlank()) {
            if (java.util.Arrays.stream(DockingStep.values()).noneMatch(s -> s.name().equals(status.strip()))) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, java.util.Arrays.toString(DockingStep.values())));
            }
            st = status.strip();
        }
        Page<Item> found = store.items(caller, listId, st, page);
        return new Page<>(found.items().stream().map(i -> withPushes(caller, i)).toList(), found.page(), found.size(),
                found.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Item item(Caller caller, long itemId) {
        return store.item(caller, itemId).map(i -> withPushes(caller, i)).orElseThrow(() -> Rejected.notFound("project item", itemId));
    }

    @Override
    @Transactional
    public Push advance(Caller caller, long itemId, StepRequest request) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("push.institution-only", null));
        }
        Item item = item(caller, itemId);
        Push push = item.pushes().get(0);
        List<Rejection> problems = new ArrayList<>();
        DockingStep to = null;
        if (request.status() == null || java.util.Arrays.stream(DockingStep.values())
                .noneMatch(s -> s.name().equals(request.status().strip()))) {
            problems.add(Rejection.of("enum", "status", String.valueOf(request.status()),
                    java.util.Arrays.toString(DockingStep.values())));
        } else {
            to = DockingStep.valueOf(request.status().strip());
        }
        if (to == DockingStep.WITHDRAWN) {
            problems.add(Rejection.of("push.withdraw-issuer", "status"));
        }
        LocalDate today = businessDate.today();
        LocalDate on = request.onDate() == null ? today : request.onDate();
        if (on.isBefore(push.pushedOn())) {
            problems.add(Rejection.of("push.before-push", "onDate", on.toString(), push.pushedOn().toString()));
        }
        if (on.isAfter(today)) {
            problems.add(Rejection.of("push.future", "onDate", on.toString(), today.toString()));
        }
        LocalDate last = push.steps().get(push.steps().size() - 1).onDate();
        if (on.isBefore(last)) {
            problems.add(Rejection.of("push.date-order", "onDate", on.toString(), last.toString()));
        }
        DockingStep from = DockingStep.valueOf(push.status());
        DockingStep.Move move = to == null ? null : DockingStep.move(from, to);
        if (move != null && !move.ok()) {
            problems.add(move.refused());
        }
        BigDecimal signed = push.signedAmount();
        BigDecimal disbursed = null;
        Long loanId = null;
        String reason = null;
        if (to == DockingStep.SIGNED || (to == DockingStep.DISBURSED && signed == null)) {
            signed = Amounts.check(request.amount(), "amount", false, MAX, problems);
            if (signed != null && signed.signum() == 0) {
                problems.add(Rejection.of("need.amount-positive", "amount", "0"));
            }
        }
        if (to == DockingStep.DISBURSED) {
            if (request.loanId() == null) {
                problems.add(Rejection.of("required", "loanId"));
            } else {
                Loan loan = loans.get(caller, request.loanId());
                if (item.enterpriseId() == null || loan.borrowerId() != item.enterpriseId()) {
                    problems.add(Rejection.of("push.loan-borrower", "loanId", loan.number(), item.creditCode()));
                } else if (loan.disbursedOn() == null) {
                    problems.add(Rejection.of("push.loan-not-disbursed", "loanId", loan.number()));
                } else {
                    loanId = loan.id();
                    disbursed = loan.principal();
                    if (store.loanLinked(loanId)) {
                        problems.add(Rejection.of("push.loan-linked", "loanId", loan.number()));
                    }
                }
            }
        }
        if (to == DockingStep.DECLINED) {
            reason = request.reason() == null ? null : request.reason().strip();
            String r = reason;
            if (r == null || java.util.Arrays.stream(DockingStep.DeclineReason.values()).noneMatch(x -> x.name().equals(r))) {
                problems.add(Rejection.of("enum", "reason", String.valueOf(r),
                        java.util.Arrays.toString(DockingStep.DeclineReason.values())));
            }
            if ("OTHER".equals(r) && (request.note() == null || request.note().isBlank())) {
                problems.add(Rejection.of("push.other-note", "note"));
            }
        }
        if (request.note() != null && request.note().length() > 500) {
            problems.add(Rejection.of("length", "note", 0, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int seq = push.steps().size();
        for (DockingStep implied : move.implied()) {
            step(itemId, caller.institutionId(), ++seq, implied, on, true, caller.username(), null);
        }
        step(itemId, caller.institutionId(), ++seq, to, on, false, caller.username(),
                request.note() == null || request.note().isBlank() ? null : request.note().strip());
        // every step an institution records, a decline included, means it has reached the enterprise
        boolean contacted = true;
        if (!store.advance(itemId, caller.institutionId(), from, to, contacted, on, signed, disbursed, loanId, reason)) {
            throw Rejected.conflict(Rejection.of("version.stale", "status", from.name(), "?"));
        }
        audit.record(AuditEvent.success(caller.username(), "push.step", "project_item", itemId,
                from + " -> " + to + (move.implied().isEmpty() ? "" : " (implied " + move.implied() + ")")));
        events.publishEvent(new cn.chanrong.matching.MatchingEvent.PushStepRecorded(itemId, caller.institutionId(),
                to.name()));
        return item(caller, itemId).pushes().get(0);
    }

    @Override
    @Transactional
    public Item withdraw(Caller caller, long itemId, String note) {
        requireIssuer(caller);
        Item item = item(caller, itemId);
        LocalDate today = businessDate.today();
        int changed = 0;
        for (Push p : item.pushes()) {
            if (DockingStep.valueOf(p.status()).terminal()) {
                continue;
            }
            step(itemId, p.institutionId(), p.steps().size() + 1, DockingStep.WITHDRAWN, today, false, caller.username(),
                    note);
            store.withdrawPush(itemId, p.institutionId());
            changed++;
        }
        if (changed == 0) {
            throw Rejected.conflict(Rejection.of("push.nothing-to-withdraw", null, itemId));
        }
        audit.record(AuditEvent.success(caller.username(), "push.withdraw", "project_item", itemId, changed + " pushes"));
        return item(caller, itemId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> overdue(Caller caller) {
        return store.overdue(caller, businessDate.today()).stream().map(i -> withPushes(caller, i)).toList();
    }
}
