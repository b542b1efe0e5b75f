package cn.chanrong.capital.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The first-of-a-kind schemes: major technical equipment (首台（套）), new materials (首批次), software (首版次, provincial).
 */
public enum InsuranceScheme {
    FIRST_SET, FIRST_BATCH, FIRST_VERSION;

    public static Optional<InsuranceScheme> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
