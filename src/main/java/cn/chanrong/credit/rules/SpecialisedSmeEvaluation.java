package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 专精特新 SME (MIIT 2022): four basic conditions and a 100-point score over 4 groups / 13 indicators —
 * specialisation 25, refinement 25, distinctiveness 15 (set by the province), innovation 35. The data suggest
 * the tier when every basic condition is met and the score is ≥ 60; only MIIT-type regulators confirm it.
 *
 * <p>Basic conditions: ≥ 2 years in the niche; latest-year R&amp;D ≥ 1 M yuan and ≥ 3 % of revenue; revenue
 * ≥ 10 M yuan or ≥ 20 M yuan equity raised in 2 years. Bands the domain facts list in full are code here;
 * the rest come from a {@link BandTable} (default {@value BandTable#DEFAULT_RESOURCE}) as documented,
 * configurable defaults. Measures: 2-year growth is the compound annual growth of revenue over two years;
 * R&amp;D investment is the better of the 2-year R&amp;D sum (million yuan) and 2-year R&amp;D over 2-year
 * revenue; net margin and debt ratio are of the latest year; the product field earns 5 when in a strategic or
 * key field and 3 otherwise, as the facts' "5/3" reads.
 */
public final class SpecialisedSmeEvaluation {

    /** The scheme key in {@link Evaluation#scheme()}. */
    public static final String SCHEME = "specialised_sme";
    static final String SPECIALISATION = "specialisation";
    static final String REFINEMENT = "refinement";
    static final String DISTINCTIVENESS = "distinctiveness";
    static final String INNOVATION = "innovation";

    static final List<Band> MAIN_SHARE = List.of(Band.of("80", null, 5), Band.of("70", "80", 3),
            Band.of("60", "70", 1), Band.of(null, "60", 0));
    static final List<Band> DEBT_RATIO = List.of(Band.of(null, "50", 5), Band.of("50", "60", 3),
            Band.of("60", "70", 1), Band.of("70", null, 0));

    /** Maximum points of the indicators scored from the band table; the table may not exceed them. */
    static final Map<String, Integer> TABLE_MAX = Map.of("main_revenue_cagr", 10, "digitalisation", 5,
            "quality_management", 5, "net_margin", 10, "ip", 10, "rd_amount", 10, "rd_ratio", 10,
            "rd_staff_share", 5, "rd_institution", 10);

    private static final BigDecimal ONE_MILLION = new BigDecimal("1000000");
    private static final BigDecimal TEN_MILLION = new BigDecimal("10000000");
    private static final BigDecimal TWENTY_MILLION = new BigDecimal("20000000");

    private SpecialisedSmeEvaluation() {
    }

    /** Evaluates with the default band table. */
    public static Evaluation evaluate(EvaluationInputs in) {
        return evaluate(in, BandTable.defaults());
    }

    /** Evaluates with the given band table; fails if the table lacks an indicator or exceeds a maximum. */
    public static Evaluation evaluate(EvaluationInputs in, BandTable table) {
        TABLE_MAX.forEach((key, max) -> {
            if (table.maxPoints(key) > max) {
                throw new IllegalArgumentException("bands of " + key + " exceed its maximum " + max);
            }
        });
        List<IndicatorScore> scores = List.of(
                Measures.score(SPECIALISATION, "main_business_share", 5,
                        Measures.percent(in.mainBusinessRevenue(), in.revenue()), MAIN_SHARE, "%"),
                fromTable(table, SPECIALISATION, "main_revenue_cagr",
                        Measures.cagr2(in.revenue(), in.revenueTwoYearsAgo()), "%"),
                yearsInNiche(in),
                productField(in),
                discrete(table, REFINEMENT, "digitalisation", in.digitalisationLevel(),
                        "level " + in.digitalisationLevel()),
                fromTable(table, REFINEMENT, "quality_management", decimal(in.qualityCertifications()),
                        " certifications"),
                fromTable(table, REFINEMENT, "net_margin", Measures.percent(in.netProfit(), in.revenue()), "%"),
                Measures.score(REFINEMENT, "debt_ratio", 5,
                        Measures.percent(in.totalLiabilities(), in.totalAssets()), DEBT_RATIO, "%"),
                distinctiveness(in),
                ip(table, in),
                rdInvestment(table, in),
                fromTable(table, INNOVATION, "rd_staff_share", Measures.percent(in.rdStaff(), in.employees()), "%"),
                rdInstitution(table, in));

        Conditions c = new Conditions();
        scores.stream().filter(IndicatorScore::missing).forEach(s -> c.missing(s.indicator()));
        BigDecimal rdRatio = Measures.percent(in.rdExpense(), in.revenue());
        Boolean basic = Conditions.all(Arrays.asList(
                c.record("years_in_niche_at_least_2", in.yearsInNiche() == null ? null : in.yearsInNiche() >= 2),
                c.record("rd_expense_at_least_1m", in.rdExpense() == null ? null
                        : in.rdExpense().compareTo(ONE_MILLION) >= 0),
                c.record("rd_ratio_at_least_3", rdRatio == null ? null : Measures.atLeast(rdRatio, "3")),
                c.record("revenue_10m_or_equity_20m", Conditions.any(Arrays.asList(
                        in.revenue() == null ? null : in.revenue().compareTo(TEN_MILLION) >= 0,
                        in.equityRaisedLast2Years() == null ? null
                                : in.equityRaisedLast2Years().compareTo(TWENTY_MILLION) >= 0)))));
        Boolean score = c.record("score_at_least_60", Conditions.reaches(scores, null, 60));

        int total = scores.stream().mapToInt(IndicatorScore::points).sum();
        return new Evaluation(SCHEME, total, 100, scores, c.met(), c.failed(), c.missingKeys(),
                Boolean.TRUE.equals(basic) && Boolean.TRUE.equals(score));
    }

    private static IndicatorScore fromTable(BandTable t, String group, String key, BigDecimal value, String unit) {
        return Measures.score(group, key, TABLE_MAX.get(key), value, t.bands(key), unit);
    }

    /** A level-like indicator, shown by its value rather than by a numeric range. */
    private static IndicatorScore discrete(BandTable t, String group, String key, Integer value, String shown) {
        IndicatorScore s = fromTable(t, group, key, decimal(value), "");
        return s.missing() ? s : new IndicatorScore(group, key, s.points(), s.max(), shown, false);
    }

    private static IndicatorScore yearsInNiche(EvaluationInputs in) {
        if (in.yearsInNiche() == null) {
            return IndicatorScore.missing(SPECIALISATION, "years_in_niche", 5);
        }
        // One point for each full two years, capped at five.
        int points = Math.min(in.yearsInNiche() / 2, 5);
        return new IndicatorScore(SPECIALISATION, "years_in_niche", points, 5, in.yearsInNiche() + " years", false);
    }

    private static IndicatorScore productField(EvaluationInputs in) {
        Boolean key = in.inStrategicEmergingIndustry();
        if (key == null) {
            return IndicatorScore.missing(SPECIALISATION, "product_field", 5);
        }
        return new IndicatorScore(SPECIALISATION, "product_field", key ? 5 : 3, 5, key ? "key field" : "other",
                false);
    }

    private static IndicatorScore distinctiveness(EvaluationInputs in) {
        Integer points = in.distinctivenessScore();
        return points == null ? IndicatorScore.missing(DISTINCTIVENESS, "distinctiveness", 15)
                : new IndicatorScore(DISTINCTIVENESS, "distinctiveness", points, 15, "set by province", false);
    }

    private static IndicatorScore ip(BandTable t, EvaluationInputs in) {
        IpTier tier = IpTier.of(in);
        return discrete(t, INNOVATION, "ip", tier == null ? null : tier.level(), tier == null ? "" : tier.label());
    }

    private static IndicatorScore rdInstitution(BandTable t, EvaluationInputs in) {
        RdInstitutionLevel level = RdInstitutionLevel.effective(in);
        return discrete(t, INNOVATION, "rd_institution", level == null ? null : level.rank(),
                level == null ? "" : level.name().toLowerCase(Locale.ROOT));
    }

    /** The better of the 2-year amount and the 2-year ratio; the ratio alone cannot exist without the amount. */
    private static IndicatorScore rdInvestment(BandTable t, EvaluationInputs in) {
        BigDecimal sum2y = Measures.sum(in.rdExpense(), in.rdExpenseLastYear());
        if (sum2y == null) {
            return IndicatorScore.missing(INNOVATION, "rd_investment", 10);
        }
        IndicatorScore byAmount = fromTable(t, INNOVATION, "rd_amount", Measures.millions(sum2y), " M yuan");
        BigDecimal ratio = Measures.percent(sum2y, Measures.sum(in.revenue(), in.revenueLastYear()));
        IndicatorScore best = byAmount;
        if (ratio != null) {
            IndicatorScore byRatio = fromTable(t, INNOVATION, "rd_ratio", ratio, "%");
            best = byRatio.points() > byAmount.points() ? byRatio : byAmount;
        }
        return new IndicatorScore(INNOVATION, "rd_investment", best.points(), 10, best.band(), false);
    }

    private static BigDecimal decimal(Integer v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }
}
