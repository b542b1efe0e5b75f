package cn.chanrong.institution;

import java.util.List;

/** A product as submitted: amounts and rates as decimal strings, lists of codes, named clauses. */
public record ProductDraft(String code, String name, String nameEn, String type, String minAmount, String maxAmount,
                           Integer minTermMonths, Integer maxTermMonths, String pricing, Integer spreadMinBp,
                           Integer spreadMaxBp, String fixedRatePercent, String security, List<String> targetChains,
                           List<String> targetSizes, List<String> targetStages, List<String> targetRegions, String effectiveFrom,
                           String effectiveTo, List<Clause> clauses) {

    /** A named eligibility clause: labels in both languages and a CEL expression over {@code e}. */
    public record Clause(String labelZh, String labelEn, String expression) {
    }
}
