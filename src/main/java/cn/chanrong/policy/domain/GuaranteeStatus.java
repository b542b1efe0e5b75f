package cn.chanrong.policy.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a government guarantee stands, derived from its claims: ACTIVE while nothing is claimed, CLAIMING once the bank
 * has claimed until the national fund has paid the last stage, SETTLED after.
 */
public enum GuaranteeStatus {
    ACTIVE, CLAIMING, SETTLED;

    /** The status of a guarantee with {@code claims} claims of which {@code paidStages} are paid (three stages in all). */
    public static GuaranteeStatus of(int claims, int paidStages) {
        return claims == 0 ? ACTIVE : paidStages == 3 ? SETTLED : CLAIMING;
    }

    public static Optional<GuaranteeStatus> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
