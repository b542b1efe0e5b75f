package cn.chanrong.scf.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a warehouse receipt stands. ISSUED by the warehouse; PLEDGED to one funder, which alone releases
 * it (RELEASED); CANCELLED by the warehouse while it is only issued. Supervision events are recorded on
 * every receipt but a cancelled one. The rejections name the receipt, its status and the status the act
 * needs.
 */
public enum ReceiptStatus {
    ISSUED, PLEDGED, RELEASED, CANCELLED;

    /** The status stored as text. */
    public static ReceiptStatus of(String stored) {
        return valueOf(stored);
    }

    /**
     * The owner pledges receipt {@code number}: only an issued one. An already pledged receipt is refused
     * citing the filing and the funder that hold it.
     */
    public Transition<ReceiptStatus> pledge(String number, String filingNumber, String funderName) {
        return switch (this) {
            case ISSUED -> Transition.to(PLEDGED);
            case PLEDGED -> Transition.refused("scf.warehouse.already-pledged", "receiptId", number, filingNumber,
                    funderName);
            case RELEASED, CANCELLED -> needs(number, "ISSUED");
        };
    }

    /** The owner asks the funder to release receipt {@code number}: it stays pledged until the funder does. */
    public Transition<ReceiptStatus> requestRelease(String number) {
        return this == PLEDGED ? Transition.to(PLEDGED) : needs(number, "PLEDGED");
    }

    /** The funder releases receipt {@code number}. */
    public Transition<ReceiptStatus> release(String number) {
        return this == PLEDGED ? Transition.to(RELEASED) : needs(number, "PLEDGED");
    }

    /** The warehouse cancels receipt {@code number}: only one nobody holds. */
    public Transition<ReceiptStatus> cancel(String number) {
        return this == ISSUED ? Transition.to(CANCELLED) : needs(number, "ISSUED");
    }

    /** A supervision event on receipt {@code number}: anything but a cancelled receipt, which stays as it is. */
    public Transition<ReceiptStatus> record(String number) {
        return this == CANCELLED ? needs(number, "ISSUED, PLEDGED, RELEASED") : Transition.to(this);
    }

    private Transition<ReceiptStatus> needs(String number, String allowed) {
        return Transition.refused("scf.warehouse.status", "status", number, name(), allowed);
    }
}
