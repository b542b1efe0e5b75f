package cn.chanrong.enterprise;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file whose encoding, quoting, header and field counts have been checked: the shared first
 * step of every CSV import (registry and products alike), collecting file-level errors as rows of
 * an {@link ImportReport}. The check streams through the file once and keeps no row; the rows are
 * then read again, one at a time, from {@link #records()} as often as the import needs.
 */
public final class CsvTable {

    private final List<String> header;
    private final Csv.Source source;
    private final int rowCount;
    private final FirstErrors<ImportReport.RowError> errors;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvTable(List<String> header, Csv.Source source, int rowCount, FirstErrors<ImportReport.RowError> errors) {
        this.header = header;
        this.source = source;
        this.rowCount = rowCount;
        this.errors = errors;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /** Decodes, parses and checks the header: every expected column once, nothing else. */
    public static CsvTable read(byte[] bytes, String charset, String expectedColumns) {
        return read(Upload.of(bytes), charset, expectedColumns, null);
    }

    /**
     * As {@link #read(byte[], String, String)}; errors about the file as a whole name {@code file}
     * in their column, to tell apart the files of one import.
     */
    public static CsvTable read(byte[] bytes, String charset, String expectedColumns, String file) {
        return read(Upload.of(bytes), charset, expectedColumns, file);
    }

    /** As {@link #read(byte[], String, String, String)}, streaming an upload (which must stay open while rows are read). */
    public static CsvTable read(Upload upload, String charset, String expectedColumns, String file) {
        FirstErrors<ImportReport.RowError> errors = ImportReport.firstErrors();
        Csv.Readable readable = Csv.open(upload, charset);
        if (readable.source() == null) {
            errors.add(new ImportReport.RowError(0, file, readable.rejection()));
            return new CsvTable(List.of(), null, 0, errors);
        }
        try (Csv.Records records = readable.source().records()) {
            Csv.Row first = records.next();
            if (first == null) {
                errors.add(new ImportReport.RowError(1, file, Rejection.of("csv.empty", null)));
                return new CsvTable(List.of(), null, 0, errors);
            }
            List<String> header = first.fields().stream().map(String::strip).toList();
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
            boolean headerOk = errors.isEmpty();
            int rows = 0;
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                rows++;
                if (headerOk && r.fields().size() != header.size()) {
                    errors.add(new ImportReport.RowError(r.line(), file,
                            Rejection.of("csv.field-count", null, header.size(), r.fields().size())));
                }
            }
            return new CsvTable(header, readable.source(), rows, errors);
        } catch (IllegalArgumentException e) {
            FirstErrors<ImportReport.RowError> malformed = ImportReport.firstErrors();
            malformed.add(new ImportReport.RowError(0, file, Rejection.of("csv.malformed", null, e.getMessage())));
            return new CsvTable(List.of(), null, 0, malformed);
        }
    }

    /** The data rows (the header skipped), read afresh from the file; the caller closes them. */
    public Csv.Records records() {
        if (source == null) {
            return Csv.Records.none();
        }
        Csv.Records records = source.records();
        records.next();
        return records;
    }

    /** Every data row in memory: for files known to be small (the product catalogue). */
    public List<Csv.Row> rows() {
        List<Csv.Row> rows = new ArrayList<>(rowCount);
        try (Csv.Records records = records()) {
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** How many data rows the file has. */
    public int rowCount() {
        return rowCount;
    }

    /** The first file-level errors (see {@link #errorsNotListed()}). */
    public List<ImportReport.RowError> errors() {
        return errors.listed();
    }

    /** How many file-level errors were found beyond those listed. */
    public long errorsNotListed() {
        return errors.notListed();
    }

    /** The file-level errors, to go on collecting a file's errors after them. */
    public FirstErrors<ImportReport.RowError> firstErrors() {
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

    /**
     * An amount cell read at the edge in the API's grammar (plain decimal text, at most two decimals);
     * a malformed one is reported against {@code field} ({@code amount.format}, {@code amount.scale}) and
     * read as null. An empty cell is null and reported by no one here: whether it may be empty is the
     * rules' to say.
     */
    public BigDecimal amount(Csv.Row row, String column, String field, List<ImportReport.RowError> errors) {
        String v = get(row, column);
        if (v == null) {
            return null;
        }
        List<Rejection> problems = new ArrayList<>(1);
        BigDecimal amount = Amounts.decimal(v, field, 2, problems);
        problems.forEach(p -> errors.add(new ImportReport.RowError(row.line(), column, p)));
        return amount;
    }

    /** As {@link #integer(Csv.Row, String, List)}, reporting to a file's first errors. */
    public Integer integer(Csv.Row row, String column, FirstErrors<ImportReport.RowError> errors) {
        List<ImportReport.RowError> found = new ArrayList<>(1);
        Integer v = integer(row, column, found);
        found.forEach(errors::add);
        return v;
    }
}
