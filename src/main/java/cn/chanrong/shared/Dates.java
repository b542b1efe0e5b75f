package cn.chanrong.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Dates as people and callers send them: {@code YYYY-MM-DD}, read once at the edge. */
public final class Dates {

    private Dates() {
    }

    /**
     * The date in {@code raw}, or null after adding {@code required} (blank) or {@code date.format} (anything else)
     * on {@code field}; what is echoed back is cut at 40 characters.
     */
    public static LocalDate required(String raw, String field, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", field));
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", field, raw.length() > 40 ? raw.substring(0, 40) : raw));
            return null;
        }
    }
}
