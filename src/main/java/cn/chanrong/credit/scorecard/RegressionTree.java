package cn.chanrong.credit.scorecard;

import java.util.Arrays;

/**
 * One boosting round's tree, grown on binned features from gradients {@code g} and hessians {@code h}
 * of the log-loss. Nodes are numbered as in a heap (children of {@code i} are {@code 2i+1}, {@code 2i+2});
 * an inner node sends a row left when {@code left[i][bin]}, so numeric thresholds (with missing values
 * sent to whichever side fits them) and sets of categories are the same thing. Every node holds
 * {@code −learningRate · G / (H + λ)} of its rows (a leaf's is the prediction; an inner node's lets a
 * prediction be split into per-feature contributions along its path). A numeric feature with a monotone
 * direction ({@code +1}: risk rises with the value, {@code −1}: falls) only splits where the side of the
 * higher values gets the higher (or lower) value, and the bounds pass down so the whole tree keeps the
 * order (as XGBoost does); missing values stay free.
 */
record RegressionTree(int[] feature, boolean[][] left, double[] value) {

    double predict(byte[][] x, int row) {
        int i = 0;
        while (feature[i] >= 0) {
            i = left[i][x[feature[i]][row]] ? 2 * i + 1 : 2 * i + 2;
        }
        return value[i];
    }

    /**
     * Adds to {@code contribution[f]} what each split on feature {@code f} along the row's path changed
     * (child value minus parent value), and returns the root's value; root plus contributions is the prediction.
     */
    double explain(byte[][] x, int row, double[] contribution) {
        int i = 0;
        while (feature[i] >= 0) {
            int next = left[i][x[feature[i]][row]] ? 2 * i + 1 : 2 * i + 2;
            contribution[feature[i]] += value[next] - value[i];
            i = next;
        }
        return value[0];
    }

    /**
     * The training inputs of one tree: binned columns and which are numeric, bin counts, gradients, and
     * each feature's monotone direction (0 = free).
     */
    record Inputs(byte[][] x, boolean[] numeric, int[] bins, double[] g, double[] h, int[] monotone) {
        Inputs(byte[][] x, boolean[] numeric, int[] bins, double[] g, double[] h) {
            this(x, numeric, bins, g, h, new int[bins.length]);
        }
    }

    /** Node histograms of gradient, hessian and row count by feature and bin, flattened. */
    private record Histogram(double[] g, double[] h, int[] n) {
        void subtract(Histogram o) {
            for (int k = 0; k < g.length; k++) {
                g[k] -= o.g[k];
                h[k] -= o.h[k];
                n[k] -= o.n[k];
            }
        }
    }

    private record Split(int feature, double gain, boolean[] left) {
    }

    /** Grows a tree on the rows listed in {@code rows} (which it reorders); adds each split's gain to {@code gains}. */
    static RegressionTree grow(Inputs in, int[] rows, Boosting.Settings s, double[] gains) {
        int nodes = (1 << (s.maxDepth() + 1)) - 1;
        int[] feature = new int[nodes];
        Arrays.fill(feature, -1);
        Grower grower = new Grower(in, rows, s, gains, feature, new boolean[nodes][], new double[nodes]);
        grower.node(0, 0, rows.length, 0, grower.histogram(0, rows.length), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return new RegressionTree(feature, grower.left, grower.value);
    }

    /** The state of one tree's growth: the node arrays being filled and where each feature's bins start in a histogram. */
    private static final class Grower {
        private final Inputs in;
        private final int[] rows;
        private final Boosting.Settings s;
        private final double[] gains;
        private final int[] feature;
        private final boolean[][] left;
        private final double[] value;
        private final int[] offset;
        private double lower = Double.NEGATIVE_INFINITY;
        private double upper = Double.POSITIVE_INFINITY;

        Grower(Inputs in, int[] rows, Boosting.Settings s, double[] gains, int[] feature, boolean[][] left, double[] value) {
            this.in = in;
            this.rows = rows;
            this.s = s;
            this.gains = gains;
            this.feature = feature;
            this.left = left;
            this.value = value;
            this.offset = new int[in.bins().length + 1];
            for (int f = 0; f < in.bins().length; f++) {
                offset[f + 1] = offset[f] + in.bins()[f];
            }
        }

        void node(int i, int from, int to, int depth, Histogram hist, double lo, double hi) {
            double gt = 0;
            double ht = 0;
            for (int b = offset[0]; b < offset[1]; b++) {
                gt += hist.g()[b];
                ht += hist.h()[b];
            }
            value[i] = Math.max(lo, Math.min(hi, -s.learningRate() * gt / (ht + s.lambda())));
            // the node's bounds in the trees' unscaled units, for the gain of clamped child values
            lower = lo / s.learningRate();
            upper = hi / s.learningRate();
            Split best = depth < s.maxDepth() && to - from >= 2 * s.minLeaf() ? best(hist, gt, ht, to - from) : null;
            if (best == null) {
                return;
            }
            double loLeft = lo;
            double hiLeft = hi;
            double loRight = lo;
            double hiRight = hi;
            int direction = in.monotone()[best.feature()];
            boolean valuesLeft = false;
            boolean valuesRight = false;
            for (int b = 1; b < best.left().length; b++) {
                valuesLeft |= best.left()[b];
                valuesRight |= !best.left()[b];
            }
            // a split of the missing values from the rest orders no values, so it passes no bound down
            if (direction != 0 && valuesLeft && valuesRight) {
                double gl = 0;
                double hl = 0;
                int off = offset[best.feature()];
                for (int b = 0; b < best.left().length; b++) {
                    if (best.left()[b]) {
                        gl += hist.g()[off + b];
                        hl += hist.h()[off + b];
                    }
                }
                double mid = -s.learningRate() * 0.5 * (gl / (hl + s.lambda()) + (gt - gl) / (ht - hl + s.lambda()));
                mid = Math.max(lo, Math.min(hi, mid));
                if (direction > 0) {
                    hiLeft = mid;
                    loRight = mid;
                } else {
                    loLeft = mid;
                    hiRight = mid;
                }
            }
            feature[i] = best.feature();
            left[i] = best.left();
            gains[best.feature()] += best.gain();
            byte[] col = in.x()[best.feature()];
            int mid = from;
            for (int k = from; k < to; k++) {
                int r = rows[k];
                if (best.left()[col[r]]) {
                    rows[k] = rows[mid];
                    rows[mid++] = r;
                }
            }
            boolean leftSmaller = mid - from <= to - mid;
            Histogram small = leftSmaller ? histogram(from, mid) : histogram(mid, to);
            hist.subtract(small);
            node(2 * i + 1, from, mid, depth + 1, leftSmaller ? small : hist, loLeft, hiLeft);
            node(2 * i + 2, mid, to, depth + 1, leftSmaller ? hist : small, loRight, hiRight);
        }

        Histogram histogram(int from, int to) {
            int total = offset[offset.length - 1];
            Histogram hist = new Histogram(new double[total], new double[total], new int[total]);
            int m = to - from;
            double[] gs = new double[m];
            double[] hs = new double[m];
            for (int k = 0; k < m; k++) {
                gs[k] = in.g()[rows[from + k]];
                hs[k] = in.h()[rows[from + k]];
            }
            for (int f = 0; f < offset.length - 1; f++) {
                byte[] col = in.x()[f];
                int off = offset[f];
                for (int k = 0; k < m; k++) {
                    int b = off + col[rows[from + k]];
                    hist.g()[b] += gs[k];
                    hist.h()[b] += hs[k];
                    hist.n()[b]++;
                }
            }
            return hist;
        }

        private Split best(Histogram hist, double gt, double ht, int n) {
            Split best = null;
            double parent = gt * gt / (ht + s.lambda());
            for (int f = 0; f < offset.length - 1; f++) {
                Split candidate = in.numeric()[f] ? numeric(hist, f, gt, ht, n, parent) : categorical(hist, f, gt, ht, n, parent);
                if (candidate != null && (best == null || candidate.gain() > best.gain())) {
                    best = candidate;
                }
            }
            return best;
        }

        /** Thresholds between ordered bins 1…; missing values (bin 0) tried on either side. */
        private Split numeric(Histogram hist, int f, double gt, double ht, int n, double parent) {
            int off = offset[f];
            int bins = in.bins()[f];
            double gm = hist.g()[off];
            double hm = hist.h()[off];
            int nm = hist.n()[off];
            double bestGain = 0;
            int bestT = -1;
            boolean bestMissingLeft = false;
            double gl = 0;
            double hl = 0;
            int nl = 0;
            for (int t = 0; t < bins - 1; t++) {
                if (t > 0) {
                    gl += hist.g()[off + t];
                    hl += hist.h()[off + t];
                    nl += hist.n()[off + t];
                }
                for (int missingLeft = 0; missingLeft <= (nm > 0 ? 1 : 0); missingLeft++) {
                    if (in.monotone()[f] != 0 && t > 0) {
                        // the lower values' side (left, with the missing values if they go there) must not be
                        // riskier (direction +1) or safer (−1) than the other, as the children will be valued
                        double wl = weight(gl + missingLeft * gm, hl + missingLeft * hm);
                        double wr = weight(gt - gl - missingLeft * gm, ht - hl - missingLeft * hm);
                        if (in.monotone()[f] * (wr - wl) < 0) {
                            continue;
                        }
                    }
                    double gain = gain(gl + missingLeft * gm, hl + missingLeft * hm, nl + missingLeft * nm, gt, ht, n, parent);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestT = t;
                        bestMissingLeft = missingLeft == 1 || nm == 0 && 2 * nl >= n;
                    }
                }
            }
            if (bestT < 0) {
                return null;
            }
            boolean[] mask = new boolean[bins];
            mask[0] = bestMissingLeft;
            for (int b = 1; b <= bestT; b++) {
                mask[b] = true;
            }
            return new Split(f, bestGain, mask);
        }

        /** Categories (missing among them) ordered by their leaf value in this node, then cut like a number. */
        private Split categorical(Histogram hist, int f, double gt, double ht, int n, double parent) {
            int off = offset[f];
            int bins = in.bins()[f];
            Integer[] present = java.util.stream.IntStream.range(0, bins).filter(b -> hist.n()[off + b] > 0).boxed()
                    .toArray(Integer[]::new);
            if (present.length < 2) {
                return null;
            }
            Arrays.sort(present, java.util.Comparator.comparingDouble(
                    (Integer b) -> hist.g()[off + b] / (hist.h()[off + b] + s.lambda())).thenComparingInt(b -> b));
            double bestGain = 0;
            int bestK = -1;
            int bestNl = 0;
            double gl = 0;
            double hl = 0;
            int nl = 0;
            for (int k = 0; k < present.length - 1; k++) {
                gl += hist.g()[off + present[k]];
                hl += hist.h()[off + present[k]];
                nl += hist.n()[off + present[k]];
                double gain = gain(gl, hl, nl, gt, ht, n, parent);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestK = k;
                    bestNl = nl;
                }
            }
            if (bestK < 0) {
                return null;
            }
            boolean[] mask = new boolean[bins];
            if (2 * bestNl >= n) {
                Arrays.fill(mask, true);
                for (int k = bestK + 1; k < present.length; k++) {
                    mask[present[k]] = false;
                }
            } else {
                for (int k = 0; k <= bestK; k++) {
                    mask[present[k]] = true;
                }
            }
            return new Split(f, bestGain, mask);
        }

        private double gain(double gl, double hl, int nl, double gt, double ht, int n, double parent) {
            if (nl < s.minLeaf() || n - nl < s.minLeaf()) {
                return 0;
            }
            double gr = gt - gl;
            double hr = ht - hl;
            if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
                return 0.5 * (gl * gl / (hl + s.lambda()) + gr * gr / (hr + s.lambda()) - parent);
            }
            // inside a monotone bound: score each side at its clamped value, as it will be valued (XGBoost does the same)
            return 0.5 * (score(gl, hl) + score(gr, hr) - score(gt, ht));
        }

        /** The Newton value −G/(H + λ) of a node, clamped to the node's monotone bounds (unscaled). */
        private double weight(double g, double h) {
            return Math.max(lower, Math.min(upper, -g / (h + s.lambda())));
        }

        /** The loss reduction −(2·G·w + (H + λ)·w²) of valuing rows with gradient sums G, H at w. */
        private double score(double g, double h) {
            double w = weight(g, h);
            return -(2 * g * w + (h + s.lambda()) * w * w);
        }
    }
}
