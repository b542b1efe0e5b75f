package cn.chanrong.cashflow.domain;

/** What kind of party is on the other side of a flow; see {@link CounterpartyCategoriser} for the rules. */
public enum CounterpartyCategory {
    CUSTOMER, SUPPLIER, PAYROLL, TAX, UTILITIES, LOAN_REPAYMENT, LOAN_PROCEEDS, RELATED_PARTY, OWN_ACCOUNT,
    SECURITIES, REAL_ESTATE, WEALTH_MANAGEMENT, PRIVATE_LENDING, OTHER,
    // appended (ordinals are kept in feature blocks): loan money may not buy equity or pay dividends either
    EQUITY_INVESTMENT, DIVIDEND,
    // buying equipment or works: what a fixed-asset loan pays for and a working-capital loan does not
    FIXED_ASSET
}
