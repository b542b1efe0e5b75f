package cn.chanrong.policy.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a claim on public money stands (pure): a bank's subsidy claim and a pool claim are SUBMITTED, then SETTLED by the
 * treasury (subsidies) or PAID by the pool's administrator, or REJECTED with a reason; a claim along a guarantee chain is
 * CLAIMED, then PAID by the party below. Each decision is taken once. The columns stay text in SQL; the stores map
 * them here.
 */
public enum ClaimStatus {
    SUBMITTED, SETTLED, PAID, REJECTED, CLAIMED;

    /** The treasury settles a submitted subsidy claim. */
    public Transition<ClaimStatus> settle() {
        return this == SUBMITTED ? Transition.to(SETTLED) : decided();
    }

    /** A submitted pool claim is paid, or a guarantee claim is paid by its payer. */
    public Transition<ClaimStatus> pay() {
        return this == SUBMITTED || this == CLAIMED ? Transition.to(PAID) : decided();
    }

    /** A submitted claim is refused with its reason. */
    public Transition<ClaimStatus> reject() {
        return this == SUBMITTED ? Transition.to(REJECTED) : decided();
    }

    /** Whether the claim was paid or settled: a guarantee chain's next stage waits for it. */
    public boolean paidOut() {
        return this == PAID || this == SETTLED;
    }

    private Transition<ClaimStatus> decided() {
        return Transition.refused("policy.claim.decided", null, name());
    }
}
