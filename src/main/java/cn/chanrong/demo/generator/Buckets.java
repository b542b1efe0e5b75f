package cn.chanrong.demo.generator;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Enterprise indices grouped by a small key (division, province) in one int array with offsets, so a
 * supplier or subsidiary can be drawn from the right group in constant time at any scale.
 */
final class Buckets {

    private final int[] offsets;
    private final int[] members;

    Buckets(int keys, int count, IntUnaryOperator keyOf, IntPredicate include) {
        offsets = new int[keys + 1];
        for (int i = 0; i < count; i++) {
            if (include.test(i)) {
                offsets[keyOf.applyAsInt(i) + 1]++;
            }
        }
        for (int k = 0; k < keys; k++) {
            offsets[k + 1] += offsets[k];
        }
        members = new int[offsets[keys]];
        int[] fill = offsets.clone();
        for (int i = 0; i < count; i++) {
            if (include.test(i)) {
                members[fill[keyOf.applyAsInt(i)]++] = i;
            }
        }
    }

    int size(int key) {
        return offsets[key + 1] - offsets[key];
    }

    /** A uniformly drawn member of the key's bucket, or -1 when it is empty. */
    int draw(int key, Rng rng) {
        int n = size(key);
        return n == 0 ? -1 : members[offsets[key] + rng.below(n)];
    }
}
