package cn.chanrong.enterprise;

import cn.chanrong.shared.Csv;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoded CSV file whose header has been checked against the expected columns: the shared first
 * step of every CSV import (registry and products alike), collecting file-level errors as rows of
 * an {@link ImportReport}.
 */
public final class CsvTable {

    private final List<String> header;
    private final List<Csv.Row> rows;
    private final List<ImportReport.RowError> errors;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvTable(List<String> header, List<Csv.Row> rows, List<ImportReport.RowError> errors) {
        this.header = header;
        this.rows = rows;
        this.errors = errors;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /** Decodes, parses and checks the header: every expected column once, nothing else. */
    public static CsvTable read(byte[] bytes, String charset, String expectedColumns) {
        return read(bytes, charset, expectedColumns, null);
    }

    /**
     * As {@link #read(byte[], String, String)}; errors about the file as a whole name {@code file}
     * in their column, to tell apart the files of one import.
     */
    public static CsvTable read(byte[] bytes, String charset, String expectedColumns, String file) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        Csv.Either decoded = Csv.decode(bytes, charset);
        if (decoded.text() == null) {
            errors.add(new ImportReport.RowError(0, file, decoded.rejection()));
            return new CsvTable(List.of(), List.of(), errors);
        }
        List<Csv.Row> all;
        try {
            all = Csv.parse(decoded.text());
        } catch (IllegalArgumentException e) {
            errors.add(new ImportReport.RowError(0, file, Rejection.of("csv.malformed", null, e.getMessage())));
            return new CsvTable(List.of(), List.of(), errors);
        }
        if (all.isEmpty()) {
            errors.add(new ImportReport.RowError(1, file, Rejection.of("csv.empty", null)));
            return new CsvTable(List.of(), List.of(), errors);
        }
        List<String> header = all.get(0).fields().stream().map(String::strip).toList();
        Set<String> expected = new LinkedHashSet<>(List.of(expectedColumns.split(",")));
        Set<String> seen = new LinkedHashSet<>();
        for (String h : header) {
            if (!expected.contains(h)) {
                errors.add(new ImportReport.RowError(1, h, Rejection.of("csv.unknown-column", null, h, expected.toString())));
            } else if (!seen.add(h)) {
                errors.add(new ImportReport.RowError(1, h, Rejection.of("csv.duplicate-column", null, h)));
            }
        }
        for (String e : expected) {
            if (!seen.contains(e)) {
                errors.add(new ImportReport.RowError(1, e, Rejection.of("csv.missing-column", null, e)));
            }
        }
        List<Csv.Row> rows = all.subList(1, all.size());
        if (errors.isEmpty()) {
            for (Csv.Row r : rows) {
                if (r.fields().size() != header.size()) {
                    errors.add(new ImportReport.RowError(r.line(), file,
                            Rejection.of("csv.field-count", null, header.size(), r.fields().size())));
                }
            }
        }
        return new CsvTable(header, rows, errors);
    }

    public List<Csv.Row> rows() {
        return rows;
    }

    public List<ImportReport.RowError> errors() {
        return errors;
    }

    /** The trimmed cell, or null when empty or absent. */
    public String get(Csv.Row row, String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.fields().size()) {
            return null;
        }
        String v = row.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** An integer cell; a malformed one is reported and read as null. */
    public Integer integer(Csv.Row row, String column, List<ImportReport.RowError> errors) {
        String v = get(row, column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new ImportReport.RowError(row.line(), column, Rejection.of("integer", column, v)));
            return null;
        }
    }
}
