package cn.chanrong.enterprise.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.EnterpriseQualificationsChanged;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.enterprise.StatusLists;
import cn.chanrong.enterprise.domain.StatusListEntry;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status-list imports as the registry's other imports: the table's own check (encoding, header, field
 * counts), every row's rules and the duplicate keys (list, credit code, start), then — only when no
 * row is wrong — the rows applied a chunk at a time. Registered enterprises whose lists changed are
 * announced as their qualifications changing, so eligibility is recomputed.
 */
@Service
class StatusListService implements StatusLists {

    private final StatusListStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    StatusListService(StatusListStore store, AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /** The issuing departments: the platform's industry regulators (MIIT), nationwide or of a region. */
    private static void regulatorOnly(Caller caller) {
        if (!caller.is(Role.REGULATOR) || !"MIIT".equals(caller.department())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("status-list.regulator-only", null));
        }
    }

    @Override
    @Transactional
    public ImportReport importList(Caller caller, byte[] file, String charset) {
        return importList(caller, Upload.of(file), charset);
    }

    @Override
    @Transactional
    public ImportReport importList(Caller caller, Upload file, String charset) {
        regulatorOnly(caller);
        CsvTable csv = CsvTable.read(file, charset, COLUMNS, null);
        if (!csv.errors().isEmpty()) {
            return ImportReport.refused("status-lists", csv.rowCount(), csv.firstErrors());
        }
        FirstErrors<ImportReport.RowError> errors = ImportReport.firstErrors();
        Set<String> keys = new HashSet<>();
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                StatusListEntry e = entry(csv, row, errors);
                if (e != null && !keys.add(StatusListStore.key(e.list(), e.creditCode(), e.validFrom()))) {
                    errors.add(new ImportReport.RowError(row.line(), "credit_code", Rejection.of("import.duplicate-key",
                            "creditCode", e.list().name() + " " + e.creditCode() + " " + e.validFrom())));
                }
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.refused("status-lists", csv.rowCount(), errors);
        }
        int[] tally = new int[3];
        Set<String> changed = new TreeSet<>();
        FirstErrors<ImportReport.RowError> none = ImportReport.firstErrors();
        List<StatusListEntry> chunk = new ArrayList<>(ImportService.CHUNK);
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                chunk.add(entry(csv, row, none));
                if (chunk.size() == ImportService.CHUNK) {
                    apply(caller, chunk, tally, changed);
                    chunk.clear();
                }
            }
        }
        apply(caller, chunk, tally, changed);
        for (Long id : new TreeSet<>(store.enterpriseIds(changed).values())) {
            events.publishEvent(new EnterpriseQualificationsChanged(id));
        }
        audit.record(AuditEvent.success(caller.username(), "enterprise.status-list.import", "status-list", null,
                csv.rowCount() + " rows: " + tally[0] + " created, " + tally[1] + " updated, " + tally[2] + " unchanged"));
        return new ImportReport("status-lists", csv.rowCount(), tally[0], tally[1], tally[2], List.of());
    }

    /** One row checked; null (with its errors reported in their columns) when any cell is wrong. */
    private static StatusListEntry entry(CsvTable csv, Csv.Row row, FirstErrors<ImportReport.RowError> errors) {
        StatusListEntry.Outcome o = StatusListEntry.check(new StatusListEntry.Input(csv.get(row, "list"),
                csv.get(row, "issuer"), csv.get(row, "document"), csv.get(row, "credit_code"), csv.get(row, "valid_from"),
                csv.get(row, "valid_to")));
        errors.addAll(ImportReport.rowErrors(row.line(), o.rejections(), ImportService::column, List.of()));
        return o.entry();
    }

    private void apply(Caller caller, List<StatusListEntry> chunk, int[] tally, Set<String> changed) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, StatusListEntry> existing = store.existing(chunk);
        for (StatusListEntry e : chunk) {
            StatusListEntry before = existing.get(StatusListStore.key(e.list(), e.creditCode(), e.validFrom()));
            if (e.equals(before)) {
                tally[2]++;
                continue;
            }
            store.upsert(e, caller.username());
            tally[before == null ? 0 : 1]++;
            changed.add(e.creditCode());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Entry> list(Caller caller, Filter filter, PageRequest page) {
        return store.page(filter == null ? new Filter(null, null, null) : filter, page);
    }
}
