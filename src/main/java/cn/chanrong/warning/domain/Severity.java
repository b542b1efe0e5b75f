package cn.chanrong.warning.domain;

import java.util.Arrays;
import java.util.Optional;

/** How grave the risk a list names is, as its issuer judges it. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public static Optional<Severity> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
