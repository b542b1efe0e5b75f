package cn.chanrong.lending.domain;

import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The term an application may ask for. Named rules, each with its source:
 * <ul>
 *   <li>{@code PRODUCT_RANGE}: within the product's terms;</li>
 *   <li>{@code WORKING_CAPITAL} (流动资金贷款管理办法 2024): a working-capital loan runs at most the standard
 *       term (3 years, and no more than the product offers) — up to the justified maximum (5 years) only
 *       with the operating-cycle reason recorded on the application;</li>
 *   <li>{@code COMMERCIAL_BILL} (商业汇票承兑、贴现与再贴现管理办法, in force 2023-01-01): a bill's tenor is at
 *       most 6 months, whatever an older product still says.</li>
 * </ul>
 * The figures come from the product type's one term setting. Every problem is returned at once.
 */
public final class LoanTermRules {

    /** Shortest reason accepted for a longer working-capital term. */
    public static final int MIN_REASON = 4;

    /**
     * The limits that apply: the product's range; whether the loan is working capital, with the standard
     * and the justified maximum; whether it is a commercial bill, with the bills' maximum tenor.
     */
    public record Limits(int productMin, int productMax, boolean workingCapital, int workingCapitalStandard,
                         int workingCapitalJustified, boolean commercialBill, int billMax) {
    }

    private LoanTermRules() {
    }

    /** The problems with asking for {@code months} (with {@code reason} for a longer working-capital term). */
    public static List<Rejection> check(Integer months, String reason, Limits l) {
        List<Rejection> problems = new ArrayList<>();
        if (months == null) {
            problems.add(Rejection.of("required", "termMonths"));
            return problems;
        }
        if (l.commercialBill() && months > l.billMax()) {
            problems.add(Rejection.of("lending.term.commercial-bill", "termMonths", months, l.billMax()));
            return problems;
        }
        // a working-capital loan may go past the product's term, to the justified maximum, with its reason
        int max = l.workingCapital() ? l.workingCapitalJustified() : l.productMax();
        if (months < l.productMin() || months > max) {
            problems.add(Rejection.of("range", "termMonths", l.productMin(), max, months));
            return problems;
        }
        int standard = l.workingCapital() ? Math.min(l.productMax(), l.workingCapitalStandard()) : l.productMax();
        if (months > standard && (reason == null || reason.strip().length() < MIN_REASON)) {
            problems.add(Rejection.of("lending.term.operating-cycle", "termReason", months, standard,
                    l.workingCapitalJustified()));
        }
        return problems;
    }
}
