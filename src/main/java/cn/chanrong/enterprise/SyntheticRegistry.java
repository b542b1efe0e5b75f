package cn.chanrong.enterprise;

import java.util.function.LongConsumer;

/**
 * Enterprises in bulk for benchmarks: valid, unique credit codes across every province, mostly
 * manufacturers, a third of them tagged with a key chain. Inserted set-based, without events.
 */
public interface SyntheticRegistry {

    /** Adds {@code count} enterprises; returns how many were added. */
    long generate(int count, long seed, LongConsumer progress);
}
