package cn.chanrong.shared;

import java.util.List;
import java.util.Objects;

/**
 * Why a request was refused, as data: a stable {@code code} (also the message key), the
 * {@code field} it concerns (null when it concerns the whole request) and the arguments the
 * localised message needs. The web layer turns it into text in the caller's language.
 */
public record Rejection(String code, String field, List<Object> args) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        // a value the caller left out is shown as empty text: refusing must never fail on a null
        args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    public static Rejection of(String code, String field, Object... args) {
        return new Rejection(code, field, args == null ? null : java.util.Arrays.asList(args));
    }
}
