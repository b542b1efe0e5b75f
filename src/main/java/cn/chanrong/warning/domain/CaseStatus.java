package cn.chanrong.warning.domain;

import cn.chanrong.shared.Transition;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a coaching case stands: OPEN while the office works it, FINANCED once the financing that came of it is linked,
 * CLOSED when the office ends it without one. Only an open case takes its outcome.
 */
public enum CaseStatus {
    OPEN, FINANCED, CLOSED;

    /** The financing is linked: only to an open case. */
    public Transition<CaseStatus> finance() {
        return this == OPEN ? Transition.to(FINANCED) : Transition.refused("warning.case.closed", null, name());
    }

    /** Open past its due day on {@code today}. */
    public boolean overdue(LocalDate dueOn, LocalDate today) {
        return this == OPEN && today.isAfter(dueOn);
    }

    public static Optional<CaseStatus> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
