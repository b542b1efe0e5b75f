package cn.chanrong.lending.domain;

import cn.chanrong.shared.Transition;

/**
 * Where a loan stands, and the named transitions between the states. A CONTRACTED loan is paid out
 * once; an ACTIVE one is serviced (repaid, prepaid, reclassified, restructured, brought to a date)
 * until it is repaid, renewed, written off or transferred; a WRITTEN_OFF one still takes recoveries.
 * REPAID, RENEWED and TRANSFERRED are final. Each guard lives here once and answers with the state the
 * loan moves to or the {@code Rejection} the person who asked reads; services store the state it
 * returns. The column stays text in SQL; the store maps it here.
 */
public enum LoanStatus {
    CONTRACTED, ACTIVE, REPAID, RENEWED, WRITTEN_OFF, TRANSFERRED;

    /** The status stored as text. */
    public static LoanStatus of(String stored) {
        return valueOf(stored);
    }

    /** Paid out (the whole principal or a first drawdown of it): only a contracted loan. */
    public Transition<LoanStatus> disburse() {
        return this == CONTRACTED ? Transition.to(ACTIVE) : Transition.refused("lending.disburse.status", null, name());
    }

    /**
     * Serviced without leaving the book — a repayment, a prepayment, a reclassification, a restructuring,
     * a security attached after disbursement: only an active loan, which stays active.
     */
    public Transition<LoanStatus> service() {
        return this == ACTIVE ? Transition.to(ACTIVE) : notActive();
    }

    /** Repaid in full: nothing owed any more. */
    public Transition<LoanStatus> settle() {
        return this == ACTIVE ? Transition.to(REPAID) : notActive();
    }

    /** Renewed without repaying principal (无还本续贷): the principal moves to a new loan. */
    public Transition<LoanStatus> renew() {
        return this == ACTIVE ? Transition.to(RENEWED) : notActive();
    }

    /** Written off (核销): an active loan classified non-performing. */
    public Transition<LoanStatus> writeOff(Tier tier) {
        return this != ACTIVE ? notActive() : tier.nonPerforming() ? Transition.to(WRITTEN_OFF)
                : Transition.refused("lending.write-off.performing", null, tier.name());
    }

    /** Transferred (转让) at a price: an active loan classified non-performing. */
    public Transition<LoanStatus> transfer(Tier tier) {
        return this != ACTIVE ? notActive() : tier.nonPerforming() ? Transition.to(TRANSFERRED)
                : Transition.refused("lending.write-off.performing", null, tier.name());
    }

    /** Cash recovered on a written-off loan, which stays written off. */
    public Transition<LoanStatus> recover() {
        return this == WRITTEN_OFF ? Transition.to(WRITTEN_OFF) : Transition.refused("lending.recover.status", null, name());
    }

    /** Collateral, a pledge or a guarantee attached: before disbursement or while active. */
    public Transition<LoanStatus> secure() {
        return this == CONTRACTED || this == ACTIVE ? Transition.to(this) : notActive();
    }

    /** Whether the loan accrues interest, is classified and carries a provision: only while active. */
    public boolean onBook() {
        return this == ACTIVE;
    }

    private Transition<LoanStatus> notActive() {
        return Transition.refused("lending.repay.status", null, name());
    }
}
