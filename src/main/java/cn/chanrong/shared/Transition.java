package cn.chanrong.shared;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a named state transition (a receivable confirmed, a filing cancelled): the state it
 * moves to, or the {@link Rejection} that says why it may not move, for the person who asked. The
 * guard lives once, in the domain type that owns the states; a service applies the transition and
 * stores the state it returns, or refuses with the rejection.
 *
 * @param <S> the state type, usually an enum
 */
public sealed interface Transition<S> {

    /** The transition is allowed and leads to {@code state}. */
    record To<S>(S state) implements Transition<S> {
        public To {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The transition is refused, with the reason. */
    record Refused<S>(Rejection rejection) implements Transition<S> {
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <S> Transition<S> to(S state) {
        return new To<>(state);
    }

    static <S> Transition<S> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }

    /** A refusal by {@code code} on {@code field} with its message arguments. */
    static <S> Transition<S> refused(String code, String field, Object... args) {
        return new Refused<>(Rejection.of(code, field, args));
    }

    default boolean allowed() {
        return this instanceof To<S>;
    }

    /** The new state; a refusal is thrown as a {@link Rejected} conflict (the record is not in a state that allows it). */
    default S orThrow() {
        return orThrow(Rejected::conflict);
    }

    /** The new state; a refusal is thrown as the exception {@code refusal} makes of it. */
    default S orThrow(Function<Rejection, ? extends RuntimeException> refusal) {
        return switch (this) {
            case To<S> to -> to.state();
            case Refused<S> refused -> throw refusal.apply(refused.rejection());
        };
    }
}
