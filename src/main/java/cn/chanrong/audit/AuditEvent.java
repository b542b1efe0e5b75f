package cn.chanrong.audit;

import java.util.Objects;

/**
 * What happened: {@code action} like {@code enterprise.create}, the target's type and id, whether
 * it succeeded or was rejected, and a short detail (a reason, an override note) for the reader.
 */
public record AuditEvent(String actor, String action, String targetType, String targetId, Outcome outcome,
                         String detail) {

    public enum Outcome { SUCCESS, REJECTED }

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static AuditEvent success(String actor, String action, String targetType, Object targetId, String detail) {
        return new AuditEvent(actor, action, targetType, targetId == null ? null : targetId.toString(),
                Outcome.SUCCESS, detail);
    }
}
