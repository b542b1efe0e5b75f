package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Derived measures shared by the schemes. Every ratio is in percent (10 means 10 %) because the published
 * bands are written that way. Each returns null when an input is missing or the measure is undefined
 * (a zero or negative base), so callers report it as missing rather than scoring a meaningless number.
 */
final class Measures {

    /** 16 significant digits: exact for the terminating decimals in real data, no false edge misses. */
    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Measures() {
    }

    /** part / whole × 100. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, MC);
    }

    /** Integer counts as a percentage, e.g. R&amp;D staff over employees. */
    static BigDecimal percent(Integer part, Integer whole) {
        return part == null || whole == null ? null : percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** One-year growth in percent. */
    static BigDecimal growth(BigDecimal now, BigDecimal before) {
        BigDecimal p = percent(now, before);
        return p == null ? null : p.subtract(HUNDRED);
    }

    /**
     * Compound annual growth over two years in percent: (now / twoYearsAgo)^(1/2) − 1. Chosen over the
     * arithmetic mean of the two yearly rates because it needs no middle year and cannot be inflated by a
     * one-year dip and rebound.
     */
    static BigDecimal cagr2(BigDecimal now, BigDecimal twoYearsAgo) {
        if (now == null || twoYearsAgo == null || twoYearsAgo.signum() <= 0 || now.signum() < 0) {
            return null;
        }
        BigDecimal factor = now.divide(twoYearsAgo, MC).sqrt(MC);
        return factor.subtract(BigDecimal.ONE).multiply(HUNDRED);
    }

    /** a + b, or null if either is missing. */
    static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }

    /** Yuan to million yuan. */
    static BigDecimal millions(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(MILLION, MC);
    }

    /** value ≥ threshold (both non-null). */
    static boolean atLeast(BigDecimal value, String threshold) {
        return value.compareTo(new BigDecimal(threshold)) >= 0;
    }

    /** The first band holding the value, as a score row; a value in no band scores 0 with that shown. */
    static IndicatorScore score(String group, String indicator, int max, BigDecimal value,
            List<Band> bands, String unit) {
        if (value == null) {
            return IndicatorScore.missing(group, indicator, max);
        }
        for (Band b : bands) {
            if (b.contains(value)) {
                return new IndicatorScore(group, indicator, b.points(), max, b.label(unit), false);
            }
        }
        return new IndicatorScore(group, indicator, 0, max, "outside bands", false);
    }
}
