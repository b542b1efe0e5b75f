package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Specialised "little giant" (专精特新小巨人, MIIT 2022): conditions only, no points. The data suggest the tier
 * when every condition is met; only MIIT-type regulators confirm it.
 *
 * <p>Conditions: ≥ 3 years in the niche; main-business share ≥ 70 %; 2-year growth ≥ 5 %, where growth is the
 * <em>compound annual growth of revenue over the two years</em>, √(revenue ÷ revenue two years ago) − 1; debt
 * ratio ≤ 70 %; niche market share ≥ 10 %; and an R&amp;D ratio (2-year R&amp;D sum over 2-year revenue sum) of
 * ≥ 3 % when latest-year revenue is ≥ 100 M yuan or ≥ 6 % when it is 50–100 M yuan. Below 50 M yuan the
 * enterprise is not eligible, reported as the failed condition {@code revenue_at_least_50m}.
 */
public final class LittleGiantConditions {

    /** The scheme key in {@link Evaluation#scheme()}. */
    public static final String SCHEME = "little_giant";
    static final String RD_LARGE = "rd_ratio_at_least_3_revenue_100m_plus";
    static final String RD_MID = "rd_ratio_at_least_6_revenue_50m_to_100m";
    /** Recorded as missing when revenue is unknown, so neither tier can be chosen. */
    static final String RD_BY_TIER = "rd_ratio_by_revenue_tier";

    private static final BigDecimal FIFTY_MILLION = new BigDecimal("50000000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

    private LittleGiantConditions() {
    }

    /** Judges every condition; unknown ones are listed as missing and block the suggestion. */
    public static Evaluation evaluate(EvaluationInputs in) {
        Conditions c = new Conditions();
        List<Boolean> outcomes = new ArrayList<>(Arrays.asList(
                c.record("years_in_niche_at_least_3", in.yearsInNiche() == null ? null : in.yearsInNiche() >= 3),
                c.record("main_business_share_at_least_70",
                        atLeast(Measures.percent(in.mainBusinessRevenue(), in.revenue()), "70")),
                c.record("revenue_cagr_at_least_5",
                        atLeast(Measures.cagr2(in.revenue(), in.revenueTwoYearsAgo()), "5")),
                c.record("debt_ratio_at_most_70", atMost(Measures.percent(in.totalLiabilities(), in.totalAssets()),
                        "70")),
                c.record("niche_market_share_at_least_10", atLeast(in.nicheMarketShare(), "10"))));
        outcomes.add(rdByRevenueTier(in, c));
        Boolean all = Conditions.all(outcomes);
        return new Evaluation(SCHEME, 0, 0, List.of(), c.met(), c.failed(), c.missingKeys(),
                Boolean.TRUE.equals(all));
    }

    private static Boolean rdByRevenueTier(EvaluationInputs in, Conditions c) {
        BigDecimal revenue = in.revenue();
        if (revenue == null) {
            return c.record(RD_BY_TIER, null);
        }
        if (revenue.compareTo(FIFTY_MILLION) < 0) {
            return c.record("revenue_at_least_50m", false);
        }
        c.record("revenue_at_least_50m", true);
        BigDecimal ratio = Measures.percent(Measures.sum(in.rdExpense(), in.rdExpenseLastYear()),
                Measures.sum(revenue, in.revenueLastYear()));
        return revenue.compareTo(HUNDRED_MILLION) >= 0
                ? c.record(RD_LARGE, atLeast(ratio, "3"))
                : c.record(RD_MID, atLeast(ratio, "6"));
    }

    private static Boolean atLeast(BigDecimal value, String threshold) {
        return value == null ? null : Measures.atLeast(value, threshold);
    }

    private static Boolean atMost(BigDecimal value, String threshold) {
        return value == null ? null : value.compareTo(new BigDecimal(threshold)) <= 0;
    }
}
