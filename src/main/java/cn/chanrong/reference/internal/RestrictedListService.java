package cn.chanrong.reference.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue imports as the registry's: the file's own check (encoding, header, field counts), every
 * row's rules and the duplicate keys (catalogue, category, item number, industry code, start), then —
 * only when no row is wrong — the rows applied a chunk at a time under one import, which each row
 * written remembers. A row equal to the one held is left as it was (and keeps its import).
 */
@Service
class RestrictedListService implements RestrictedLists {

    /** Rows applied per round of reads and writes. */
    static final int CHUNK = 500;

    private final RestrictedListStore store;
    private final ReferenceData reference;
    private final AuditTrail audit;

    RestrictedListService(RestrictedListStore store, ReferenceData reference, AuditTrail audit) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Imported importList(String actor, byte[] file, String charset) {
        return importList(actor, Upload.of(file), charset);
    }

    @Override
    @Transactional
    public Imported importList(String actor, Upload file, String charset) {
        CatalogueFile csv = CatalogueFile.read(file, charset, COLUMNS);
        if (!csv.errors().isEmpty()) {
            return refused(csv.rowCount(), csv.errors());
        }
        FirstErrors<RowError> errors = csv.errors();
        Set<String> keys = new HashSet<>();
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                RestrictedEntry e = entry(csv, row, errors);
                if (e != null && !keys.add(RestrictedListStore.key(e))) {
                    errors.add(new RowError(row.line(), "item_no", Rejection.of("import.duplicate-key", "itemNo",
                            e.catalogue() + " " + e.category().name() + " " + e.itemNo() + " " + e.industryCode() + " "
                                    + e.validFrom())));
                }
            }
        }
        if (!errors.isEmpty()) {
            return refused(csv.rowCount(), errors);
        }
        long importId = store.startImport(actor, csv.rowCount());
        int[] tally = new int[3];
        FirstErrors<RowError> none = CatalogueFile.firstErrors();
        List<RestrictedEntry> chunk = new ArrayList<>(CHUNK);
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                chunk.add(entry(csv, row, none));
                if (chunk.size() == CHUNK) {
                    apply(chunk, importId, tally);
                    chunk.clear();
                }
            }
        }
        apply(chunk, importId, tally);
        store.finishImport(importId, tally[0], tally[1], tally[2]);
        audit.record(AuditEvent.success(actor, "reference.restricted-list.import", "restricted-list-import", importId,
                csv.rowCount() + " rows: " + tally[0] + " created, " + tally[1] + " updated, " + tally[2] + " unchanged"));
        return new Imported(csv.rowCount(), tally[0], tally[1], tally[2], importId, List.of(), 0);
    }

    private static Imported refused(int rows, FirstErrors<RowError> errors) {
        return new Imported(rows, 0, 0, 0, null, errors.listed(), errors.notListed());
    }

    /** One row checked; null (with its errors reported in their columns) when any cell is wrong. */
    private RestrictedEntry entry(CatalogueFile csv, Csv.Row row, FirstErrors<RowError> errors) {
        RestrictedEntry.Outcome o = RestrictedEntry.check(new RestrictedEntry.Input(csv.get(row, "catalogue"),
                csv.get(row, "document"), csv.get(row, "category"), csv.get(row, "item_no"), csv.get(row, "item"),
                csv.get(row, "industry_code"), csv.get(row, "products"), csv.get(row, "processes"),
                csv.get(row, "valid_from"), csv.get(row, "valid_to")), code -> reference.industry(code).isPresent());
        o.rejections().forEach(r -> errors.add(new RowError(row.line(), column(r.field()), r)));
        return o.entry();
    }

    /** The CSV column of a field: {@code itemNo} is {@code item_no}. */
    static String column(String field) {
        return field == null ? null : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private void apply(List<RestrictedEntry> chunk, long importId, int[] tally) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, RestrictedEntry> existing = store.existing(chunk);
        for (RestrictedEntry e : chunk) {
            RestrictedEntry before = existing.get(RestrictedListStore.key(e));
            if (e.equals(before)) {
                tally[2]++;
                continue;
            }
            store.upsert(e, importId);
            tally[before == null ? 0 : 1]++;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Listed> list(Filter filter, PageRequest page) {
        return store.page(filter == null ? new Filter(null, null, null) : filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RestrictedEntry> inForce(String industryClass, LocalDate date) {
        return store.inForce(industryClass, date);
    }
}
