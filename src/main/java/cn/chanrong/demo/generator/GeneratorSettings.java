package cn.chanrong.demo.generator;

import java.time.LocalDate;

/**
 * What to generate: how many enterprises, from which seed. The economy is "as of" a fixed date, never
 * the clock, so a run today and a run next year give the same bytes.
 */
public record GeneratorSettings(int enterprises, long seed) {

    public static final int DEFAULT_ENTERPRISES = 2_000;
    public static final long DEFAULT_SEED = 20_250_101L;
    /** Limited by the distinct trade names and controller names the tables can spell. */
    public static final int MAX_ENTERPRISES = 4_000_000;
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    public static final int FIRST_YEAR = 2021;
    public static final int LAST_YEAR = 2025;

    public GeneratorSettings {
        if (enterprises < 1 || enterprises > MAX_ENTERPRISES) {
            throw new IllegalArgumentException("enterprises must be 1.." + MAX_ENTERPRISES + ", was " + enterprises);
        }
    }
}
