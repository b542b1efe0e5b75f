package cn.chanrong.credit.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a scorecard may use about an enterprise, by name: the cash-flow features plus the tax
 * (银税互动) and credit-bureau inputs, in the same form for the demo simulation and for real data.
 * Ownership is deliberately absent.
 */
public final class CreditInputs {

    /** Tax and bureau facts; null fields are missing. */
    public record Outside(String taxGrade, Double taxPaid12, Double invoiceSales12, Double bankDebt, Integer lenders,
                          Double overdue90Share, Integer maxDaysOverdue24m, Boolean everBorrowed) {
        public static final Outside NONE = new Outside(null, null, null, null, null, null, null, null);
    }

    public static final String[] OUTSIDE_NAMES = {"tax_grade", "tax_to_invoice", "invoice_to_inflow", "debt_to_inflow", "lenders",
        "overdue_90_share", "max_dpd_24m", "first_loan"};

    private CreditInputs() {
    }

    public static Map<String, Object> of(double[] cash, Outside o) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < FeatureEngine.NAMES.length; i++) {
            m.put(FeatureEngine.NAMES[i], Double.isNaN(cash[i]) ? null : cash[i]);
        }
        double in12 = cash[2];
        m.put("tax_grade", o.taxGrade());
        m.put("tax_to_invoice", o.taxPaid12() == null || o.invoiceSales12() == null || o.invoiceSales12() <= 0 ? null
                : o.taxPaid12() / o.invoiceSales12());
        m.put("invoice_to_inflow", o.invoiceSales12() == null || in12 <= 0 ? null : o.invoiceSales12() / in12);
        m.put("debt_to_inflow", o.bankDebt() == null || in12 <= 0 ? null : o.bankDebt() / in12);
        m.put("lenders", o.lenders() == null ? null : o.lenders().doubleValue());
        m.put("overdue_90_share", o.overdue90Share());
        m.put("max_dpd_24m", o.maxDaysOverdue24m() == null ? null : o.maxDaysOverdue24m().doubleValue());
        m.put("first_loan", o.everBorrowed() == null ? null : o.everBorrowed() ? "no" : "yes");
        return m;
    }

    /** Whether a named input is categorical (text) rather than numeric. */
    public static boolean categorical(String name) {
        return "tax_grade".equals(name) || "first_loan".equals(name);
    }
}
