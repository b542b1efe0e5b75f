package cn.chanrong.demo.generator;

/**
 * Open-addressing set of 64-bit fingerprints: enough to keep a million names unique in about 16 MB
 * instead of holding the strings. Equal strings always collide, so uniqueness is guaranteed; a false
 * alarm only costs another candidate name.
 */
final class LongHashSet {

    private long[] slots;
    private int size;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
    }

    /** Adds the fingerprint; false when it was already present. */
    boolean add(long fingerprint) {
        long f = fingerprint == 0 ? 1 : fingerprint;
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) Rng.finalise(f) & mask;
        while (slots[i] != 0) {
            if (slots[i] == f) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = f;
        size++;
        return true;
    }

    boolean contains(long fingerprint) {
        long f = fingerprint == 0 ? 1 : fingerprint;
        int mask = slots.length - 1;
        for (int i = (int) Rng.finalise(f) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == f) {
                return true;
            }
        }
        return false;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long f : old) {
            if (f != 0) {
                add(f);
            }
        }
    }

    /** A 64-bit fingerprint of a string (FNV-1a over UTF-16 units, then finalised). */
    static long fingerprint(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return Rng.finalise(h ^ s.length());
    }
}
