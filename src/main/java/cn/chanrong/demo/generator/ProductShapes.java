package cn.chanrong.demo.generator;

import static cn.chanrong.institution.domain.ProductType.*;

import cn.chanrong.institution.domain.ProductType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How products of each type look: pricing, terms, amounts, security, whom they target and what
 * they are called. Ranges are our assumptions in line with FACTS.md §8 (LPR-based pricing, spreads
 * that go below LPR for technology loans) and public practice: a bank acceptance fee of 0.05 % of
 * face value, government guarantee fees at or below 1 % a year, first-set insurance premiums up to
 * 3 % (the subsidised ceiling).
 */
final class ProductShapes {

    enum Sizes {
        ALL("", "", ""),
        SME("MICRO;SMALL;MEDIUM", "中小微企业", "Micro, small or medium enterprise"),
        MICRO_SMALL("MICRO;SMALL", "小微企业", "Micro or small enterprise"),
        LARGE_MEDIUM("LARGE;MEDIUM", "大中型企业", "Large or medium enterprise"),
        LARGE("LARGE", "大型企业", "Large enterprise");

        final String list;
        final String labelZh;
        final String labelEn;

        Sizes(String list, String labelZh, String labelEn) {
            this.list = list;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
        }
    }

    /** A product name and, optionally, the clause that name promises (e.g. 小巨人贷 → little giants only). */
    record Template(String zh, String en, Clause clause) {
        Template(String zh, String en) {
            this(zh, en, null);
        }
    }

    record Clause(String labelZh, String labelEn, String expression) {
    }

    /**
     * @param fixedOnly     pricing is always FIXED (fees, premiums, discount and lease rates, coupons, hurdles)
     * @param fixedLow      FIXED rate range in hundredths of a per cent
     * @param spreadLow     LPR_SPREAD: lower spread drawn from [spreadLow, spreadHigh] bp, upper spread adds 50–200 bp
     */
    record Shape(boolean fixedOnly, int fixedLow, int fixedHigh, int spreadLow, int spreadHigh, List<Integer> minTerms,
                 List<Integer> maxTerms, List<Long> minAmountsYuan, List<Long> maxAmountsYuan, List<String> securities,
                 List<Sizes> sizes, List<Template> names, Clause typeClause) {
    }

    static final Clause TECH_QUALIFIED = new Clause("经认定的科技型企业资质", "Verified technology-enterprise qualification",
            "e.verifiedQualifications.exists(q, q in ['HIGH_TECH','TECH_SME','INNOVATIVE_SME','SPECIALISED_SME','LITTLE_GIANT'])");
    static final Clause MANUFACTURING = new Clause("制造业企业", "Manufacturing enterprise", "e.industryCode.startsWith('C')");
    static final Clause AGE_1 = new Clause("成立满一年", "Operating for at least one year", "e.ageYears >= 1");
    static final Clause AGE_2 = new Clause("成立满两年", "Operating for at least two years", "e.ageYears >= 2");
    static final Clause AGE_3 = new Clause("成立满三年", "Operating for at least three years", "e.ageYears >= 3");
    static final Clause EMPLOYEES_10 = new Clause("从业人员不少于10人", "At least 10 employees", "e.employees >= 10");
    static final Clause MANUFACTURING_OR_SOFTWARE = new Clause("制造业或软件和信息技术服务业企业",
            "Manufacturing or software and IT services enterprise",
            "e.industryCode.startsWith('C') || e.industryCode.startsWith('I65')");

    private static final long WAN = 10_000;
    private static final long YI = 100_000_000;

    static final Map<ProductType, Shape> SHAPES = new EnumMap<>(ProductType.class);

    static {
        SHAPES.put(WORKING_CAPITAL_LOAN, new Shape(false, 280, 480, -30, 50, List.of(1, 3, 6), List.of(12, 24, 36),
                List.of(10 * WAN, 50 * WAN, 100 * WAN), List.of(500 * WAN, 1000 * WAN, 3000 * WAN, 5000 * WAN),
                List.of("CREDIT", "GUARANTEE", "COLLATERAL"), List.of(Sizes.ALL, Sizes.SME, Sizes.MICRO_SMALL),
                List.of(new Template("流动资金贷款", "Working Capital Loan"), new Template("经营快贷", "Quick Business Loan"),
                        new Template("制造业信用贷", "Manufacturing Credit Loan", MANUFACTURING),
                        new Template("无还本续贷", "Renewal Without Repayment Loan")), AGE_2));
        SHAPES.put(FIXED_ASSET_LOAN, new Shape(false, 300, 480, -20, 60, List.of(12, 24, 36), List.of(60, 84, 120),
                List.of(500 * WAN, 1000 * WAN), List.of(YI, 3 * YI, 5 * YI), List.of("COLLATERAL", "GUARANTEE"),
                List.of(Sizes.ALL, Sizes.LARGE_MEDIUM, Sizes.SME),
                List.of(new Template("技术改造贷款", "Technological Transformation Loan"),
                        new Template("设备更新贷款", "Equipment Renewal Loan"), new Template("项目贷款", "Project Loan")), AGE_1));
        SHAPES.put(MA_LOAN, new Shape(false, 320, 480, 0, 80, List.of(12, 24), List.of(60, 84), List.of(2000 * WAN, 5000 * WAN),
                List.of(5 * YI, 10 * YI, 20 * YI), List.of("PLEDGE", "COLLATERAL"), List.of(Sizes.LARGE_MEDIUM, Sizes.LARGE),
                List.of(new Template("并购贷款", "M&A Loan"), new Template("产业链并购贷款", "Chain M&A Loan")),
                new Clause("年营业收入不低于1亿元", "Annual revenue of at least 100 million yuan", "e.annualRevenue >= 100000000.0")));
        SHAPES.put(SYNDICATED_LOAN, new Shape(false, 280, 420, -30, 40, List.of(12, 36), List.of(84, 120), List.of(YI, 2 * YI),
                List.of(20 * YI, 50 * YI), List.of("CREDIT", "COLLATERAL"), List.of(Sizes.LARGE, Sizes.LARGE_MEDIUM),
                List.of(new Template("银团贷款", "Syndicated Loan"), new Template("重大项目银团贷款", "Major Project Syndicated Loan")),
                new Clause("年营业收入不低于4亿元", "Annual revenue of at least 400 million yuan", "e.annualRevenue >= 400000000.0")));
        SHAPES.put(TECH_INNOVATION_LOAN, new Shape(false, 250, 400, -60, 20, List.of(6, 12), List.of(36, 60, 120),
                List.of(50 * WAN, 100 * WAN), List.of(1000 * WAN, 3000 * WAN, 5000 * WAN, YI), List.of("CREDIT", "GUARANTEE"),
                List.of(Sizes.SME, Sizes.MICRO_SMALL, Sizes.ALL),
                List.of(new Template("科创贷", "Sci-Tech Innovation Loan"),
                        new Template("专精特新贷", "Specialised SME Loan", new Clause("经认定的专精特新中小企业", "Verified specialised SME",
                                "e.verifiedQualifications.exists(q, q in ['SPECIALISED_SME','LITTLE_GIANT'])")),
                        new Template("小巨人贷", "Little Giant Loan", new Clause("经认定的专精特新“小巨人”企业", "Verified little giant",
                                "'LITTLE_GIANT' in e.verifiedQualifications")),
                        new Template("研发贷", "R&D Loan"), new Template("科技再贷款专项贷款", "Tech Re-lending Special Loan")),
                TECH_QUALIFIED));
        SHAPES.put(IP_PLEDGE_LOAN, new Shape(false, 300, 450, -20, 80, List.of(6, 12), List.of(12, 24, 36),
                List.of(30 * WAN, 50 * WAN, 100 * WAN), List.of(1000 * WAN, 2000 * WAN, 3000 * WAN), List.of("PLEDGE"),
                List.of(Sizes.SME, Sizes.MICRO_SMALL),
                List.of(new Template("知识产权质押贷", "IP Pledge Loan"), new Template("专利贷", "Patent Loan")), TECH_QUALIFIED));
        SHAPES.put(RECEIVABLES_FINANCING, new Shape(false, 450, 900, 0, 100, List.of(1, 3), List.of(6, 12),
                List.of(10 * WAN, 50 * WAN), List.of(1000 * WAN, 2000 * WAN, 5000 * WAN), List.of("PLEDGE"),
                List.of(Sizes.SME, Sizes.ALL),
                List.of(new Template("应收账款融资", "Receivables Financing"),
                        new Template("供应链应收融资", "Supply-chain Receivables Finance")), MANUFACTURING));
        SHAPES.put(INVENTORY_FINANCING, new Shape(false, 350, 550, 20, 120, List.of(1, 3), List.of(6, 12),
                List.of(50 * WAN, 100 * WAN), List.of(1000 * WAN, 3000 * WAN), List.of("PLEDGE"), List.of(Sizes.SME, Sizes.ALL),
                List.of(new Template("存货融资", "Inventory Financing"), new Template("仓单质押贷款", "Warehouse Receipt Loan")),
                MANUFACTURING));
        SHAPES.put(ORDER_FINANCING, new Shape(false, 350, 550, 0, 100, List.of(1, 3), List.of(6, 12), List.of(10 * WAN, 30 * WAN),
                List.of(500 * WAN, 1000 * WAN), List.of("CREDIT", "PLEDGE"), List.of(Sizes.MICRO_SMALL, Sizes.SME),
                List.of(new Template("订单贷", "Order Loan"), new Template("链易贷", "Chain Order Loan")), MANUFACTURING));
        SHAPES.put(EVOUCHER_DISCOUNTING, new Shape(true, 160, 320, 0, 0, List.of(1), List.of(3, 6), List.of(WAN, 5 * WAN),
                List.of(1000 * WAN, 5000 * WAN), List.of("CREDIT"), List.of(Sizes.SME, Sizes.ALL),
                List.of(new Template("电子凭证融资", "E-voucher Financing"), new Template("链信融资", "Chain Voucher Financing")),
                MANUFACTURING));
        SHAPES.put(BANK_ACCEPTANCE_BILL, new Shape(true, 5, 5, 0, 0, List.of(1), List.of(6), List.of(10 * WAN),
                List.of(5000 * WAN, YI), List.of("PLEDGE", "CREDIT", "GUARANTEE"), List.of(Sizes.ALL),
                List.of(new Template("银行承兑汇票", "Bank Acceptance Bill"), new Template("供应链票据", "Supply-chain Bill")), AGE_1));
        SHAPES.put(FINANCIAL_LEASING, new Shape(false, 450, 750, 100, 300, List.of(12, 24), List.of(36, 60, 72),
                List.of(100 * WAN, 500 * WAN), List.of(5000 * WAN, YI, 2 * YI), List.of("COLLATERAL"), List.of(Sizes.ALL, Sizes.SME),
                List.of(new Template("设备直租", "Equipment Direct Leasing"), new Template("售后回租", "Sale and Leaseback"),
                        new Template("首台套设备租赁", "First-set Equipment Leasing")), MANUFACTURING));
        SHAPES.put(BOND_UNDERWRITING, new Shape(true, 180, 350, 0, 0, List.of(12), List.of(36, 60, 120), List.of(YI, 3 * YI),
                List.of(10 * YI, 30 * YI, 50 * YI), List.of("CREDIT"), List.of(Sizes.LARGE_MEDIUM, Sizes.LARGE),
                List.of(new Template("科技创新债券承销", "Sci-Tech Innovation Bond Underwriting"),
                        new Template("中期票据承销", "Medium-term Note Underwriting"), new Template("公司债承销", "Corporate Bond Underwriting")),
                AGE_3));
        SHAPES.put(EQUITY_INVESTMENT, new Shape(true, 600, 1000, 0, 0, List.of(36), List.of(60, 84, 96),
                List.of(500 * WAN, 1000 * WAN), List.of(5000 * WAN, YI, 2 * YI), List.of("CREDIT"), List.of(Sizes.MICRO_SMALL, Sizes.SME),
                List.of(new Template("成长期股权投资", "Growth Equity Investment"), new Template("专精特新投资", "Specialised SME Investment"),
                        new Template("天使投资", "Angel Investment")),
                new Clause("成立不超过十年", "Founded no more than ten years ago", "e.ageYears <= 10")));
        SHAPES.put(TECH_INSURANCE, new Shape(true, 30, 200, 0, 0, List.of(12), List.of(12, 24, 36), List.of(100 * WAN),
                List.of(2000 * WAN, 5000 * WAN, YI), List.of("CREDIT"), List.of(Sizes.ALL, Sizes.SME),
                List.of(new Template("研发费用损失保险", "R&D Expense Loss Insurance"),
                        new Template("科技企业综合保险", "Tech Enterprise Package Insurance"), new Template("知识产权保险", "IP Insurance")),
                TECH_QUALIFIED));
        SHAPES.put(FIRST_SET_INSURANCE, new Shape(true, 100, 300, 0, 0, List.of(12), List.of(12, 36), List.of(500 * WAN),
                List.of(YI, 5 * YI), List.of("CREDIT"), List.of(Sizes.ALL),
                List.of(new Template("首台（套）重大技术装备保险", "First-of-its-kind Major Equipment Insurance",
                                new Clause("首台（套）装备认定", "Recognised first-of-its-kind equipment", "'FIRST_SET' in e.verifiedQualifications")),
                        new Template("首批次新材料保险", "First-batch New Materials Insurance", new Clause("新材料企业", "New-materials enterprise",
                                "e.declaredChainTags.exists(t, t in ['ADVANCED_MATERIALS','NEW_MATERIALS','FUTURE_MATERIALS'])"))), null));
        SHAPES.put(GUARANTEE, new Shape(true, 50, 300, 0, 0, List.of(3, 6, 12), List.of(12, 24, 36), List.of(10 * WAN, 50 * WAN),
                List.of(500 * WAN, 1000 * WAN, 3000 * WAN), List.of("CREDIT", "COLLATERAL"), List.of(Sizes.MICRO_SMALL, Sizes.SME),
                List.of(new Template("科技担保", "Tech Guarantee", TECH_QUALIFIED), new Template("小微融资担保", "Micro and Small Financing Guarantee"),
                        new Template("批量担保", "Batch Guarantee")), AGE_1));
        for (ProductType t : ProductType.values()) {
            Shape s = SHAPES.get(t);
            if (s == null || s.maxTerms().stream().anyMatch(m -> m > t.defaultMaxTermMonths())) {
                throw new IllegalStateException("product shape missing or over the type's maximum term: " + t);
            }
        }
    }

    private ProductShapes() {
    }
}
