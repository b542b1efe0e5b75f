package cn.chanrong.warning.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an exposed institution reports it does: watch the borrower closely, reduce the exposure, exit it, or nothing
 * (the exposure is judged sound; the note says why).
 */
public enum ExposureAction {
    MONITOR, REDUCE, EXIT, NO_ACTION;

    public static Optional<ExposureAction> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
