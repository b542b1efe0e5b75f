package cn.chanrong.demo;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.institution.ProductDraft.Clause;
import cn.chanrong.institution.Products;
import java.math.BigDecimal;
import java.util.List;

/** A few products of the three demo banks, created by their operators as a bank would. */
final class DemoProducts {

    private DemoProducts() {
    }

    static void load(Products products, Caller bank, Caller bank2, Caller bank3) {
        publish(products, bank, new ProductDraft("MJ-ZJTX-01", "专精特新贷", "Specialised SME Loan", "TECH_INNOVATION_LOAN",
                new BigDecimal("1000000"), new BigDecimal("30000000"), 6, 60, "LPR_SPREAD", 20, 120, null, "CREDIT", List.of("MACHINE_TOOLS", "IC"),
                List.of("SMALL", "MEDIUM"), List.of("STARTUP", "GROWTH"), List.of("350000"), "2025-01-01", null, List.of(
                new Clause("中小企业", "Small or medium enterprise", "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']"),
                new Clause("经认定的专精特新或小巨人企业", "Verified specialised SME or little giant",
                        "e.verifiedQualifications.exists(q, q in ['SPECIALISED_SME', 'LITTLE_GIANT'])"),
                new Clause("成立满2年", "At least 2 years in business", "e.ageYears >= 2"))));
        publish(products, bank, new ProductDraft("MJ-SBGX-01", "设备更新改造贷", "Equipment Renewal Loan", "FIXED_ASSET_LOAN",
                new BigDecimal("5000000"), new BigDecimal("200000000"), 12, 120, "LPR_SPREAD", -20, 60, null, "COLLATERAL",
                List.of("MACHINE_TOOLS", "HIGH_END_EQUIPMENT"), List.of(), List.of(), List.of("350000"), "2025-01-01", null, List.of(
                new Clause("制造业企业", "Manufacturer", "e.industryCode.startsWith('C')"),
                new Clause("福建省内企业", "Registered in Fujian", "e.regionCode.startsWith('35')"),
                new Clause("年营业收入不低于5000万元", "Annual revenue at least 50 M yuan", "e.annualRevenue >= 50000000"))));
        publish(products, bank, new ProductDraft("MJ-JSGZ-01", "技术改造专项贷", "Technological Transformation Loan",
                "FIXED_ASSET_LOAN", new BigDecimal("2000000"), new BigDecimal("100000000"), 12, 84, "LPR_SPREAD", 0, 80, null, "COLLATERAL", List.of(),
                List.of(), List.of(), List.of("350000", "440000"), "2025-01-01", null, List.of(
                new Clause("制造业企业", "Manufacturer", "e.industryCode.startsWith('C')"),
                new Clause("成立满3年", "At least 3 years in business", "e.ageYears >= 3"))));
        publish(products, bank2, new ProductDraft("HX-KXD-01", "科信贷", "Tech Credit Loan", "WORKING_CAPITAL_LOAN",
                new BigDecimal("500000"), new BigDecimal("10000000"), 3, 36, "FIXED", null, null, "3.85", "CREDIT", List.of(), List.of("MICRO", "SMALL"),
                List.of(), List.of(), "2025-03-01", null, List.of(
                new Clause("小微企业", "Micro or small enterprise", "e.sizeClass in ['MICRO', 'SMALL']"),
                new Clause("年营业收入不低于500万元", "Annual revenue at least 5 M yuan", "e.annualRevenue >= 5000000"),
                new Clause("经认定的重点产业链企业", "Verified key-chain enterprise", "size(e.verifiedKeyChains) > 0"))));
        products.create(bank2, new ProductDraft("HX-YSZK-01", "应收账款融资（草稿）", "Receivables Financing (draft)",
                "RECEIVABLES_FINANCING", new BigDecimal("100000"), new BigDecimal("5000000"), 1, 12, "LPR_SPREAD", 50, 150, null, "PLEDGE", List.of(),
                List.of(), List.of(), List.of(), null, null, List.of(
                new Clause("应收账款已确权", "Receivables confirmed", "e.employees >= 0"))));
        // the national bank's re-lending products: what the pushed lists' technology SMEs and transformation
        // projects ask for, in the provinces it has branches in
        publish(products, bank3, new ProductDraft("QY-KCZD-01", "科创再贷款专项贷", "Tech Innovation Re-lending Loan",
                "TECH_INNOVATION_LOAN", new BigDecimal("1000000"), new BigDecimal("50000000"), 6, 60, "LPR_SPREAD", -20, 60, null,
                "CREDIT", List.of(), List.of("SMALL", "MEDIUM"), List.of("STARTUP", "GROWTH"), List.of("350000", "440000"),
                "2024-06-01", null, List.of(
                new Clause("中小企业", "Small or medium enterprise", "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']"),
                new Clause("经认定的科技型中小企业、高新技术企业或专精特新企业",
                        "Verified technology-based SME, high-tech enterprise or specialised SME",
                        "e.verifiedQualifications.exists(q, q in ['TECH_SME', 'HIGH_TECH', 'SPECIALISED_SME', 'LITTLE_GIANT'])"))));
        publish(products, bank3, new ProductDraft("QY-JGSB-01", "技改和设备更新贷", "Transformation and Equipment Renewal Loan",
                "FIXED_ASSET_LOAN", new BigDecimal("2000000"), new BigDecimal("300000000"), 12, 120, "LPR_SPREAD", -20, 60, null,
                "COLLATERAL", List.of(), List.of(), List.of(), List.of("350000", "440000"), "2024-06-01", null, List.of(
                new Clause("制造业企业", "Manufacturer", "e.industryCode.startsWith('C')"),
                new Clause("成立满3年", "At least 3 years in business", "e.ageYears >= 3"))));
    }

    private static Product publish(Products products, Caller operator, ProductDraft draft) {
        Product p = products.create(operator, draft);
        return products.publish(operator, p.id());
    }
}
