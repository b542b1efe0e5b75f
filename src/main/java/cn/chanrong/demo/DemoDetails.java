package cn.chanrong.demo;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.StatusLists;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Chain tags, qualifications, statements and supply links of the small demo world. */
final class DemoDetails {

    private DemoDetails() {
    }

    static void load(Caller demo, EnterpriseDetails details, Enterprise sme, Enterprise core, Map<String, Enterprise> others) {
        details.setChainTags(demo, sme.id(), List.of("MACHINE_TOOLS", "HIGH_END_EQUIPMENT"));
        details.setChainTags(demo, core.id(), List.of("HIGH_END_EQUIPMENT"));
        tag(demo, details, others, "f01", "IC", "NEW_GEN_IT");
        tag(demo, details, others, "f02", "MEDICAL_EQUIPMENT", "BIOMEDICINE");
        tag(demo, details, others, "f05", "INSTRUMENTS");
        tag(demo, details, others, "f06", "ADVANCED_MATERIALS", "NEW_MATERIALS");
        tag(demo, details, others, "f07", "INDUSTRIAL_SOFTWARE", "SOFTWARE");
        tag(demo, details, others, "f08", "IC", "HIGH_END_EQUIPMENT");
        tag(demo, details, others, "f09", "IC");
        tag(demo, details, others, "f10", "MEDICAL_EQUIPMENT");
        tag(demo, details, others, "f12", "SERVERS", "NEW_GEN_IT");
        tag(demo, details, others, "f13", "INSTRUMENTS");
        tag(demo, details, others, "f14", "BASIC_SOFTWARE", "SOFTWARE");
        tag(demo, details, others, "f17", "ADVANCED_MATERIALS");
        tag(demo, details, others, "f20", "IC");
        tag(demo, details, others, "f22", "MACHINE_TOOLS");
        tag(demo, details, others, "f25", "MACHINE_TOOLS", "INDUSTRIAL_SOFTWARE");
        tag(demo, details, others, "f28", "INDUSTRIAL_SOFTWARE");
        tag(demo, details, others, "f29", "MEDICAL_EQUIPMENT");

        details.addQualification(demo, sme.id(), "HIGH_TECH", "福建省科学技术厅", "GR202335000123",
                LocalDate.of(2023, 12, 1), LocalDate.of(2026, 12, 1));
        details.addQualification(demo, sme.id(), "SPECIALISED_SME", "福建省工业和信息化厅", null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        details.addQualification(demo, core.id(), "CHAIN_LEADER", "福建省工业和信息化厅", null,
                LocalDate.of(2023, 6, 1), null);
        qualify(demo, details, others, "f01", "LITTLE_GIANT", "工业和信息化部", LocalDate.of(2024, 7, 1));
        qualify(demo, details, others, "f05", "SPECIALISED_SME", "广东省工业和信息化厅", LocalDate.of(2023, 2, 1));
        qualify(demo, details, others, "f12", "SINGLE_CHAMPION", "工业和信息化部", LocalDate.of(2022, 11, 1));
        qualify(demo, details, others, "f20", "TECH_SME", "四川省科学技术厅", LocalDate.of(2025, 4, 1));

        // Five years of the SME's figures, growing about 14 % a year into 2025's 86.5 M revenue.
        BigDecimal revenue = sme.annualRevenue();
        for (int year = 2025; year >= 2021; year--) {
            BigDecimal assets = revenue.multiply(new BigDecimal("1.35")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal liabilities = assets.multiply(new BigDecimal("0.52")).setScale(2, RoundingMode.HALF_UP);
            details.saveStatement(demo, sme.id(), new StatementRules.Input(year, revenue,
                    revenue.multiply(new BigDecimal("0.93")).setScale(2, RoundingMode.HALF_UP),
                    revenue.multiply(new BigDecimal("0.061")).setScale(2, RoundingMode.HALF_UP),
                    38 - (2025 - year) * 3,
                    revenue.multiply(new BigDecimal("0.082")).setScale(2, RoundingMode.HALF_UP),
                    assets, liabilities, assets.subtract(liabilities),
                    12 - (2025 - year) * 2, 20, year >= 2024));
            revenue = revenue.divide(new BigDecimal("1.14"), 2, RoundingMode.HALF_UP);
        }

        details.declareSupplyLink(demo, sme.id(), core.creditCode(), SupplyLink.Role.CUSTOMER, new BigDecimal("23800000.00"));
        link(demo, details, others.get("f15"), sme, new BigDecimal("4200000.00"));
        link(demo, details, others.get("f32"), sme, new BigDecimal("1350000.00"));
        link(demo, details, others.get("f19"), core, new BigDecimal("61000000.00"));
        link(demo, details, others.get("f11"), core, new BigDecimal("37500000.00"));
    }

    /**
     * The issuing authorities' lists as an industry regulator imports them: the SME's 专精特新 and
     * high-tech status and a little giant are verified, the core enterprise and three key-chain firms
     * are on the key-chain enterprise list (the core enterprise's only tag is an emerging industry, so
     * the list gives it no key chain), and f05's 专精特新 stays as the enterprise declared it — a
     * verified and a declared 专精特新 side by side.
     */
    static void verify(StatusLists lists, Caller regulator, Enterprise sme, Enterprise core, Map<String, Enterprise> others) {
        StringBuilder csv = new StringBuilder(StatusLists.COLUMNS).append('\n');
        row(csv, "专精特新", "福建省工业和信息化厅", "闽工信函企业〔2024〕56号", sme.creditCode(), "2024-03-01", "2027-03-01");
        row(csv, "高新技术企业", "福建省科学技术厅", "闽科高〔2023〕12号 GR202335000123", sme.creditCode(), "2023-12-01", "2026-12-01");
        row(csv, "链主", "福建省工业和信息化厅", "闽工信产业〔2023〕31号", core.creditCode(), "2023-06-01", "");
        row(csv, "小巨人", "工业和信息化部", "工信厅企业函〔2024〕160号", others.get("f01").creditCode(), "2024-07-01", "2027-07-01");
        for (String key : List.of("f08", "f22", "f25")) {
            row(csv, "链主", "工业和信息化部", "工信部产业链〔2024〕8号", others.get(key).creditCode(), "2024-01-01", "2027-01-01");
        }
        var report = lists.importList(regulator, csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "UTF-8");
        if (!report.accepted()) {
            throw new IllegalStateException("demo status list refused: " + report.errors());
        }
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(String.join(",", cells)).append('\n');
    }

    private static void tag(Caller demo, EnterpriseDetails details, Map<String, Enterprise> others, String key,
                            String... tags) {
        details.setChainTags(demo, others.get(key).id(), List.of(tags));
    }

    private static void qualify(Caller demo, EnterpriseDetails details, Map<String, Enterprise> others, String key,
                                String type, String issuer, LocalDate from) {
        details.addQualification(demo, others.get(key).id(), type, issuer, null, from, from.plusYears(3));
    }

    /** {@code supplier} supplies {@code customer}. */
    private static void link(Caller demo, EnterpriseDetails details, Enterprise supplier, Enterprise customer,
                             BigDecimal volume) {
        details.declareSupplyLink(demo, supplier.id(), customer.creditCode(), SupplyLink.Role.CUSTOMER, volume);
    }
}
