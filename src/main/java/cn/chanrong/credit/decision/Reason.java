package cn.chanrong.credit.decision;

import java.util.List;

/**
 * One reason in a decision: its kind (SCORE, LIMIT, POLICY, DATA, OUTCOME), a stable code (the message
 * key {@code decision.<code>}) and the arguments the message needs.
 */
public record Reason(String kind, String code, List<Object> args) {

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason of(String kind, String code, Object... args) {
        return new Reason(kind, code, List.of(args));
    }
}
