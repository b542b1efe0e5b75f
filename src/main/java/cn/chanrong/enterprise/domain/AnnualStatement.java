package cn.chanrong.enterprise.domain;

import java.math.BigDecimal;

/**
 * One year's key figures, in yuan. {@code equity} is total assets minus total liabilities; when a
 * filer states it, it must agree. IP counts are class I (invention patents and the like) and class II.
 */
public record AnnualStatement(int year, BigDecimal revenue, BigDecimal mainBusinessRevenue, BigDecimal rdExpense,
                              int rdStaff, BigDecimal netProfit, BigDecimal totalAssets, BigDecimal totalLiabilities,
                              int ipClass1, int ipClass2, boolean published) {

    public BigDecimal equity() {
        return totalAssets.subtract(totalLiabilities);
    }

    /** R&D expense over revenue, or zero without revenue. */
    public BigDecimal rdIntensity() {
        return revenue.signum() == 0 ? BigDecimal.ZERO
                : rdExpense.divide(revenue, 6, java.math.RoundingMode.HALF_UP);
    }

    /** Total liabilities over total assets, or zero without assets. */
    public BigDecimal debtRatio() {
        return totalAssets.signum() == 0 ? BigDecimal.ZERO
                : totalLiabilities.divide(totalAssets, 6, java.math.RoundingMode.HALF_UP);
    }
}
