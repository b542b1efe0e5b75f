package cn.chanrong.demo.generator;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int get(int k) {
        return values[k];
    }

    int size() {
        return size;
    }
}
