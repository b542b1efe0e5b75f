package cn.chanrong.institution;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as submitted: amounts already read as numbers at the edge (the JSON binding, the form, the
 * import's cell), the fixed rate still as decimal text, lists of codes, named clauses.
 */
public record ProductDraft(String code, String name, String nameEn, String type, BigDecimal minAmount, BigDecimal maxAmount,
                           Integer minTermMonths, Integer maxTermMonths, String pricing, Integer spreadMinBp,
                           Integer spreadMaxBp, String fixedRatePercent, String security, List<String> targetChains,
                           List<String> targetSizes, List<String> targetStages, List<String> targetRegions, String effectiveFrom,
                           String effectiveTo, List<Clause> clauses) {

    /** A named eligibility clause: labels in both languages and a CEL expression over {@code e}. */
    public record Clause(String labelZh, String labelEn, String expression) {
    }
}
