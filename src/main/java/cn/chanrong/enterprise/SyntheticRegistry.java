package cn.chanrong.enterprise;

import java.util.function.LongConsumer;

/**
 * Enterprises in bulk for benchmarks: valid, unique credit codes across every province, mostly
 * manufacturers, a third of them tagged with a key chain. Inserted set-based, without events.
 */
public interface SyntheticRegistry {

    /** Adds {@code count} enterprises; returns how many were added. */
    long generate(int count, long seed, LongConsumer progress);

    /**
     * Loads a generated economy (the files of {@code ./chanrong generate}) set-wise: groups, enterprises with their chain
     * tags, supply relationships and guarantees between firms — no statements, no events, nothing checked beyond the
     * tables' constraints. Enterprises already registered under a credit code are kept. Returns the enterprises added.
     */
    long loadEconomy(java.nio.file.Path economy, java.util.function.Consumer<String> progress);
}
