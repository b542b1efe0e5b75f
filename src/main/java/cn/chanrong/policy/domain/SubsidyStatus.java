package cn.chanrong.policy.domain;

import java.util.Arrays;
import java.util.Optional;

/** An interest subsidy accrues while ACTIVE; STOPPED (a confirmed diversion, the term over) it accrues nothing more. */
public enum SubsidyStatus {
    ACTIVE, STOPPED;

    public static Optional<SubsidyStatus> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
