package cn.chanrong.institution.domain;

import cn.chanrong.institution.InstitutionType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Kinds of financing product, each with a default maximum term in months (FACTS §8: working
 * capital typically ≤ 3 years, M&A ≤ 7, fixed-asset and key-chain special loans up to 10; defaults
 * that deployments override with {@code chanrong.products.max-term-months.<TYPE>}) and the kinds of
 * institution that may offer it. The one term setting of a type: lending's application rules and the
 * credit decision's policy both read it.
 * <ul>
 *   <li>Working-capital loans (流动资金贷款管理办法 2024): at most 3 years in principle; up to
 *       {@link #justifiedMaxTermMonths() 5 years} where the operating cycle justifies it, the reason
 *       recorded on the application.</li>
 *   <li>Commercial bills (商业汇票承兑、贴现与再贴现管理办法, in force 2023-01-01): tenor at most 6 months.
 *       E-vouchers (电子债权凭证) are claims, not bills, and keep the receivables' 12 months.</li>
 * </ul>
 */
public enum ProductType {
    WORKING_CAPITAL_LOAN(36, 60, Offerer.BANKS, "流动资金贷款", "Working-capital loan"),
    FIXED_ASSET_LOAN(120, Offerer.BANKS, "固定资产贷款", "Fixed-asset loan"),
    MA_LOAN(84, Offerer.BANKS, "并购贷款", "M&A loan"),
    SYNDICATED_LOAN(120, Offerer.BANKS, "银团贷款", "Syndicated loan"),
    TECH_INNOVATION_LOAN(120, Offerer.BANKS, "科技创新贷款", "Technology-innovation loan"),
    IP_PLEDGE_LOAN(60, Offerer.BANKS, "知识产权质押贷款", "IP pledge loan"),
    RECEIVABLES_FINANCING(12, Offerer.BANKS_AND_FACTORING, "应收账款融资", "Receivables financing"),
    INVENTORY_FINANCING(12, Offerer.BANKS, "存货/仓单融资", "Inventory and warehouse-receipt financing"),
    ORDER_FINANCING(12, Offerer.BANKS, "订单融资", "Order financing"),
    EVOUCHER_DISCOUNTING(12, Offerer.BANKS_AND_FACTORING, "电子凭证贴现", "E-voucher discounting"),
    BANK_ACCEPTANCE_BILL(6, Offerer.BANKS, "银行承兑汇票及贴现", "Bank acceptance bill and discounting"),
    FINANCIAL_LEASING(120, Offerer.LEASING, "融资租赁", "Financial leasing"),
    BOND_UNDERWRITING(180, Offerer.SECURITIES, "债券承销", "Bond underwriting"),
    EQUITY_INVESTMENT(120, Offerer.INVESTORS, "股权投资", "Equity investment"),
    TECH_INSURANCE(60, Offerer.INSURERS, "科技保险", "Technology insurance"),
    FIRST_SET_INSURANCE(36, Offerer.INSURERS, "首台（套）保险", "First-set equipment insurance"),
    GUARANTEE(60, Offerer.GUARANTORS, "融资担保", "Financing guarantee");

    private final int defaultMaxTermMonths;
    private final int justifiedMaxTermMonths;
    private final Offerer offerer;
    private final String nameZh;
    private final String nameEn;

    ProductType(int defaultMaxTermMonths, Offerer offerer, String nameZh, String nameEn) {
        this(defaultMaxTermMonths, defaultMaxTermMonths, offerer, nameZh, nameEn);
    }

    ProductType(int defaultMaxTermMonths, int justifiedMaxTermMonths, Offerer offerer, String nameZh, String nameEn) {
        this.defaultMaxTermMonths = defaultMaxTermMonths;
        this.justifiedMaxTermMonths = justifiedMaxTermMonths;
        this.offerer = offerer;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The longest term a product of the type may offer, and an application ask for without a reason. */
    public int defaultMaxTermMonths() {
        return defaultMaxTermMonths;
    }

    /**
     * The longest term an application may ask for with a recorded reason (a working-capital loan whose
     * operating cycle needs it: 5 years); the default maximum for every other type.
     */
    public int justifiedMaxTermMonths() {
        return justifiedMaxTermMonths;
    }

    /** Whether the type is a commercial bill, whose tenor the 2023 measures cap at 6 months. */
    public boolean commercialBill() {
        return this == BANK_ACCEPTANCE_BILL;
    }

    public boolean offeredBy(InstitutionType type) {
        return offerer.types.contains(type);
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    public static Optional<ProductType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    private enum Offerer {
        BANKS(EnumSet.of(InstitutionType.POLICY_BANK, InstitutionType.LARGE_STATE_OWNED_BANK,
                InstitutionType.JOINT_STOCK_BANK, InstitutionType.CITY_COMMERCIAL_BANK,
                InstitutionType.RURAL_COMMERCIAL_BANK, InstitutionType.RURAL_COOPERATIVE, InstitutionType.VILLAGE_BANK,
                InstitutionType.PRIVATE_BANK, InstitutionType.FOREIGN_BANK, InstitutionType.FINANCE_COMPANY)),
        BANKS_AND_FACTORING(EnumSet.of(InstitutionType.POLICY_BANK, InstitutionType.LARGE_STATE_OWNED_BANK,
                InstitutionType.JOINT_STOCK_BANK, InstitutionType.CITY_COMMERCIAL_BANK,
                InstitutionType.RURAL_COMMERCIAL_BANK, InstitutionType.RURAL_COOPERATIVE, InstitutionType.VILLAGE_BANK,
                InstitutionType.PRIVATE_BANK, InstitutionType.FOREIGN_BANK, InstitutionType.FINANCE_COMPANY,
                InstitutionType.FACTORING)),
        LEASING(EnumSet.of(InstitutionType.FINANCIAL_LEASING)),
        SECURITIES(EnumSet.of(InstitutionType.SECURITIES_FIRM)),
        INVESTORS(EnumSet.of(InstitutionType.FUND_VC, InstitutionType.SECURITIES_FIRM,
                InstitutionType.ASSET_MANAGEMENT_COMPANY, InstitutionType.INSURER)),
        INSURERS(EnumSet.of(InstitutionType.INSURER)),
        GUARANTORS(EnumSet.of(InstitutionType.GOVERNMENT_GUARANTEE_AGENCY, InstitutionType.OTHER_GUARANTEE_AGENCY,
                InstitutionType.PROVINCIAL_REGUARANTOR, InstitutionType.NATIONAL_GUARANTEE_FUND));

        private final Set<InstitutionType> types;

        Offerer(Set<InstitutionType> types) {
            this.types = types;
        }
    }
}
