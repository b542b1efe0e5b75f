package cn.chanrong.credit.rules;

import java.math.BigDecimal;

/**
 * A scoring band: a value range and the points it earns. A null bound is unbounded.
 *
 * <p>Edge convention, applied throughout the package: a stated lower bound is inclusive ("≥ x", so "3–5 %"
 * holds 3 % but not 5 %) and an upper bound exclusive — except where the rules write the next band as
 * "&gt; x", which leaves x itself in the lower band; such bands are built with explicit flags.
 *
 * @param lower          lower bound, or null for none
 * @param lowerInclusive whether the lower bound itself is in the band
 * @param upper          upper bound, or null for none
 * @param upperInclusive whether the upper bound itself is in the band
 * @param points         points the band earns
 */
public record Band(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive,
        int points) {

    public Band {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
            throw new IllegalArgumentException("lower must be below upper: " + lower + " / " + upper);
        }
    }

    /** The usual half-open band [lower, upper); either bound may be null. */
    public static Band of(BigDecimal lower, BigDecimal upper, int points) {
        return new Band(lower, true, upper, false, points);
    }

    /** Shorthand for {@link #of(BigDecimal, BigDecimal, int)} with decimal strings. */
    static Band of(String lower, String upper, int points) {
        return of(lower == null ? null : new BigDecimal(lower), upper == null ? null : new BigDecimal(upper),
                points);
    }

    /** Whether the value falls in this band. */
    public boolean contains(BigDecimal value) {
        if (lower != null) {
            int c = value.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = value.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /** Whether this band overlaps another (used to reject ambiguous tables). */
    boolean overlaps(Band other) {
        return !(endsBefore(this, other) || endsBefore(other, this));
    }

    private static boolean endsBefore(Band a, Band b) {
        if (a.upper == null || b.lower == null) {
            return false;
        }
        int c = a.upper.compareTo(b.lower);
        return c < 0 || (c == 0 && !(a.upperInclusive && b.lowerInclusive));
    }

    /** The band as shown to a reader, e.g. {@code "≥5%"}, {@code "3–5%"}, {@code "<55%"}, {@code ">75%"}. */
    public String label(String unit) {
        String u = unit == null ? "" : unit;
        if (lower == null && upper == null) {
            return "any";
        }
        if (upper == null) {
            return (lowerInclusive ? "≥" : ">") + plain(lower) + u;
        }
        if (lower == null) {
            return (upperInclusive ? "≤" : "<") + plain(upper) + u;
        }
        return plain(lower) + "–" + plain(upper) + u;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
