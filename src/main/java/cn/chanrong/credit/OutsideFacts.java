package cn.chanrong.credit;

import cn.chanrong.identity.Caller;
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

    /** Imports {@code month,tax_paid,invoice_sales} rows (month as yyyy-MM), all or none; returns the rows stored. */
    int importTax(Caller caller, long enterpriseId, byte[] csv, String encoding);

    void setTaxGrade(Caller caller, long enterpriseId, int year, String grade);

    void addBureauSummary(Caller caller, long enterpriseId, BureauSummary summary);
}
