package cn.chanrong.warning.domain;

import java.time.LocalDate;

/**
 * An exposure waits for its institution's answer (OPEN) until answered (ANSWERED), once. Whether it is overdue or was
 * answered late follows from the due day, pure.
 */
public enum ExposureStatus {
    OPEN, ANSWERED;

    /** Open past its due day on {@code today}. */
    public static boolean overdue(ExposureStatus status, LocalDate dueOn, LocalDate today) {
        return status == OPEN && today.isAfter(dueOn);
    }

    /** Answered after its due day. */
    public static boolean late(LocalDate dueOn, LocalDate answeredOn) {
        return answeredOn != null && answeredOn.isAfter(dueOn);
    }
}
