package cn.chanrong.demo.generator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A seeded random stream for one purpose of one entity, so any enterprise's data can be derived from
 * (seed, index) alone. Only {@code nextLong()} of the underlying generator is used and every derived
 * value is computed here with {@link StrictMath}: the bytes then depend neither on the JDK's default
 * methods for bounded draws nor on floating-point intrinsics of the machine.
 */
final class Rng {

    private final RandomGenerator source;

    Rng(long seed, long index, Stream stream) {
        this.source = new SplittableRandom(mix(seed, index, stream.ordinal()));
    }

    /** Purposes, each its own stream, so adding draws to one never shifts another. */
    enum Stream { SKELETON, DETAIL, TAGS, STATEMENTS, QUALIFICATIONS, GROUP, GROUP_MEMBERS, CONTROLLER, TIER1, TIER2, PRODUCTS,
        TIER3, TIER4, SHARED, GUARANTEES }

    static long mix(long seed, long index, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z ^= (stream + 1) * 0xD1B54A32D192ED03L;
        return finalise(z);
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output. */
    static long finalise(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    long nextLong() {
        return source.nextLong();
    }

    /** Uniform in [0, 1). */
    double unit() {
        return (source.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), by multiply-shift (bias below 2^-32, irrelevant here). */
    int below(int bound) {
        return (int) (((source.nextLong() >>> 32) * bound) >>> 32);
    }

    int between(int low, int highInclusive) {
        return low + below(highInclusive - low + 1);
    }

    boolean chance(double p) {
        return unit() < p;
    }

    double uniform(double low, double high) {
        return low + (high - low) * unit();
    }

    double logUniform(double low, double high) {
        return low * StrictMath.exp(StrictMath.log(high / low) * unit());
    }

    /** Standard normal by Box–Muller (one of the pair is discarded: simplicity over speed). */
    double gaussian() {
        double u = 1.0 - unit();
        double v = unit();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    <T> T pick(List<T> items) {
        return items.get(below(items.size()));
    }
}
