package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The term of an e-voucher, from issue to maturity. Since 2025-06-15 a voucher runs at most six
 * months by default and never more than a year (FACTS §4), so a core enterprise cannot use it to
 * stretch what it owes. The default ceiling is a parameter because it is a policy figure; the
 * one-year cap is absolute. Months are calendar months ({@link LocalDate#plusMonths}, so
 * 31 August plus six months is the end of February).
 * <p>
 * Codes: {@code voucher.required} (issuedOn / maturity); {@code voucher.term-order} (maturity):
 * issue date, maturity — maturity must come after issue; {@code voucher.term-max-12} (maturity):
 * the latest maturity; {@code voucher.term-over-6} (maturity): the default months, the latest
 * maturity without the explicit allowance.
 */
public final class VoucherTerms {

    /** The default ceiling in months. */
    public static final int DEFAULT_MAX_MONTHS = 6;
    /** The absolute ceiling in months: one year. */
    public static final int ABSOLUTE_MAX_MONTHS = 12;

    private VoucherTerms() {
    }

    /** {@link #check(LocalDate, LocalDate, int, boolean)} with the six-month default. */
    public static List<Rejection> check(LocalDate issuedOn, LocalDate maturity, boolean overDefaultAllowed) {
        return check(issuedOn, maturity, DEFAULT_MAX_MONTHS, overDefaultAllowed);
    }

    /**
     * Why the term is refused; empty when it is acceptable. {@code overDefaultAllowed} is the
     * explicit, recorded exception that lets a term exceed {@code maxMonthsDefault} (never 12).
     */
    public static List<Rejection> check(LocalDate issuedOn, LocalDate maturity, int maxMonthsDefault,
                                        boolean overDefaultAllowed) {
        if (maxMonthsDefault < 1 || maxMonthsDefault > ABSOLUTE_MAX_MONTHS) {
            throw new IllegalArgumentException("default ceiling must be 1..12 months: " + maxMonthsDefault);
        }
        List<Rejection> out = new ArrayList<>();
        if (issuedOn == null) {
            out.add(Rejection.of("voucher.required", "issuedOn"));
        }
        if (maturity == null) {
            out.add(Rejection.of("voucher.required", "maturity"));
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        if (!maturity.isAfter(issuedOn)) {
            return List.of(Rejection.of("voucher.term-order", "maturity", issuedOn, maturity));
        }
        LocalDate absolute = issuedOn.plusMonths(ABSOLUTE_MAX_MONTHS);
        LocalDate byDefault = issuedOn.plusMonths(maxMonthsDefault);
        if (maturity.isAfter(absolute)) {
            out.add(Rejection.of("voucher.term-max-12", "maturity", absolute));
        } else if (maturity.isAfter(byDefault) && !overDefaultAllowed) {
            out.add(Rejection.of("voucher.term-over-6", "maturity", maxMonthsDefault, byDefault));
        }
        return List.copyOf(out);
    }
}
