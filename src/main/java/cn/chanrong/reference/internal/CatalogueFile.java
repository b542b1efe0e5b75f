package cn.chanrong.reference.internal;

import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalogue file (restricted industries, green and transition catalogues) whose encoding, quoting, header and field counts have been checked, with the same
 * rejections as the registry's imports ({@code csv.*}): the reference module sits below the modules
 * that own the shared CSV table reader, so it checks its layouts itself. The check streams through
 * the file once; {@link #records()} reads the rows again, one at a time.
 */
final class CatalogueFile {

    private final Csv.Source source;
    private final int rowCount;
    private final FirstErrors<RestrictedLists.RowError> errors;
    private final Map<String, Integer> index = new HashMap<>();

    private CatalogueFile(List<String> header, Csv.Source source, int rowCount,
                               FirstErrors<RestrictedLists.RowError> errors) {
        this.source = source;
        this.rowCount = rowCount;
        this.errors = errors;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    static FirstErrors<RestrictedLists.RowError> firstErrors() {
        return new FirstErrors<>(e -> new RestrictedLists.RowError(e.line(), e.column(), e.rejection().clipped()));
    }

    static CatalogueFile read(Upload upload, String charset, String columns) {
        FirstErrors<RestrictedLists.RowError> errors = firstErrors();
        Csv.Readable readable = Csv.open(upload, charset);
        if (readable.source() == null) {
            errors.add(new RestrictedLists.RowError(0, null, readable.rejection()));
            return new CatalogueFile(List.of(), null, 0, errors);
        }
        try (Csv.Records records = readable.source().records()) {
            Csv.Row first = records.next();
            if (first == null) {
                errors.add(new RestrictedLists.RowError(1, null, Rejection.of("csv.empty", null)));
                return new CatalogueFile(List.of(), null, 0, errors);
            }
            List<String> header = first.fields().stream().map(String::strip).toList();
            Set<String> expected = new LinkedHashSet<>(List.of(columns.split(",")));
            Set<String> seen = new LinkedHashSet<>();
            for (String h : header) {
                if (!expected.contains(h)) {
                    errors.add(new RestrictedLists.RowError(1, h, Rejection.of("csv.unknown-column", null, h, expected.toString())));
                } else if (!seen.add(h)) {
                    errors.add(new RestrictedLists.RowError(1, h, Rejection.of("csv.duplicate-column", null, h)));
                }
            }
            for (String e : expected) {
                if (!seen.contains(e)) {
                    errors.add(new RestrictedLists.RowError(1, e, Rejection.of("csv.missing-column", null, e)));
                }
            }
            boolean headerOk = errors.isEmpty();
            int rows = 0;
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                rows++;
                if (headerOk && r.fields().size() != header.size()) {
                    errors.add(new RestrictedLists.RowError(r.line(), null,
                            Rejection.of("csv.field-count", null, header.size(), r.fields().size())));
                }
            }
            if (headerOk && rows == 0) {
                errors.add(new RestrictedLists.RowError(1, null, Rejection.of("csv.no-rows", null)));
            }
            return new CatalogueFile(header, readable.source(), rows, errors);
        } catch (IllegalArgumentException e) {
            FirstErrors<RestrictedLists.RowError> malformed = firstErrors();
            malformed.add(new RestrictedLists.RowError(0, null, Rejection.of("csv.malformed", null, e.getMessage())));
            return new CatalogueFile(List.of(), null, 0, malformed);
        }
    }

    /** The data rows (the header skipped), read afresh from the file; the caller closes them. */
    Csv.Records records() {
        if (source == null) {
            return Csv.Records.none();
        }
        Csv.Records records = source.records();
        records.next();
        return records;
    }

    int rowCount() {
        return rowCount;
    }

    /** The file-level errors, to go on collecting the rows' errors after them. */
    FirstErrors<RestrictedLists.RowError> errors() {
        return errors;
    }

    /** The trimmed cell, or null when empty or absent. */
    String get(Csv.Row row, String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.fields().size()) {
            return null;
        }
        String v = row.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
