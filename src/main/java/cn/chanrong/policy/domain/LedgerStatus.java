package cn.chanrong.policy.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a re-lending ledger stands: COMPILED by the bank, CONFIRMED by its approver, BOOKED once the central bank
 * approved it and the borrowing is in the bank's book (rolled over, it stays BOOKED), REPAID. The column stays text
 * in SQL; the store maps it here.
 */
public enum LedgerStatus {
    COMPILED, CONFIRMED, BOOKED, REPAID;

    public Transition<LedgerStatus> confirm() {
        return this == COMPILED ? Transition.to(CONFIRMED) : step(COMPILED);
    }

    public Transition<LedgerStatus> approve() {
        return this == CONFIRMED ? Transition.to(BOOKED) : step(CONFIRMED);
    }

    public Transition<LedgerStatus> rollOver() {
        return this == BOOKED ? Transition.to(BOOKED) : step(BOOKED);
    }

    public Transition<LedgerStatus> repay() {
        return this == BOOKED ? Transition.to(REPAID) : step(BOOKED);
    }

    private Transition<LedgerStatus> step(LedgerStatus needed) {
        return Transition.refused("policy.ledger.step", null, name(), needed.name());
    }
}
