package cn.chanrong.monitoring.domain;

import cn.chanrong.shared.Transition;

/**
 * Where an alert stands: OPEN in the institution's queue until its officers confirm it (a diversion found)
 * or dismiss it (explained), once. The column stays text in SQL; the store maps it here.
 */
public enum AlertStatus {
    OPEN, CONFIRMED, DISMISSED;

    /** The status stored as text. */
    public static AlertStatus of(String stored) {
        return valueOf(stored);
    }

    /** A diversion found: only an open alert. */
    public Transition<AlertStatus> confirm() {
        return this == OPEN ? Transition.to(CONFIRMED) : decided();
    }

    /** Explained, nothing to act on: only an open alert. */
    public Transition<AlertStatus> dismiss() {
        return this == OPEN ? Transition.to(DISMISSED) : decided();
    }

    /** Whether the institution may still decide it. */
    public boolean open() {
        return this == OPEN;
    }

    private Transition<AlertStatus> decided() {
        return Transition.refused("monitoring.alert.decided", "outcome", name());
    }
}
