package cn.chanrong.registry.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a filing stands. An ACTIVE filing publishes the secured party's right and can be amended,
 * extended or cancelled by it; a CANCELLED one is kept, in its place in the registration order, and
 * changes no more. (A filing past its term is still ACTIVE in the table and simply no longer counts.)
 */
public enum FilingStatus {
    ACTIVE, CANCELLED;

    /** The status stored as text. */
    public static FilingStatus of(String stored) {
        return valueOf(stored);
    }

    /** Its secured party cancels filing {@code number} (after the secured debt is repaid). */
    public Transition<FilingStatus> cancel(String number) {
        return this == ACTIVE ? Transition.to(CANCELLED) : alreadyCancelled(number);
    }

    /** Its secured party amends or extends filing {@code number}: only an active filing changes. */
    public Transition<FilingStatus> change(String number) {
        return this == ACTIVE ? Transition.to(ACTIVE) : alreadyCancelled(number);
    }

    private static Transition<FilingStatus> alreadyCancelled(String number) {
        return Transition.refused("registry.already-cancelled", "number", number);
    }
}
