package cn.chanrong.enterprise;

import cn.chanrong.shared.Rejection;
import java.util.List;

/**
 * The outcome of a CSV import. A file with any bad row changes nothing: {@code errors} lists every
 * bad row (line, column, rule) and the counts are zero. A good file is applied whole; re-importing
 * it leaves every row unchanged.
 */
public record ImportReport(String kind, int rows, int created, int updated, int unchanged, List<RowError> errors) {

    /** One broken rule on one line; {@code column} is the CSV column, null for the whole row or file. */
    public record RowError(int line, String column, Rejection rejection) {
    }

    public boolean accepted() {
        return errors.isEmpty();
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
        return body;
    }
}
