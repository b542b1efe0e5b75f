package cn.chanrong.warning;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The involution watch (issue 20 §4), defined in docs/WARNING.md §4: over the twelve months to the business date, by
 * institution, by province and by sector (the GB/T 4754 division), the lending paid out to sectors the restricted-
 * industry catalogue in force names (and the year before, for the growth), the part of it building capacity (fixed-
 * asset loans), and the loans priced below the lender's own cost of the loan plus the expected loss of the borrower's
 * grade. Read in the caller's scope: an institution its own; the financial regulators and the industry departments
 * (MIIT, NDRC) in their region. Each institution keeps its cost settings, effective-dated.
 */
public interface InvolutionWatch {

    record Row(String dimension, String key, String name, int loans, BigDecimal amount, BigDecimal restrictedAmount,
               BigDecimal restrictedAmountYearBefore, BigDecimal restrictedGrowthPercent, int capacityLoans,
               BigDecimal capacityAmount, int belowCostLoans, BigDecimal belowCostAmount, BigDecimal belowCostSharePercent) {
    }

    record Figures(LocalDate from, LocalDate to, List<String> restrictedSectors, List<Row> rows) {
    }

    /** Yearly percentages of the amount lent: funding, operating, capital; the loss given default assumed. */
    record CostSetting(Long institutionId, BigDecimal fundingPercent, BigDecimal operatingPercent, BigDecimal capitalPercent,
                       BigDecimal lgdPercent, LocalDate effectiveFrom, String setBy) {
    }

    Figures figures(Caller caller);

    /** The caller's institution's settings over time, and the platform's defaults. */
    List<CostSetting> costSettings(Caller caller);

    /** The caller's institution (an approver or its administrator) sets its cost, in force from a day not in the past. */
    CostSetting setCost(Caller caller, CostSetting setting);
}
