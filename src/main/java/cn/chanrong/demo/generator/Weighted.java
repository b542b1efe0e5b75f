package cn.chanrong.demo.generator;

import java.util.ArrayList;
import java.util.List;

/** Draws items in proportion to fixed weights (calibration shares, not amounts). */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T sample(Rng rng) {
        double x = rng.unit() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items.get(lo);
    }

    List<T> items() {
        return items;
    }

    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T item, double weight) {
            if (weight > 0) {
                items.add(item);
                weights.add(weight);
            }
            return this;
        }

        Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("nothing to draw from");
            }
            double[] c = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                sum += weights.get(i);
                c[i] = sum;
            }
            return new Weighted<>(List.copyOf(items), c);
        }
    }
}
