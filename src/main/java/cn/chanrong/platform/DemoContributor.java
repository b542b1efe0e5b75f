package cn.chanrong.platform;

import java.nio.file.Path;

/**
 * A module's share of the demo world. In demo mode the demo module generates the economy as CSV
 * files (the layouts in docs/DEMO_ECONOMY.md) into a directory and hands it to every contributor,
 * in {@link #order()}; each loads the files it owns through its own services. Work that can wait
 * (long histories) goes into {@link #background}, which runs after the platform is up and reports
 * progress.
 */
public interface DemoContributor {

    /** Lower first: institutions before enterprises' users, enterprises before their statements. */
    int order();

    /** Loads what must exist before the platform reports UP. */
    void contribute(Path economy);

    /** Loads what may follow later; {@code progress} takes a fraction from 0 to 1. */
    default void background(Path economy, java.util.function.DoubleConsumer progress) {
        progress.accept(1.0);
    }
}
