package cn.chanrong.enterprise.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The size thresholds of 工信部联企业〔2011〕300号 by sector. An enterprise is large when it reaches
 * both large thresholds, medium when it reaches both medium ones, small when it reaches both small
 * ones, and micro otherwise; a threshold of zero is not part of that sector's test.
 * <p>
 * Sectors whose official test uses total assets (construction, real-estate development, leasing
 * and business services) are classified here by the measure the registry holds — revenue or
 * employees — with the official revenue or employee thresholds; this is documented in ARCHITECTURE.md.
 */
public record SizeStandard(String sector, List<String> industryPrefixes, int largeEmployees, long largeRevenueYuan,
                           int mediumEmployees, long mediumRevenueYuan, int smallEmployees, long smallRevenueYuan) {

    private static final long WAN = 10_000L;

    /** Matching order matters: the first row whose prefix matches the industry code wins. */
    public static final List<SizeStandard> TABLE = List.of(
            new SizeStandard("SOFTWARE_IT_SERVICES", List.of("I65"), 300, 10_000 * WAN, 100, 1_000 * WAN, 10, 50 * WAN),
            new SizeStandard("TELECOM_INTERNET", List.of("I63", "I64"), 2_000, 100_000 * WAN, 100, 1_000 * WAN, 10, 100 * WAN),
            new SizeStandard("INDUSTRY", List.of("B", "C", "D"), 1_000, 40_000 * WAN, 300, 2_000 * WAN, 20, 300 * WAN),
            new SizeStandard("AGRICULTURE", List.of("A"), 0, 20_000 * WAN, 0, 500 * WAN, 0, 50 * WAN),
            new SizeStandard("CONSTRUCTION", List.of("E"), 0, 80_000 * WAN, 0, 6_000 * WAN, 0, 300 * WAN),
            new SizeStandard("WHOLESALE", List.of("F51"), 200, 40_000 * WAN, 20, 5_000 * WAN, 5, 1_000 * WAN),
            new SizeStandard("RETAIL", List.of("F52"), 300, 20_000 * WAN, 50, 500 * WAN, 10, 100 * WAN),
            new SizeStandard("WAREHOUSING", List.of("G59"), 200, 30_000 * WAN, 100, 1_000 * WAN, 20, 100 * WAN),
            new SizeStandard("POSTAL", List.of("G60"), 1_000, 30_000 * WAN, 300, 2_000 * WAN, 20, 100 * WAN),
            new SizeStandard("TRANSPORT", List.of("G"), 1_000, 30_000 * WAN, 300, 3_000 * WAN, 20, 200 * WAN),
            new SizeStandard("ACCOMMODATION_CATERING", List.of("H"), 300, 10_000 * WAN, 100, 2_000 * WAN, 10, 100 * WAN),
            new SizeStandard("REAL_ESTATE_DEVELOPMENT", List.of("K701"), 0, 200_000 * WAN, 0, 1_000 * WAN, 0, 100 * WAN),
            new SizeStandard("PROPERTY_MANAGEMENT", List.of("K702"), 1_000, 5_000 * WAN, 300, 1_000 * WAN, 100, 500 * WAN),
            new SizeStandard("LEASING_BUSINESS_SERVICES", List.of("L"), 300, 0, 100, 0, 10, 0),
            new SizeStandard("OTHER", List.of(""), 300, 0, 100, 0, 10, 0));

    public static SizeStandard forIndustry(String industryCode) {
        return TABLE.stream().filter(s -> s.industryPrefixes().stream().anyMatch(industryCode::startsWith))
                .findFirst().orElseThrow();
    }

    public SizeClass classify(int employees, BigDecimal revenueYuan) {
        if (reaches(employees, revenueYuan, largeEmployees, largeRevenueYuan)) {
            return SizeClass.LARGE;
        }
        if (reaches(employees, revenueYuan, mediumEmployees, mediumRevenueYuan)) {
            return SizeClass.MEDIUM;
        }
        if (reaches(employees, revenueYuan, smallEmployees, smallRevenueYuan)) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }

    private static boolean reaches(int employees, BigDecimal revenue, int minEmployees, long minRevenue) {
        return employees >= minEmployees && revenue.compareTo(BigDecimal.valueOf(minRevenue)) >= 0;
    }
}
