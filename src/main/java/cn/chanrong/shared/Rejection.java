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

    /** How much of a text argument {@link #clipped()} keeps. */
    public static final int CLIP = 200;

    public static Rejection of(String code, String field, Object... args) {
        return new Rejection(code, field, args == null ? null : java.util.Arrays.asList(args));
    }

    /**
     * This rejection with every text argument longer than {@value #CLIP} characters cut short (and
     * marked with an ellipsis): what an import keeps when it quotes a value from the file, so a
     * megabyte-long cell cannot make its error report a megabyte long.
     */
    public Rejection clipped() {
        if (args.stream().noneMatch(a -> a instanceof CharSequence s && s.length() > CLIP)) {
            return this;
        }
        return new Rejection(code, field, args.stream().map(a -> a instanceof CharSequence s && s.length() > CLIP
                ? (Object) (s.subSequence(0, CLIP) + "…") : a).toList());
    }
}
