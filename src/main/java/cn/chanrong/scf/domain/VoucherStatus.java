package cn.chanrong.scf.domain;

import cn.chanrong.shared.Transition;

/**
 * Where an e-voucher stands. ISSUED until its issuer pays at maturity (or the daily pass settles it at
 * zero): SETTLED when every outstanding part was paid in full, OVERDUE when some was not; late payments
 * on an overdue voucher settle it once nothing is unpaid.
 */
public enum VoucherStatus {
    ISSUED, SETTLED, OVERDUE;

    /** The status stored as text. */
    public static VoucherStatus of(String stored) {
        return valueOf(stored);
    }

    /** The issuer pays voucher {@code number} at maturity; {@code shortfall} when it pays less than is outstanding. */
    public Transition<VoucherStatus> settle(String number, boolean shortfall) {
        return this == ISSUED ? Transition.to(shortfall ? OVERDUE : SETTLED)
                : Transition.refused("voucher.settled", null, number, name());
    }

    /** The issuer pays an overdue voucher late; {@code unpaidLeft} when something is still unpaid after it. */
    public Transition<VoucherStatus> payLate(String number, boolean unpaidLeft) {
        return this == OVERDUE ? Transition.to(unpaidLeft ? OVERDUE : SETTLED)
                : Transition.refused("voucher.not-overdue", null, number, name());
    }
}
