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
}
