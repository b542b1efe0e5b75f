package cn.chanrong.lending.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a loan application stands. IN_PROGRESS while its approval steps are acted on, one after the
 * other; a rejection at any step ends it REJECTED, a pass at the last step makes it APPROVED; an
 * approved application is contracted once (CONTRACTED). WITHDRAWN is kept for applications withdrawn
 * before a decision. The guards live here; the column stays text in SQL and the store maps it.
 */
public enum ApplicationStatus {
    IN_PROGRESS, APPROVED, REJECTED, CONTRACTED, WITHDRAWN;

    /** The status stored as text. */
    public static ApplicationStatus of(String stored) {
        return valueOf(stored);
    }

    /**
     * A step acted on: a rejection ends the application, a pass at the {@code last} step approves it, any
     * other pass moves it to its next step. Only an application in progress is acted on.
     */
    public Transition<ApplicationStatus> act(boolean pass, boolean last) {
        if (this != IN_PROGRESS) {
            return Transition.refused("lending.approval.closed", null, name());
        }
        return Transition.to(!pass ? REJECTED : last ? APPROVED : IN_PROGRESS);
    }

    /** The loan contract signed: only an approved application, once. */
    public Transition<ApplicationStatus> contract() {
        return this == APPROVED ? Transition.to(CONTRACTED) : Transition.refused("lending.contract.not-approved", null, name());
    }
}
