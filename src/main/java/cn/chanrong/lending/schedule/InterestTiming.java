package cn.chanrong.lending.schedule;

/** When the interest of a single-payment financing is taken. */
public enum InterestTiming {
    /** Paid at maturity with the principal, on the principal (an advance against a receivable or goods). */
    IN_ARREARS,
    /**
     * Deducted up front, on the face value (贴现, a discount): the funder pays out the face value less the
     * interest, and the principal is that payout.
     */
    IN_ADVANCE
}
