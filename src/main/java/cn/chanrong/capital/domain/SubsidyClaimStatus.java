package cn.chanrong.capital.domain;

import cn.chanrong.shared.Transition;

/**
 * A premium-subsidy claim: claimed by the insured manufacturer, confirmed by the industry department, paid by the finance
 * department; refused with a reason at either step. Paid or refused is final.
 */
public enum SubsidyClaimStatus {
    CLAIMED, CONFIRMED, PAID, REFUSED;

    /** The move to {@code next}, or why it is refused. */
    public Transition<SubsidyClaimStatus> to(SubsidyClaimStatus next) {
        if (this == PAID || this == REFUSED) {
            return Transition.refused("insurance.claim.final", "decision", name(), next.name());
        }
        return switch (next) {
            case CONFIRMED -> this == CLAIMED ? Transition.to(CONFIRMED)
                    : Transition.refused("insurance.claim.confirmed-already", "decision");
            case PAID -> this == CONFIRMED ? Transition.to(PAID)
                    : Transition.refused("insurance.claim.confirm-first", "decision");
            case REFUSED -> Transition.to(REFUSED);
            case CLAIMED -> Transition.refused("insurance.claim.confirmed-already", "decision");
        };
    }
}
