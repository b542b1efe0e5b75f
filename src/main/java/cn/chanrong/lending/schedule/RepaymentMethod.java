package cn.chanrong.lending.schedule;

/** How principal is repaid. */
public enum RepaymentMethod {
    /** 等额本息: equal payments; the installment solves the periods' actual rates. */
    EQUAL_INSTALLMENT,
    /** 等额本金: equal principal, interest on the falling balance. */
    EQUAL_PRINCIPAL,
    /** Interest each period, all principal at maturity. */
    INTEREST_ONLY,
    /** One payment at maturity: principal and simple interest for the whole term. */
    BULLET,
    /** 按计划还本: principal period by period as the contract's plan says, interest on the falling balance. */
    CUSTOM
}
