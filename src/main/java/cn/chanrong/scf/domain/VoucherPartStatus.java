package cn.chanrong.scf.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a part of a voucher stands. A LIVE part is spent exactly once — SPLIT into pieces, TRANSFERRED
 * one tier down, DISCOUNTED with a funder — or paid at maturity (SETTLED, as is a discounted part,
 * whose loan the payment collects). The database enforces the same with an update that must find the
 * part LIVE; this is the rule a person reads when it is not.
 */
public enum VoucherPartStatus {
    LIVE, SPLIT, TRANSFERRED, DISCOUNTED, SETTLED;

    /** The status stored as text. */
    public static VoucherPartStatus of(String stored) {
        return valueOf(stored);
    }

    /** Whether the part still counts towards the voucher's face value: held or discounted, not yet paid. */
    public boolean outstanding() {
        return this == LIVE || this == DISCOUNTED;
    }

    /** A holder moves part {@code partId} (split, transfer, discount): only a live part moves, and it stays live until spent. */
    public Transition<VoucherPartStatus> move(long partId) {
        return spend(partId, LIVE);
    }

    public Transition<VoucherPartStatus> split(long partId) {
        return spend(partId, SPLIT);
    }

    public Transition<VoucherPartStatus> transfer(long partId) {
        return spend(partId, TRANSFERRED);
    }

    public Transition<VoucherPartStatus> discount(long partId) {
        return spend(partId, DISCOUNTED);
    }

    /** Payment at maturity settles a live or discounted part. */
    public Transition<VoucherPartStatus> settle(long partId) {
        return outstanding() ? Transition.to(SETTLED) : spent(partId);
    }

    private Transition<VoucherPartStatus> spend(long partId, VoucherPartStatus to) {
        return this == LIVE ? Transition.to(to) : spent(partId);
    }

    private Transition<VoucherPartStatus> spent(long partId) {
        return Transition.refused("voucher.part-spent", "partId", partId, name());
    }
}
