package cn.chanrong.demo.generator;

/**
 * A keyed bijection of [0, domain): a four-round Feistel network on the smallest even number of bits
 * that covers the domain, with cycle walking back into the domain. It turns consecutive indices into
 * codes and names that look unrelated while staying provably unique.
 */
final class Permutation {

    private final long domain;
    private final int halfBits;
    private final long mask;
    private final long[] keys = new long[4];

    Permutation(long domain, long key) {
        if (domain < 2) {
            throw new IllegalArgumentException("domain " + domain);
        }
        int bits = 64 - Long.numberOfLeadingZeros(domain - 1);
        bits += bits & 1;
        this.domain = domain;
        this.halfBits = bits / 2;
        this.mask = (1L << halfBits) - 1;
        for (int r = 0; r < keys.length; r++) {
            keys[r] = Rng.finalise(key + (r + 1) * 0x9E3779B97F4A7C15L);
        }
    }

    long domain() {
        return domain;
    }

    long apply(long x) {
        if (x < 0 || x >= domain) {
            throw new IllegalArgumentException(x + " outside [0, " + domain + ")");
        }
        long y = x;
        do {
            y = round(y);
        } while (y >= domain);
        return y;
    }

    private long round(long v) {
        long left = v >>> halfBits;
        long right = v & mask;
        for (long k : keys) {
            long next = left ^ (Rng.finalise(right ^ k) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
