package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the boosting challenger sees one column: every value becomes a small bin number, and trees split
 * on bins. Bin 0 holds missing values (and, for categories, values not seen in training). A numeric
 * column's present values are cut at up to {@code maxBins - 1} quantiles into bins 1…; each bin is the
 * values up to and including its upper bound ({@code upper}), the last bin is open above. A categorical
 * column gives each category seen at least {@code minRows} times a bin of its own (the most frequent
 * {@code maxBins - 1} at most); rarer categories share one pooled bin, the last.
 */
record FeatureBins(String name, boolean numeric, double[] upper, Map<String, Integer> categories, int count) {

    /** The bins of a training column. */
    static FeatureBins of(Dataset.Column column, int maxBins, int minRows) {
        return switch (column) {
            case Dataset.Numeric n -> numeric(n, maxBins);
            case Dataset.Categorical c -> categorical(c, maxBins, minRows);
        };
    }

    private static FeatureBins numeric(Dataset.Numeric column, int maxBins) {
        double[] present = Arrays.stream(column.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] distinct = Arrays.stream(present).distinct().toArray();
        double[] cuts;
        if (distinct.length <= maxBins) {
            cuts = Arrays.copyOf(distinct, Math.max(distinct.length - 1, 0));
        } else {
            double top = present[present.length - 1];
            cuts = java.util.stream.IntStream.range(1, maxBins)
                    .mapToDouble(k -> present[Math.max(0, (int) ((long) k * present.length / maxBins) - 1)])
                    .distinct().filter(c -> c < top).toArray();
        }
        return new FeatureBins(column.name(), true, cuts, Map.of(), cuts.length + 2);
    }

    private static FeatureBins categorical(Dataset.Categorical column, int maxBins, int minRows) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : column.values()) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> bins = new HashMap<>();
        List<String> rare = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byCount) {
            if (e.getValue() >= minRows && bins.size() < maxBins - 1) {
                bins.put(e.getKey(), bins.size() + 1);
            } else {
                rare.add(e.getKey());
            }
        }
        int pooled = bins.size() + 1;
        for (String r : rare) {
            bins.put(r, pooled);
        }
        return new FeatureBins(column.name(), false, new double[0], Map.copyOf(bins), rare.isEmpty() ? pooled : pooled + 1);
    }

    /** Bin numbers of a column with this name in another dataset (scoring or a held-out fold). */
    byte[] codes(Dataset data) {
        Dataset.Column column;
        try {
            column = data.column(name);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException("column " + name, "the boosted model was trained with it; the data has no such column");
        }
        byte[] out = new byte[column.size()];
        switch (column) {
            case Dataset.Numeric n when numeric -> {
                for (int r = 0; r < out.length; r++) {
                    out[r] = (byte) bin(n.values()[r]);
                }
            }
            case Dataset.Categorical c when !numeric -> {
                for (int r = 0; r < out.length; r++) {
                    out[r] = (byte) bin(c.values()[r]);
                }
            }
            default -> throw new DataFormatException("column " + name, "was " + (numeric ? "numeric" : "categorical")
                    + " when the boosted model was trained and is not now");
        }
        return out;
    }

    int bin(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        int i = Arrays.binarySearch(upper, v);
        return 1 + (i >= 0 ? i : -i - 1);
    }

    int bin(String v) {
        return v == null ? 0 : categories.getOrDefault(v, 0);
    }
}
