package cn.chanrong.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The validity of an imported row, {@code validFrom} (required) to {@code validTo} (optional, after
 * it), read from ISO dates; each problem is added to the row's rejections with its field.
 */
public record Validity(LocalDate from, LocalDate to) {

    /** The validity of the cells; null dates where a cell is missing or wrong (its rejection added). */
    public static Validity read(String validFrom, String validTo, List<Rejection> r) {
        LocalDate from = null;
        if (validFrom == null) {
            r.add(Rejection.of("required", "validFrom"));
        } else {
            from = date(validFrom, "validFrom", r);
        }
        LocalDate to = validTo == null ? null : date(validTo, "validTo", r);
        if (from != null && to != null && !to.isAfter(from)) {
            r.add(Rejection.of("range.reversed", "validTo", from.toString(), to.toString()));
        }
        return new Validity(from, to);
    }

    private static LocalDate date(String v, String field, List<Rejection> r) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            r.add(Rejection.of("date.format", field, v));
            return null;
        }
    }
}
