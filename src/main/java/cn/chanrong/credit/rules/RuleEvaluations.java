package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every scheme of the package for one enterprise. The results only suggest qualifications
 * ({@link Evaluation#suggestsQualification()}); MIIT-type regulators confirm tiers, and the innovation-points
 * score is an input to a lender's own judgement.
 */
public final class RuleEvaluations {

    private RuleEvaluations() {
    }

    /**
     * Innovative SME, 专精特新, little giant and innovation points, in that order. Innovation-points values are
     * those derived from the inputs (see {@link #derivedInnovationValues}) overridden by the given map, which
     * may be null; the stage is {@link EvaluationInputs#growthStage()}.
     */
    public static List<Evaluation> all(EvaluationInputs inputs, Map<String, BigDecimal> innovationIndicators) {
        Map<String, BigDecimal> values = new HashMap<>(derivedInnovationValues(inputs));
        if (innovationIndicators != null) {
            values.putAll(innovationIndicators);
        }
        return List.of(
                InnovativeSmeScore.evaluate(inputs),
                SpecialisedSmeEvaluation.evaluate(inputs),
                LittleGiantConditions.evaluate(inputs),
                InnovationPoints.defaults().evaluate(inputs.growthStage(), values));
    }

    /**
     * The innovation-points values the inputs already tell, in the default table's units, so callers only
     * supply the rest: {@code rd_expense_ratio}, {@code rd_staff_share}, {@code revenue_growth}, {@code
     * rd_expense_growth} (percent), {@code equity_financing} (3-year, million yuan) and {@code
     * rd_institution_level} (0–3). Values that cannot be derived are left out.
     */
    public static Map<String, BigDecimal> derivedInnovationValues(EvaluationInputs in) {
        Map<String, BigDecimal> values = new HashMap<>();
        put(values, "rd_expense_ratio", Measures.percent(in.rdExpense(), in.revenue()));
        put(values, "rd_staff_share", Measures.percent(in.rdStaff(), in.employees()));
        put(values, "revenue_growth", Measures.growth(in.revenue(), in.revenueLastYear()));
        put(values, "rd_expense_growth", Measures.growth(in.rdExpense(), in.rdExpenseLastYear()));
        put(values, "equity_financing", Measures.millions(in.equityRaisedLast3Years()));
        RdInstitutionLevel level = RdInstitutionLevel.effective(in);
        put(values, "rd_institution_level", level == null ? null : BigDecimal.valueOf(level.rank()));
        return Map.copyOf(values);
    }

    private static void put(Map<String, BigDecimal> values, String key, BigDecimal value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
