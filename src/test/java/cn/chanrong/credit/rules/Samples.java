package cn.chanrong.credit.rules;

import java.math.BigDecimal;

/** Example enterprises shared by the rule tests; amounts in yuan. */
final class Samples {

    private Samples() {
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /**
     * A strong small manufacturer: innovative SME by points (95), 专精特新 by score (79), but too small for
     * little giant (30 M yuan revenue). No direct-route criterion holds.
     */
    static EvaluationInputs strong() {
        return EvaluationInputs.builder()
                .revenue(bd("30000000")).revenueLastYear(bd("25000000")).revenueTwoYearsAgo(bd("20000000"))
                .mainBusinessRevenue(bd("27000000"))
                .rdExpense(bd("1500000")).rdExpenseLastYear(bd("1200000"))
                .rdStaff(12).employees(60)
                .netProfit(bd("3000000")).totalAssets(bd("40000000")).totalLiabilities(bd("16000000"))
                .ipClass1(3).ipClass2(5).highValueIp(false).selfDevelopedIp(true)
                .yearsInNiche(6).inStrategicEmergingIndustry(true).nicheMarketShare(bd("12"))
                .equityRaisedLast2Years(bd("0")).equityRaisedLast3Years(bd("0"))
                .scienceAward3Years(false).highTechEnterprise(false).provincialRdInstitution(false)
                .rdInstitutionLevel(RdInstitutionLevel.MUNICIPAL)
                .digitalisationLevel(3).qualityCertifications(2).distinctivenessScore(10)
                .growthStage(GrowthStage.GROWTH)
                .build();
    }

    /** Inputs with only the named fields set: a blank slate for band-edge tables. */
    static EvaluationInputs.Builder blank() {
        return EvaluationInputs.builder();
    }
}
