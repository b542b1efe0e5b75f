package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Innovative SME (创新型中小企业, MIIT 2022): six indicators worth 100 points in three groups. The data suggest
 * the tier by the points route (total ≥ 60 with innovation ≥ 20, growth ≥ 15 and specialisation ≥ 15) or by
 * the direct route (any of: S&amp;T award in 3 years, high-tech enterprise status, provincial-or-national R&amp;D
 * institution, ≥ 5 M yuan new equity in 3 years). Each route is reported as {@code route_points} /
 * {@code route_direct}: met, failed, or missing when absent data could still change it (a threshold is failed
 * only if full points on every missing indicator would not reach it). Only MIIT-type regulators confirm the tier.
 *
 * <p>Bands and thresholds are those of the domain facts, so they are code. Measures: R&amp;D ratio and main-
 * business share are of the latest year; revenue growth is the latest year over the year before (total
 * revenue stands in for main-business revenue, which is only known for the latest year); debt ratio is
 * liabilities over assets. The debt ratio's "55–75 %" band includes 75 % because the next band reads "&gt; 75 %".
 */
public final class InnovativeSmeScore {

    /** The scheme key in {@link Evaluation#scheme()}. */
    public static final String SCHEME = "innovative_sme";
    static final String INNOVATION = "innovation";
    static final String GROWTH = "growth";
    static final String SPECIALISATION = "specialisation";

    static final List<Band> RD_RATIO = List.of(Band.of("5", null, 20), Band.of("3", "5", 15),
            Band.of("2", "3", 10), Band.of("1", "2", 5), Band.of(null, "1", 0));
    static final List<Band> REVENUE_GROWTH = List.of(Band.of("15", null, 20), Band.of("10", "15", 15),
            Band.of("5", "10", 10), Band.of("0", "5", 5), Band.of(null, "0", 0));
    static final List<Band> DEBT_RATIO = List.of(
            new Band(null, false, new BigDecimal("55"), false, 10),
            new Band(new BigDecimal("55"), true, new BigDecimal("75"), true, 5),
            new Band(new BigDecimal("75"), false, null, false, 0));
    static final List<Band> MAIN_SHARE = List.of(Band.of("70", null, 20), Band.of("60", "70", 15),
            Band.of("55", "60", 10), Band.of("50", "55", 5), Band.of(null, "50", 0));

    private static final BigDecimal DIRECT_EQUITY = new BigDecimal("5000000");

    private InnovativeSmeScore() {
    }

    /** Scores the enterprise and judges both routes. */
    public static Evaluation evaluate(EvaluationInputs in) {
        List<IndicatorScore> scores = List.of(
                ip(in),
                Measures.score(INNOVATION, "rd_ratio", 20, Measures.percent(in.rdExpense(), in.revenue()),
                        RD_RATIO, "%"),
                Measures.score(GROWTH, "main_revenue_growth", 20,
                        Measures.growth(in.revenue(), in.revenueLastYear()), REVENUE_GROWTH, "%"),
                Measures.score(GROWTH, "debt_ratio", 10,
                        Measures.percent(in.totalLiabilities(), in.totalAssets()), DEBT_RATIO, "%"),
                strategicIndustry(in),
                Measures.score(SPECIALISATION, "main_business_share", 20,
                        Measures.percent(in.mainBusinessRevenue(), in.revenue()), MAIN_SHARE, "%"));

        Conditions c = new Conditions();
        scores.stream().filter(IndicatorScore::missing).forEach(s -> c.missing(s.indicator()));
        int total = scores.stream().mapToInt(IndicatorScore::points).sum();
        Boolean byPoints = Conditions.all(Arrays.asList(
                c.record("total_at_least_60", Conditions.reaches(scores, null, 60)),
                c.record("innovation_at_least_20", Conditions.reaches(scores, INNOVATION, 20)),
                c.record("growth_at_least_15", Conditions.reaches(scores, GROWTH, 15)),
                c.record("specialisation_at_least_15", Conditions.reaches(scores, SPECIALISATION, 15))));

        // Direct-route criteria are alternatives: an unmet one is no failure, an unknown one is missing data.
        RdInstitutionLevel level = RdInstitutionLevel.effective(in);
        Boolean byDirect = Conditions.any(Arrays.asList(
                c.alternative("direct_science_award", in.scienceAward3Years()),
                c.alternative("direct_high_tech", in.highTechEnterprise()),
                c.alternative("direct_provincial_rd_institution", level == null ? null : level.atLeastProvincial()),
                c.alternative("direct_equity_5m", in.equityRaisedLast3Years() == null ? null
                        : in.equityRaisedLast3Years().compareTo(DIRECT_EQUITY) >= 0)));

        c.record("route_points", byPoints);
        c.record("route_direct", byDirect);
        return new Evaluation(SCHEME, total, 100, scores, c.met(), c.failed(), c.missingKeys(),
                Boolean.TRUE.equals(byPoints) || Boolean.TRUE.equals(byDirect));
    }

    private static IndicatorScore ip(EvaluationInputs in) {
        IpTier tier = IpTier.of(in);
        if (tier == null) {
            return IndicatorScore.missing(INNOVATION, "main_product_ip", 20);
        }
        int points = switch (tier) {
            case HIGH_VALUE_CLASS_1 -> 20;
            case SELF_DEVELOPED_CLASS_1 -> 15;
            case CLASS_1 -> 10;
            case CLASS_2 -> 5;
            case NONE -> 0;
        };
        return new IndicatorScore(INNOVATION, "main_product_ip", points, 20, tier.label(), false);
    }

    private static IndicatorScore strategicIndustry(EvaluationInputs in) {
        Boolean yes = in.inStrategicEmergingIndustry();
        if (yes == null) {
            return IndicatorScore.missing(SPECIALISATION, "strategic_emerging_industry", 10);
        }
        return new IndicatorScore(SPECIALISATION, "strategic_emerging_industry", yes ? 10 : 5, 10,
                yes ? "yes" : "other", false);
    }
}
