package cn.chanrong.lending;

/**
 * How a loan is secured, as the PBOC's loan statistics count it (FACTS §10): a credit loan (信用) has no
 * security; guaranteed (保证), mortgage (抵押) and pledge (质押) are secured. Discounting (贴现) and
 * factoring (保理) are purchases of claims, not security: they are neither credit loans nor secured,
 * and stay out of the credit-loan share. Receivable and warehouse-receipt pledges are pledges.
 */
public enum GuaranteeMethod {
    CREDIT, GUARANTEED, MORTGAGE, PLEDGE, DISCOUNTING, FACTORING;

    /** Whether the financing buys the claim (贴现, 保理) rather than lending against it. */
    public boolean purchaseOfClaim() {
        return this == DISCOUNTING || this == FACTORING;
    }
}
