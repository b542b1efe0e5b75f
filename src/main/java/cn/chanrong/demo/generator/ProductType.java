package cn.chanrong.demo.generator;

/**
 * Kinds of financing product, with the longest term a product of the kind may offer. Maxima follow
 * FACTS.md §8 and §4: working capital ≤ 3 years, M&A ≤ 7, fixed-asset and key-chain technology loans
 * up to 10; e-vouchers ≤ 6 months since 2025-06-15 and commercial bills ≤ 6 months; the others are
 * our assumptions (products' own settings may be shorter).
 */
public enum ProductType {
    WORKING_CAPITAL_LOAN("流动资金贷款", "Working capital loan", 36),
    FIXED_ASSET_LOAN("固定资产贷款", "Fixed-asset loan", 120),
    MA_LOAN("并购贷款", "M&A loan", 84),
    SYNDICATED_LOAN("银团贷款", "Syndicated loan", 120),
    TECH_INNOVATION_LOAN("科技创新贷款", "Technology innovation loan", 120),
    IP_PLEDGE_LOAN("知识产权质押贷款", "IP pledge loan", 36),
    RECEIVABLES_FINANCING("应收账款融资", "Receivables financing", 12),
    INVENTORY_FINANCING("存货融资", "Inventory financing", 12),
    ORDER_FINANCING("订单融资", "Order financing", 12),
    EVOUCHER_DISCOUNTING("电子凭证融资", "E-voucher discounting", 6),
    BANK_ACCEPTANCE_BILL("银行承兑汇票", "Bank acceptance bill", 6),
    FINANCIAL_LEASING("融资租赁", "Financial leasing", 72),
    BOND_UNDERWRITING("债券承销", "Bond underwriting", 120),
    EQUITY_INVESTMENT("股权投资", "Equity investment", 96),
    TECH_INSURANCE("科技保险", "Technology insurance", 36),
    FIRST_SET_INSURANCE("首台（套）保险", "First-of-its-kind equipment insurance", 36),
    GUARANTEE("融资担保", "Financing guarantee", 36);

    private final String labelZh;
    private final String labelEn;
    private final int maxTermMonths;

    ProductType(String labelZh, String labelEn, int maxTermMonths) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.maxTermMonths = maxTermMonths;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public int maxTermMonths() {
        return maxTermMonths;
    }
}
