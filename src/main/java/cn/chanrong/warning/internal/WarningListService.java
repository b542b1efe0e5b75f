package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.WarningLists;
import cn.chanrong.warning.domain.ExposureStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a list: the issuer checked (a regulator of MIIT, NDRC, the PBOC or NFRA), the header's fields, then every
 * row — a valid credit code of a registered enterprise (in the issuer's region for a regional regulator), the project
 * and reason within bounds, no enterprise and project twice — and only when nothing is wrong the list, its entries and
 * the exposures found in the book, in one transaction. Answers: the exposed institution's operator or approver, once.
 */
@Service
class WarningListService implements WarningLists {

    static final Set<String> ISSUERS = Set.of("MIIT", "NDRC", "PBOC", "NFRA");
    /** The most entries one list takes. */
    static final int MAX_ROWS = 5000;
    static final int DEFAULT_ANSWER_DAYS = 10;

    private final WarningListStore store;
    private final BusinessDate businessDate;
    private final ReferenceData reference;
    private final AuditTrail audit;

    WarningListService(WarningListStore store, BusinessDate businessDate, ReferenceData reference, AuditTrail audit) {
        this.store = store;
        this.businessDate = businessDate;
        this.reference = reference;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Published publish(Caller caller, Publish h, Upload file, String charset) {
        return publish(caller, h, file, charset, businessDate.today());
    }

    /** As {@link #publish(Caller, Publish, Upload, String)}, published on {@code on} (the demo's past lists). */
    @Transactional
    Published publish(Caller caller, Publish h, Upload file, String charset, LocalDate on) {
        if (!caller.is(Role.REGULATOR) || !ISSUERS.contains(caller.department())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.list.issuer-only", null));
        }
        List<Rejection> header = new ArrayList<>();
        text(h.title(), "title", 200, header);
        text(h.reason(), "reason", 1000, header);
        if (h.severity() == null) {
            header.add(Rejection.of("required", "severity"));
        }
        int days = h.answerDays() == null ? DEFAULT_ANSWER_DAYS : h.answerDays();
        if (days < 1 || days > 60) {
            header.add(Rejection.of("range", "answerDays", 1, 60, days));
        }
        if (!header.isEmpty()) {
            throw Rejected.invalid(header);
        }
        CsvTable csv = CsvTable.read(file, charset, COLUMNS, null);
        FirstErrors<ImportReport.RowError> errors = csv.firstErrors();
        if (csv.rowCount() > MAX_ROWS) {
            errors.add(new ImportReport.RowError(0, null, Rejection.of("warning.list.too-many", null, csv.rowCount(), MAX_ROWS)));
        }
        record Row(int line, String code, WarningListStore.Registered enterprise, String project, String reason) {
        }
        List<Row> rows = new ArrayList<>();
        if (errors.isEmpty()) {
            Set<String> seen = new HashSet<>();
            String region = caller.regionPrefix();
            for (var r : csv.rows()) {
                String code = csv.get(r, "credit_code");
                String project = csv.get(r, "project_name");
                String reason = csv.get(r, "reason");
                int before = (int) errors.total();
                var bad = CreditCode.check(code, "creditCode");
                WarningListStore.Registered e = null;
                if (bad.isPresent()) {
                    errors.add(new ImportReport.RowError(r.line(), "credit_code", bad.get()));
                } else {
                    e = store.enterprise(code).orElse(null);
                    if (e == null) {
                        errors.add(new ImportReport.RowError(r.line(), "credit_code",
                                Rejection.of("warning.list.unknown-enterprise", "creditCode", code)));
                    } else if (region != null && (e.regionCode() == null || !e.regionCode().startsWith(region))) {
                        errors.add(new ImportReport.RowError(r.line(), "credit_code",
                                Rejection.of("warning.list.outside-region", "creditCode", code, caller.regionCode())));
                    }
                }
                if (project != null && (project.length() < 2 || project.length() > 200)) {
                    errors.add(new ImportReport.RowError(r.line(), "project_name", Rejection.of("length", "projectName", 2, 200)));
                }
                if (reason != null && (reason.length() < 2 || reason.length() > 500)) {
                    errors.add(new ImportReport.RowError(r.line(), "reason", Rejection.of("length", "reason", 2, 500)));
                }
                if (code != null && !seen.add(code + "|" + (project == null ? "" : project))) {
                    errors.add(new ImportReport.RowError(r.line(), "credit_code", Rejection.of("import.duplicate-key",
                            "creditCode", code + (project == null ? "" : " " + project))));
                }
                if (errors.total() == before) {
                    rows.add(new Row(r.line(), code, e, project, reason));
                }
            }
        }
        if (!errors.isEmpty()) {
            audit.record(AuditEvent.success(caller.username(), "warning.list.refused", "warning_list", 0,
                    errors.total() + " errors"));
            return new Published(ImportReport.refused("warning-list", csv.rowCount(), errors), null);
        }
        LocalDate due = reference.addWorkingDays(on, days);
        long id = store.insertList(caller, h, days, on, due);
        int exposures = 0;
        for (Row r : rows) {
            long entry = store.insertEntry(id, r.line(), r.enterprise(), r.code(), r.project(), r.reason());
            exposures += store.openExposures(id, entry, r.enterprise().id(), on, due);
        }
        audit.record(AuditEvent.success(caller.username(), "warning.list.publish", "warning_list", id,
                rows.size() + " entries, " + exposures + " exposures, due " + due));
        return new Published(new ImportReport("warning-list", rows.size(), rows.size(), 0, 0, List.of()),
                store.list(caller, id, on).orElseThrow());
    }

    private static void text(String v, String field, int max, List<Rejection> problems) {
        if (v == null || v.isBlank()) {
            problems.add(Rejection.of("required", field));
        } else if (v.strip().length() < 2 || v.strip().length() > max) {
            problems.add(Rejection.of("length", field, 2, max));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ListInfo> lists(Caller caller, PageRequest page) {
        return store.lists(caller, businessDate.today(), page);
    }

    @Override
    @Transactional(readOnly = true)
    public ListInfo list(Caller caller, long id) {
        return store.list(caller, id, businessDate.today()).orElseThrow(() -> Rejected.notFound("warning-list", id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> entries(Caller caller, long listId) {
        list(caller, listId);
        return store.entries(caller, listId);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Exposure> exposures(Caller caller, Long listId, String status, PageRequest page) {
        if (listId != null) {
            list(caller, listId);
        }
        String state = null;
        if (status != null && !status.isBlank()) {
            state = status.strip();
            if (!List.of("OPEN", "ANSWERED", "OVERDUE").contains(state)) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, "OPEN, ANSWERED, OVERDUE"));
            }
        }
        var found = store.exposures(caller, listId, state, businessDate.today(), page);
        return new Page<>(found.items().stream().map(x -> shown(caller, x)).toList(), found.page(), found.size(),
                found.total());
    }

    @Override
    @Transactional
    public Exposure answer(Caller caller, long exposureId, Answer a) {
        return answer(caller, exposureId, a, businessDate.today());
    }

    /** As {@link #answer(Caller, long, Answer)}, answered on {@code today} (the demo's answers in the past). */
    @Transactional
    Exposure answer(Caller caller, long exposureId, Answer a, LocalDate today) {
        Exposure x = store.exposure(caller, exposureId, today, true)
                .orElseThrow(() -> Rejected.notFound("warning-exposure", exposureId));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null || caller.institutionId() != x.institutionId()
                || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.exposure.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (a.action() == null) {
            problems.add(Rejection.of("required", "action"));
        }
        text(a.note(), "note", 1000, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (x.status() != ExposureStatus.OPEN || !store.answer(exposureId, a.action(), a.note().strip(), today,
                caller.username())) {
            throw Rejected.conflict(Rejection.of("warning.exposure.answered", null, x.answeredOn()));
        }
        audit.record(AuditEvent.success(caller.username(), "warning.exposure.answer", "warning_exposure", exposureId,
                a.action().name() + (ExposureStatus.late(x.dueOn(), today) ? " (late)" : "")));
        return shown(caller, store.exposure(caller, exposureId, today, false).orElseThrow());
    }

    /** The amounts are a bank's customer data: shown to the bank, financial regulators and administrators only. */
    private static Exposure shown(Caller caller, Exposure x) {
        boolean amounts = caller.is(Role.INSTITUTION) || caller.isAdmin() || caller.isFinancialRegulator();
        return amounts ? x : new Exposure(x.id(), x.listId(), x.listNumber(), x.listTitle(), x.severity(), x.entryId(),
                x.enterpriseId(), x.enterpriseName(), x.institutionId(), x.institutionName(), x.via(), null, null, null, null, null,
                x.dueOn(), x.status(), x.overdue(), x.late(), x.action(), x.note(), x.answeredOn(), x.answeredBy());
    }
}
