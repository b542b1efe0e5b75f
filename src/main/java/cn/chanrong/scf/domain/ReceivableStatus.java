package cn.chanrong.scf.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a receivable stands. UPLOADED by its creditor (or by its debtor, awaiting the debtor's signed
 * confirmation); the debtor decides once, CONFIRMED or DISPUTED; a confirmed receivable can be offered
 * to funders and FINANCED by one; payments on an uploaded, confirmed or financed receivable settle it
 * when they clear what is outstanding. The rejections name the receivable and the status it is in.
 */
public enum ReceivableStatus {
    UPLOADED, CONFIRMED, DISPUTED, FINANCED, SETTLED;

    /** The status stored as text. */
    public static ReceivableStatus of(String stored) {
        return valueOf(stored);
    }

    /** The debtor confirms or disputes receivable {@code number}: once, while it is only uploaded. */
    public Transition<ReceivableStatus> decide(String number, ConfirmationMessage.Decision decision) {
        if (this != UPLOADED) {
            return Transition.refused("scf.receivable.decided", "status", number, name());
        }
        return Transition.to(decision == ConfirmationMessage.Decision.CONFIRMED ? CONFIRMED : DISPUTED);
    }

    /** The creditor sends receivable {@code number} to funders: only a confirmed one, which stays confirmed. */
    public Transition<ReceivableStatus> offer(String number) {
        return this == CONFIRMED ? Transition.to(CONFIRMED) : notConfirmed(number);
    }

    /** A funder's offer is accepted: a confirmed receivable becomes FINANCED. */
    public Transition<ReceivableStatus> finance(String number) {
        return this == CONFIRMED ? Transition.to(FINANCED) : notConfirmed(number);
    }

    /** The debtor pays on receivable {@code number}; {@code clears} when the payment is all that is outstanding. */
    public Transition<ReceivableStatus> pay(String number, boolean clears) {
        return switch (this) {
            case UPLOADED, CONFIRMED, FINANCED -> Transition.to(clears ? SETTLED : this);
            case DISPUTED, SETTLED -> Transition.refused("scf.receivable.not-payable", "status", number, name());
        };
    }

    private Transition<ReceivableStatus> notConfirmed(String number) {
        return Transition.refused("scf.receivable.not-confirmed", "status", number, name());
    }
}
