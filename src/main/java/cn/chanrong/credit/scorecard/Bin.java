package cn.chanrong.credit.scorecard;

import java.util.Set;
import java.util.TreeSet;

/**
 * One attribute of a characteristic: a numeric interval {@code (lower, upper]}, a set of categories,
 * or the missing bin (which also takes categories never seen in training). Weight of evidence is
 * {@code ln(share of goods / share of bads)}, so a higher WoE means lower risk.
 */
public record Bin(String label, double lower, double upper, Set<String> categories, boolean missing, int goods, int bads,
                  double woe) {

    public Bin {
        categories = categories == null ? Set.of() : Set.copyOf(new TreeSet<>(categories));
        if (goods < 0 || bads < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public int count() {
        return goods + bads;
    }

    public double badRate() {
        return count() == 0 ? 0 : (double) bads / count();
    }

    static String interval(double lower, double upper) {
        if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
            return "all";
        }
        if (Double.isInfinite(lower)) {
            return "<= " + fmt(upper);
        }
        if (Double.isInfinite(upper)) {
            return "> " + fmt(lower);
        }
        return "(" + fmt(lower) + ", " + fmt(upper) + "]";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1000) {
            // amounts read better whole and grouped than in exponent form
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
