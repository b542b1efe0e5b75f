package cn.chanrong.credit;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Tax (银税互动) and credit-bureau facts about an enterprise, loaded by the platform or by an institution
 * that holds the enterprise's consent: monthly tax paid and 数电发票 sales (CSV), the yearly tax credit
 * grade, and credit-report summaries.
 */
public interface OutsideFacts {

    record BureauSummary(LocalDate asOf, BigDecimal loansOutstanding, Integer lenders, BigDecimal guaranteesGiven,
                         BigDecimal overdue90Share, Integer maxDaysOverdue24m, Boolean everBorrowed) {
    }

    /**
     * Imports {@code month,tax_paid,invoice_sales} rows (month as yyyy-MM), all or none, streaming the
     * upload; returns the rows stored. A refused file lists its first 1,000 problems and counts the rest.
     */
    int importTax(Caller caller, long enterpriseId, Upload csv, String encoding);

    void setTaxGrade(Caller caller, long enterpriseId, int year, String grade);

    void addBureauSummary(Caller caller, long enterpriseId, BureauSummary summary);

    /**
     * The share of each enterprise's debt across banks that is more than 90 days overdue, from its latest
     * bureau summary on or before {@code asOf}; enterprises without one are absent. For the five-tier
     * market contagion rule (over 20 % makes every bank classify the debtor non-performing).
     */
    java.util.Map<Long, BigDecimal> overdue90Shares(java.util.Collection<Long> enterpriseIds, LocalDate asOf);

    /** Whether the credit bureau shows any earlier bank loan of the enterprise (the first-loan flag), if known. */
    java.util.Optional<Boolean> everBorrowed(long enterpriseId, LocalDate asOf);
}
