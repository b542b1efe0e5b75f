package cn.chanrong.registry;

import java.util.List;

/**
 * Synthetic filings in bulk for benchmarks: {@code filings} filings of the two first institutions
 * over many grantors (a fiftieth of them blanket), plus five filings for each of {@code targets}
 * grantors with valid credit codes that benchmarks then query.
 */
public interface FilingGenerator {

    /** The grantors with valid codes that were given filings, and one identifier filed for each. */
    record Targets(List<String> grantors, List<String> identifiers) {
    }

    Targets generate(int filings, int targets, int perTransaction, java.util.function.LongConsumer progress);
}
