package cn.chanrong.enterprise;

import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The outcome of a CSV import. A file with any bad row changes nothing: {@code errors} lists the
 * first {@value FirstErrors#LIMIT} broken rules (line, column, rule), {@code errorsNotListed} counts
 * the rest, and the counts are zero. A good file is applied whole; re-importing it leaves every row
 * unchanged.
 */
public record ImportReport(String kind, int rows, int created, int updated, int unchanged, List<RowError> errors,
                           long errorsNotListed) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** A report whose errors are all listed. */
    public ImportReport(String kind, int rows, int created, int updated, int unchanged, List<RowError> errors) {
        this(kind, rows, created, updated, unchanged, errors, 0);
    }

    /** A refused file: its first errors and the count of the rest, nothing applied. */
    public static ImportReport refused(String kind, int rows, FirstErrors<RowError> errors) {
        return new ImportReport(kind, rows, 0, 0, 0, errors.listed(), errors.notListed());
    }

    /** A collector of a file's first row errors, each clipped as it is kept. */
    public static FirstErrors<RowError> firstErrors() {
        return new FirstErrors<>(RowError::clipped);
    }

    /** One broken rule on one line; {@code column} is the CSV column, null for the whole row or file. */
    public record RowError(int line, String column, Rejection rejection) {

        /** This error with what it quotes from the file cut short (see {@link Rejection#clipped()}). */
        public RowError clipped() {
            String c = column == null || column.length() <= Rejection.CLIP ? column
                    : column.substring(0, Rejection.CLIP) + "…";
            return new RowError(line, c, rejection.clipped());
        }
    }

    /**
     * A row's errors as one list: the rules' rejections, each in its column, with the cells the edge
     * could not read ({@link CsvTable#amount}). Such a cell reached the rules empty, so what they said
     * of its field (that it is required) gives way to the cell's own error, in the same place; the
     * cell's error of a field the rules said nothing of (an optional one) comes last.
     */
    public static List<RowError> rowErrors(int line, List<Rejection> rules, Function<String, String> column,
                                           List<RowError> unreadCells) {
        Map<String, List<RowError>> unread = new LinkedHashMap<>();
        unreadCells.forEach(e -> unread.computeIfAbsent(e.rejection().field(), k -> new ArrayList<>()).add(e));
        Set<String> fields = Set.copyOf(unread.keySet());
        List<RowError> out = new ArrayList<>();
        for (Rejection r : rules) {
            if (r.field() != null && fields.contains(r.field())) {
                List<RowError> cell = unread.remove(r.field());
                if (cell != null) {
                    out.addAll(cell);
                }
            } else {
                out.add(new RowError(line, column.apply(r.field()), r));
            }
        }
        unread.values().forEach(out::addAll);
        return out;
    }

    public boolean accepted() {
        return errors.isEmpty() && errorsNotListed == 0;
    }

    /** Every error found, listed or not. */
    public long errorCount() {
        return errors.size() + errorsNotListed;
    }

    /** The report as the import APIs answer it, with each rule's message from {@code message}. */
    public java.util.Map<String, Object> asJson(java.util.function.Function<Rejection, String> message) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", kind);
        body.put("rows", rows);
        body.put("accepted", accepted());
        body.put("created", created);
        body.put("updated", updated);
        body.put("unchanged", unchanged);
        body.put("errors", errors.stream().map(e -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("line", e.line());
            m.put("column", e.column());
            m.put("code", e.rejection().code());
            m.put("message", message.apply(e.rejection()));
            return m;
        }).toList());
        body.put("errorsNotListed", errorsNotListed);
        return body;
    }
}
