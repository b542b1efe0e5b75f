package cn.chanrong.shared;

import java.util.List;

/**
 * Thrown by an application service to refuse a request; carries the rejections so the caller gets
 * every reason at once. Throwing it rolls the surrounding transaction back.
 */
public class Rejected extends RuntimeException {

    /** What kind of refusal this is, which decides the HTTP status the web layer answers with. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, PRECONDITION_FAILED, PRECONDITION_REQUIRED }

    private final Kind kind;
    private final List<Rejection> rejections;
    private final long notListed;

    public Rejected(Kind kind, List<Rejection> rejections) {
        this(kind, rejections, 0);
    }

    /** A refusal that lists only some of its reasons: {@code notListed} more were found (a file's errors). */
    public Rejected(Kind kind, List<Rejection> rejections, long notListed) {
        super(rejections.isEmpty() ? kind.name() : rejections.get(0).code());
        this.kind = kind;
        this.rejections = List.copyOf(rejections);
        this.notListed = notListed;
    }

    public static Rejected invalid(List<Rejection> rejections) {
        return new Rejected(Kind.INVALID, rejections);
    }

    /** Refuses a file with its first errors listed and the rest counted. */
    public static Rejected invalid(FirstErrors<Rejection> errors) {
        return new Rejected(Kind.INVALID, errors.listed(), errors.notListed());
    }

    public static Rejected invalid(Rejection rejection) {
        return new Rejected(Kind.INVALID, List.of(rejection));
    }

    public static Rejected notFound(String what, Object id) {
        return new Rejected(Kind.NOT_FOUND, List.of(Rejection.of("not-found", null, what, String.valueOf(id))));
    }

    public static Rejected conflict(Rejection rejection) {
        return new Rejected(Kind.CONFLICT, List.of(rejection));
    }

    public static Rejected of(Kind kind, Rejection rejection) {
        return new Rejected(kind, List.of(rejection));
    }

    public Kind kind() {
        return kind;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** How many further reasons were found but not listed in {@link #rejections()}. */
    public long notListed() {
        return notListed;
    }
}
