package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monotone weight-of-evidence binning. Numbers are first cut at quantiles ({@code preBins}; a value
 * holding many rows, such as 0, gets a bin of its own); adjacent bins whose bad rates break the
 * characteristic's overall direction are pooled (pool-adjacent-violators), bins smaller than
 * {@code minShare} of the rows or without a good or a bad are merged into the neighbour with the closer
 * bad rate, and the adjacent pair least different by the chi-square test is merged until at most
 * {@code maxBins} remain. Categories are ordered by bad rate and merged the same way, so every
 * characteristic's WoE is monotone in its bins. Missing values keep a bin of their own.
 */
public final class Binning {

    /** Binning settings; the defaults are the usual scorecard practice. */
    public record Settings(int preBins, double minShare, int maxBins) {
        public static final Settings DEFAULT = new Settings(40, 0.02, 12);

        public Settings {
            if (preBins < 2 || maxBins < 2 || minShare <= 0 || minShare >= 0.5) {
                throw new IllegalArgumentException("preBins, maxBins >= 2 and 0 < minShare < 0.5");
            }
        }
    }

    /** A run of adjacent pre-bins being merged: counts plus what it covers. */
    private static final class Group {
        double lower;
        double upper;
        final Set<String> categories = new HashSet<>();
        int goods;
        int bads;

        double rate() {
            return goods + bads == 0 ? 0 : (double) bads / (goods + bads);
        }

        void absorb(Group o) {
            lower = Math.min(lower, o.lower);
            upper = Math.max(upper, o.upper);
            categories.addAll(o.categories);
            goods += o.goods;
            bads += o.bads;
        }
    }

    private Binning() {
    }

    public static Characteristic bin(Dataset.Column column, int[] bad, Settings s) {
        int totalBad = 0;
        for (int b : bad) {
            totalBad += b;
        }
        int totalGood = bad.length - totalBad;
        int minCount = (int) Math.ceil(s.minShare() * bad.length);
        int missGood = 0;
        int missBad = 0;
        for (int r = 0; r < bad.length; r++) {
            if (column.missing(r)) {
                missGood += 1 - bad[r];
                missBad += bad[r];
            }
        }
        List<Group> groups = groups(column, bad, s, minCount);
        boolean numeric = column instanceof Dataset.Numeric;
        List<Bin> bins = new ArrayList<>();
        double iv = 0;
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            double lower = numeric ? (i == 0 ? Double.NEGATIVE_INFINITY : groups.get(i - 1).upper) : 0;
            double upper = numeric ? (i == groups.size() - 1 ? Double.POSITIVE_INFINITY : g.upper) : 0;
            double woe = woe(g.goods, g.bads, totalGood, totalBad);
            iv += ivTerm(g.goods, g.bads, totalGood, totalBad, woe);
            String label = numeric ? Bin.interval(lower, upper) : String.join(", ", new java.util.TreeSet<>(g.categories));
            bins.add(new Bin(label, lower, upper, numeric ? Set.of() : g.categories, false, g.goods, g.bads, woe));
        }
        double missWoe = missingWoe(groups, missGood, missBad, minCount, totalGood, totalBad);
        iv += ivTerm(missGood, missBad, totalGood, totalBad, missWoe);
        bins.add(new Bin("missing", 0, 0, Set.of(), true, missGood, missBad, missWoe));
        return new Characteristic(column.name(), numeric, bins, iv);
    }

    private static List<Group> groups(Dataset.Column column, int[] bad, Settings s, int minCount) {
        List<Group> groups = switch (column) {
            case Dataset.Numeric n -> numericGroups(n.values(), bad, s.preBins());
            case Dataset.Categorical c -> categoryGroups(c.values(), bad);
        };
        if (column instanceof Dataset.Numeric) {
            pool(groups);
        }
        mergeSmall(groups, minCount);
        chiMerge(groups, s.maxBins());
        return groups;
    }

    /** Merges the adjacent pair whose bad rates differ least by the chi-square test until at most {@code maxBins} remain. */
    private static void chiMerge(List<Group> groups, int maxBins) {
        while (groups.size() > maxBins) {
            int best = 0;
            double low = Double.MAX_VALUE;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double x = chiSquare(groups.get(i), groups.get(i + 1));
                if (x < low) {
                    low = x;
                    best = i;
                }
            }
            merge(groups, best);
        }
    }

    /** Pearson's chi-square statistic of the 2×2 table of two bins' goods and bads (0 when one column is empty). */
    static double chiSquare(Group a, Group b) {
        double goods = a.goods + b.goods;
        double bads = a.bads + b.bads;
        if (bads == 0 || goods == 0) {
            return 0;
        }
        double na = a.goods + a.bads;
        double nb = b.goods + b.bads;
        double d = (double) a.bads * b.goods - (double) a.goods * b.bads;
        return (na + nb) * d * d / (na * nb * bads * goods);
    }

    /**
     * A missing bin too small to trust borrows the WoE of the bin whose bad rate is closest to its own
     * (pooled with it), so that a handful of rows cannot carry an extreme WoE into the model.
     */
    private static double missingWoe(List<Group> groups, int goods, int bads, int minCount, int totalGood, int totalBad) {
        if (goods + bads == 0) {
            return 0;
        }
        if (goods + bads >= minCount && goods > 0 && bads > 0 || groups.isEmpty()) {
            return woe(goods, bads, totalGood, totalBad);
        }
        double rate = (double) bads / (goods + bads);
        Group near = groups.stream().min(Comparator.comparingDouble(g -> Math.abs(g.rate() - rate))).orElseThrow();
        return woe(goods + near.goods, bads + near.bads, totalGood, totalBad);
    }

    /** Smoothed by half a count so that a bin without goods or bads still has a finite WoE. */
    static double woe(int goods, int bads, int totalGood, int totalBad) {
        return Math.log(((goods + 0.5) / Math.max(totalGood, 1)) / ((bads + 0.5) / Math.max(totalBad, 1)));
    }

    private static double ivTerm(int goods, int bads, int totalGood, int totalBad, double woe) {
        return ((double) goods / Math.max(totalGood, 1) - (double) bads / Math.max(totalBad, 1)) * woe;
    }

    private static List<Group> numericGroups(double[] values, int[] bad, int preBins) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        List<Group> groups = new ArrayList<>();
        if (present.length == 0) {
            return groups;
        }
        double[] cuts = Arrays.stream(java.util.stream.IntStream.range(1, preBins)
                        .mapToDouble(k -> present[Math.max(0, (int) ((long) k * present.length / preBins) - 1)]).toArray())
                .distinct().filter(c -> c < present[present.length - 1]).toArray();
        for (int i = 0; i <= cuts.length; i++) {
            Group g = new Group();
            g.lower = i == 0 ? Double.NEGATIVE_INFINITY : cuts[i - 1];
            g.upper = i == cuts.length ? Double.POSITIVE_INFINITY : cuts[i];
            groups.add(g);
        }
        for (int r = 0; r < values.length; r++) {
            if (Double.isNaN(values[r])) {
                continue;
            }
            int i = Arrays.binarySearch(cuts, values[r]);
            Group g = groups.get(i >= 0 ? i : -i - 1);
            g.goods += 1 - bad[r];
            g.bads += bad[r];
        }
        groups.removeIf(g -> g.goods + g.bads == 0);
        return groups;
    }

    private static List<Group> categoryGroups(String[] values, int[] bad) {
        Map<String, Group> by = new HashMap<>();
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null) {
                continue;
            }
            Group g = by.computeIfAbsent(values[r], k -> {
                Group n = new Group();
                n.categories.add(k);
                return n;
            });
            g.goods += 1 - bad[r];
            g.bads += bad[r];
        }
        List<Group> groups = new ArrayList<>(by.values());
        groups.sort(Comparator.comparingDouble(Group::rate).thenComparing(g -> g.categories.iterator().next()));
        return groups;
    }

    /** Pool adjacent violators against the direction the bad rate mostly takes. */
    private static void pool(List<Group> groups) {
        if (groups.size() < 2) {
            return;
        }
        boolean increasing = trend(groups) >= 0;
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double a = groups.get(i).rate();
                double b = groups.get(i + 1).rate();
                if (increasing ? a > b : a < b) {
                    groups.get(i).absorb(groups.remove(i + 1));
                    merged = true;
                    break;
                }
            }
        }
    }

    /** Count-weighted covariance of bin position and bad rate. */
    private static double trend(List<Group> groups) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < groups.size(); i++) {
            double w = groups.get(i).goods + groups.get(i).bads;
            n += w;
            sx += w * i;
            sy += w * groups.get(i).rate();
        }
        double mx = sx / n;
        double my = sy / n;
        double cov = 0;
        for (int i = 0; i < groups.size(); i++) {
            double w = groups.get(i).goods + groups.get(i).bads;
            cov += w * (i - mx) * (groups.get(i).rate() - my);
        }
        return cov;
    }

    private static void mergeSmall(List<Group> groups, int minCount) {
        while (groups.size() > 1) {
            int worst = -1;
            for (int i = 0; i < groups.size(); i++) {
                Group g = groups.get(i);
                if (g.goods + g.bads < minCount || g.goods == 0 || g.bads == 0) {
                    if (worst < 0 || g.goods + g.bads < groups.get(worst).goods + groups.get(worst).bads) {
                        worst = i;
                    }
                }
            }
            if (worst < 0) {
                return;
            }
            int into;
            if (worst == 0) {
                into = 1;
            } else if (worst == groups.size() - 1) {
                into = worst - 1;
            } else {
                double r = groups.get(worst).rate();
                into = Math.abs(groups.get(worst - 1).rate() - r) <= Math.abs(groups.get(worst + 1).rate() - r) ? worst - 1 : worst + 1;
            }
            merge(groups, Math.min(worst, into));
        }
    }

    private static void merge(List<Group> groups, int left) {
        groups.get(left).absorb(groups.remove(left + 1));
    }
}
