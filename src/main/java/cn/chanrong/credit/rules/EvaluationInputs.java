package cn.chanrong.credit.rules;

import java.math.BigDecimal;

/**
 * What the rule evaluations need to know about one enterprise. Every component may be null: a rule whose input
 * is null scores 0 for that indicator (or leaves the condition unjudged) and lists it as missing, so partial
 * data still gives a partial, honest evaluation. Money is in yuan; shares are in percent (10 means 10 %).
 * "Latest year" is the latest completed financial year.
 *
 * @param revenue operating revenue of the latest completed year, yuan
 * @param revenueLastYear operating revenue of the year before, yuan
 * @param revenueTwoYearsAgo operating revenue two years before the latest, yuan
 * @param mainBusinessRevenue main-business revenue of the latest year, yuan
 * @param rdExpense R&amp;D expense of the latest year, yuan
 * @param rdExpenseLastYear R&amp;D expense of the year before, yuan (with rdExpense gives the 2-year sum)
 * @param rdStaff R&amp;D staff headcount
 * @param employees total headcount
 * @param netProfit net profit of the latest year, yuan (may be negative)
 * @param totalAssets total assets at the latest year end, yuan
 * @param totalLiabilities total liabilities at the latest year end, yuan
 * @param ipClass1 count of valid class I IP (invention patents and the like) on main products
 * @param ipClass2 count of valid class II IP (utility models, designs, software copyrights...)
 * @param highValueIp whether some class I IP is high-value
 * @param selfDevelopedIp whether some class I IP was developed in-house
 * @param yearsInNiche full years in the niche market
 * @param inStrategicEmergingIndustry whether the main product is in a strategic emerging / key industrial field
 * @param nicheMarketShare share of the niche market, percent
 * @param equityRaisedLast2Years new equity financing in the last 2 years, yuan
 * @param equityRaisedLast3Years new equity financing in the last 3 years, yuan
 * @param scienceAward3Years whether it won a qualifying S&amp;T award in the last 3 years
 * @param highTechEnterprise whether it holds high-tech enterprise status
 * @param provincialRdInstitution whether it has a provincial-or-higher R&amp;D institution
 * @param rdInstitutionLevel level of its R&amp;D institution
 * @param digitalisationLevel digitalisation level 1–4 (SME digital-transformation assessment)
 * @param qualityCertifications count of quality-management certifications / awards
 * @param distinctivenessScore distinctiveness points 0–15, set by the province
 * @param growthStage development stage, selects innovation-points weights
 */
public record EvaluationInputs(
        BigDecimal revenue,
        BigDecimal revenueLastYear,
        BigDecimal revenueTwoYearsAgo,
        BigDecimal mainBusinessRevenue,
        BigDecimal rdExpense,
        BigDecimal rdExpenseLastYear,
        Integer rdStaff,
        Integer employees,
        BigDecimal netProfit,
        BigDecimal totalAssets,
        BigDecimal totalLiabilities,
        Integer ipClass1,
        Integer ipClass2,
        Boolean highValueIp,
        Boolean selfDevelopedIp,
        Integer yearsInNiche,
        Boolean inStrategicEmergingIndustry,
        BigDecimal nicheMarketShare,
        BigDecimal equityRaisedLast2Years,
        BigDecimal equityRaisedLast3Years,
        Boolean scienceAward3Years,
        Boolean highTechEnterprise,
        Boolean provincialRdInstitution,
        RdInstitutionLevel rdInstitutionLevel,
        Integer digitalisationLevel,
        Integer qualityCertifications,
        Integer distinctivenessScore,
        GrowthStage growthStage) {

    public EvaluationInputs {
        nonNegative(revenue, "revenue");
        nonNegative(revenueLastYear, "revenueLastYear");
        nonNegative(revenueTwoYearsAgo, "revenueTwoYearsAgo");
        nonNegative(mainBusinessRevenue, "mainBusinessRevenue");
        nonNegative(rdExpense, "rdExpense");
        nonNegative(rdExpenseLastYear, "rdExpenseLastYear");
        nonNegative(totalAssets, "totalAssets");
        nonNegative(totalLiabilities, "totalLiabilities");
        nonNegative(equityRaisedLast2Years, "equityRaisedLast2Years");
        nonNegative(equityRaisedLast3Years, "equityRaisedLast3Years");
        range(rdStaff, 0, Integer.MAX_VALUE, "rdStaff");
        range(employees, 0, Integer.MAX_VALUE, "employees");
        range(ipClass1, 0, Integer.MAX_VALUE, "ipClass1");
        range(ipClass2, 0, Integer.MAX_VALUE, "ipClass2");
        range(yearsInNiche, 0, Integer.MAX_VALUE, "yearsInNiche");
        range(qualityCertifications, 0, Integer.MAX_VALUE, "qualityCertifications");
        range(digitalisationLevel, 1, 4, "digitalisationLevel");
        range(distinctivenessScore, 0, 15, "distinctivenessScore");
        if (nicheMarketShare != null
                && (nicheMarketShare.signum() < 0 || nicheMarketShare.compareTo(Measures.HUNDRED) > 0)) {
            throw new IllegalArgumentException("nicheMarketShare is a percentage 0..100: " + nicheMarketShare);
        }
        // Parts cannot exceed their whole; such data is a unit or typing error, better refused than scored.
        notAbove(mainBusinessRevenue, revenue, "mainBusinessRevenue", "revenue");
        notAbove(equityRaisedLast2Years, equityRaisedLast3Years, "equityRaisedLast2Years", "equityRaisedLast3Years");
        if (rdStaff != null && employees != null && rdStaff > employees) {
            throw new IllegalArgumentException("rdStaff must not exceed employees");
        }
    }

    /** A builder with every input unset (missing). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these inputs, to vary one or two. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.revenue = revenue;
        b.revenueLastYear = revenueLastYear;
        b.revenueTwoYearsAgo = revenueTwoYearsAgo;
        b.mainBusinessRevenue = mainBusinessRevenue;
        b.rdExpense = rdExpense;
        b.rdExpenseLastYear = rdExpenseLastYear;
        b.rdStaff = rdStaff;
        b.employees = employees;
        b.netProfit = netProfit;
        b.totalAssets = totalAssets;
        b.totalLiabilities = totalLiabilities;
        b.ipClass1 = ipClass1;
        b.ipClass2 = ipClass2;
        b.highValueIp = highValueIp;
        b.selfDevelopedIp = selfDevelopedIp;
        b.yearsInNiche = yearsInNiche;
        b.inStrategicEmergingIndustry = inStrategicEmergingIndustry;
        b.nicheMarketShare = nicheMarketShare;
        b.equityRaisedLast2Years = equityRaisedLast2Years;
        b.equityRaisedLast3Years = equityRaisedLast3Years;
        b.scienceAward3Years = scienceAward3Years;
        b.highTechEnterprise = highTechEnterprise;
        b.provincialRdInstitution = provincialRdInstitution;
        b.rdInstitutionLevel = rdInstitutionLevel;
        b.digitalisationLevel = digitalisationLevel;
        b.qualityCertifications = qualityCertifications;
        b.distinctivenessScore = distinctivenessScore;
        b.growthStage = growthStage;
        return b;
    }

    private static void nonNegative(BigDecimal v, String name) {
        if (v != null && v.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }

    private static void range(Integer v, int min, int max, String name) {
        if (v != null && (v < min || v > max)) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + v);
        }
    }

    private static void notAbove(BigDecimal part, BigDecimal whole, String partName, String wholeName) {
        if (part != null && whole != null && part.compareTo(whole) > 0) {
            throw new IllegalArgumentException(partName + " must not exceed " + wholeName);
        }
    }

    /** Fluent builder; unset inputs stay null (missing). */
    public static final class Builder {
        private BigDecimal revenue;
        private BigDecimal revenueLastYear;
        private BigDecimal revenueTwoYearsAgo;
        private BigDecimal mainBusinessRevenue;
        private BigDecimal rdExpense;
        private BigDecimal rdExpenseLastYear;
        private Integer rdStaff;
        private Integer employees;
        private BigDecimal netProfit;
        private BigDecimal totalAssets;
        private BigDecimal totalLiabilities;
        private Integer ipClass1;
        private Integer ipClass2;
        private Boolean highValueIp;
        private Boolean selfDevelopedIp;
        private Integer yearsInNiche;
        private Boolean inStrategicEmergingIndustry;
        private BigDecimal nicheMarketShare;
        private BigDecimal equityRaisedLast2Years;
        private BigDecimal equityRaisedLast3Years;
        private Boolean scienceAward3Years;
        private Boolean highTechEnterprise;
        private Boolean provincialRdInstitution;
        private RdInstitutionLevel rdInstitutionLevel;
        private Integer digitalisationLevel;
        private Integer qualityCertifications;
        private Integer distinctivenessScore;
        private GrowthStage growthStage;

        private Builder() {
        }

        public Builder revenue(BigDecimal v) { revenue = v; return this; }
        public Builder revenueLastYear(BigDecimal v) { revenueLastYear = v; return this; }
        public Builder revenueTwoYearsAgo(BigDecimal v) { revenueTwoYearsAgo = v; return this; }
        public Builder mainBusinessRevenue(BigDecimal v) { mainBusinessRevenue = v; return this; }
        public Builder rdExpense(BigDecimal v) { rdExpense = v; return this; }
        public Builder rdExpenseLastYear(BigDecimal v) { rdExpenseLastYear = v; return this; }
        public Builder rdStaff(Integer v) { rdStaff = v; return this; }
        public Builder employees(Integer v) { employees = v; return this; }
        public Builder netProfit(BigDecimal v) { netProfit = v; return this; }
        public Builder totalAssets(BigDecimal v) { totalAssets = v; return this; }
        public Builder totalLiabilities(BigDecimal v) { totalLiabilities = v; return this; }
        public Builder ipClass1(Integer v) { ipClass1 = v; return this; }
        public Builder ipClass2(Integer v) { ipClass2 = v; return this; }
        public Builder highValueIp(Boolean v) { highValueIp = v; return this; }
        public Builder selfDevelopedIp(Boolean v) { selfDevelopedIp = v; return this; }
        public Builder yearsInNiche(Integer v) { yearsInNiche = v; return this; }
        public Builder inStrategicEmergingIndustry(Boolean v) { inStrategicEmergingIndustry = v; return this; }
        public Builder nicheMarketShare(BigDecimal v) { nicheMarketShare = v; return this; }
        public Builder equityRaisedLast2Years(BigDecimal v) { equityRaisedLast2Years = v; return this; }
        public Builder equityRaisedLast3Years(BigDecimal v) { equityRaisedLast3Years = v; return this; }
        public Builder scienceAward3Years(Boolean v) { scienceAward3Years = v; return this; }
        public Builder highTechEnterprise(Boolean v) { highTechEnterprise = v; return this; }
        public Builder provincialRdInstitution(Boolean v) { provincialRdInstitution = v; return this; }
        public Builder rdInstitutionLevel(RdInstitutionLevel v) { rdInstitutionLevel = v; return this; }
        public Builder digitalisationLevel(Integer v) { digitalisationLevel = v; return this; }
        public Builder qualityCertifications(Integer v) { qualityCertifications = v; return this; }
        public Builder distinctivenessScore(Integer v) { distinctivenessScore = v; return this; }
        public Builder growthStage(GrowthStage v) { growthStage = v; return this; }

        /** Builds and validates the inputs. */
        public EvaluationInputs build() {
            return new EvaluationInputs(revenue, revenueLastYear, revenueTwoYearsAgo, mainBusinessRevenue,
                    rdExpense, rdExpenseLastYear, rdStaff, employees, netProfit, totalAssets, totalLiabilities,
                    ipClass1, ipClass2, highValueIp, selfDevelopedIp, yearsInNiche, inStrategicEmergingIndustry,
                    nicheMarketShare, equityRaisedLast2Years, equityRaisedLast3Years, scienceAward3Years,
                    highTechEnterprise, provincialRdInstitution, rdInstitutionLevel, digitalisationLevel,
                    qualityCertifications, distinctivenessScore, growthStage);
        }
    }
}
