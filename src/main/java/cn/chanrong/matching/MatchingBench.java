package cn.chanrong.matching;

/**
 * What the matching benchmark measures: needs in bulk, the cold recomputation of eligibility, ranking
 * every open need, and ranking one need as the API does.
 */
public interface MatchingBench {

    /** Publishes one need for each of the first {@code count} enterprises without one (set-based, no events). */
    long generateNeeds(int count, long seed);

    /** Eligibility of every enterprise with an open need against every live product, from scratch. */
    Recompute recomputeEligibility();

    /** Ranks every open need against its precomputed list, reading the lists in chunks. */
    RankAll rankAll();

    /** Ids of open needs, for sampling. */
    java.util.List<Long> openNeeds(int limit);

    record Recompute(long enterprises, long products, long evaluations, long millis) {
    }

    record RankAll(long needs, long candidates, long ranked, long millis) {
    }
}
