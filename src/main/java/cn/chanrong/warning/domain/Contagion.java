package cn.chanrong.warning.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How distress spreads through the supply-chain graph (docs/WARNING.md §3), pure. Every firm hit carries an
 * <em>impact</em>: the share of its revenue at risk, 1 for a firm that defaults. A firm at or above the threshold passes
 * its impact on along each edge to the firms that depend on it, multiplied by the edge's weight (the dependence, at
 * most 1); a firm's impact is the greatest product over the ways from a shocked firm in at most {@code maxDepth} steps,
 * its depth the fewest steps that reach it, its path the firms along that way (among equal ways the one with the
 * smaller ids, step by step). Since no weight exceeds 1 a detour never raises an impact, so the rounds below — each
 * extending the firms the last round improved by one step, from the values at the round's start — give exactly the
 * greatest product over paths of at most {@code maxDepth} steps; the recursive SQL in the benchmark computes the same.
 */
public final class Contagion {

    /** What ties the firm hit to the firm in distress (the weights are defined in docs/WARNING.md §3). */
    public enum Channel { SUPPLY, CLAIM, GUARANTEE, GROUP }

    /** Distress at {@code from} reaches {@code to} with this weight, through the channel that weighs most. */
    public record Edge(long from, long to, double weight, Channel channel) {
    }

    /** The edges leaving a set of firms, read in batches: one call per round. */
    @FunctionalInterface
    public interface Graph {
        List<Edge> from(long[] firms);
    }

    /** A firm reached: its impact, the steps from the shock, the path (shocked firm first) and the last edge's channel. */
    public record Hit(long firm, double impact, int depth, long[] path, Channel channel) {

        public long via() {
            return path.length > 1 ? path[path.length - 2] : firm;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hit h && h.firm == firm && Double.compare(h.impact, impact) == 0 && h.depth == depth
                    && Arrays.equals(h.path, path) && h.channel == channel;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(firm) * 31 + Double.hashCode(impact);
        }

        @Override
        public String toString() {
            return firm + "@" + impact + "/" + depth + Arrays.toString(path) + channel;
        }
    }

    /** The firms reached at or above the threshold and the shocked ones (by round, then id), the rounds run, edges read. */
    public record Result(Map<Long, Hit> hits, int rounds, int edgesRead) {

        public List<Hit> stressed() {
            return new ArrayList<>(hits.values());
        }
    }

    private Contagion() {
    }

    /**
     * Propagates {@code shocks} (firm → starting impact, each in (0, 1]) over {@code graph}. A shock below the
     * threshold is kept but passes nothing on.
     */
    public static Result propagate(Map<Long, Double> shocks, Graph graph, double threshold, int maxDepth) {
        if (!(threshold > 0 && threshold <= 1) || maxDepth < 0) {
            throw new IllegalArgumentException("threshold in (0, 1] and a depth of at least 0");
        }
        Map<Long, Hit> best = new LinkedHashMap<>();
        for (var s : shocks.entrySet()) {
            double impact = s.getValue();
            if (!(impact > 0 && impact <= 1)) {
                throw new IllegalArgumentException("a shock between 0 and 1: " + impact);
            }
            best.put(s.getKey(), new Hit(s.getKey(), impact, 0, new long[] {s.getKey()}, null));
        }
        Collection<Long> frontier = best.values().stream().filter(h -> h.impact >= threshold).map(Hit::firm).toList();
        int rounds = 0;
        int edgesRead = 0;
        while (!frontier.isEmpty() && rounds < maxDepth) {
            rounds++;
            long[] ids = frontier.stream().mapToLong(Long::longValue).sorted().toArray();
            List<Edge> edges = graph.from(ids);
            edgesRead += edges.size();
            Map<Long, Hit> improved = new TreeMap<>();
            for (Edge e : edges) {
                Hit u = best.get(e.from);
                if (u == null || u.impact < threshold || e.to == e.from) {
                    continue;
                }
                double impact = u.impact * e.weight;
                if (!(impact >= threshold)) {
                    continue;
                }
                Hit now = improved.get(e.to);
                Hit before = best.get(e.to);
                if (before != null && impact <= before.impact) {
                    continue;
                }
                long[] path = Arrays.copyOf(u.path, u.path.length + 1);
                path[u.path.length] = e.to;
                if (now == null || impact > now.impact || impact == now.impact && Arrays.compare(path, now.path) < 0) {
                    improved.put(e.to, new Hit(e.to, impact, rounds, path, e.channel));
                }
            }
            best.putAll(improved);
            frontier = improved.keySet();
        }
        Map<Long, Hit> stressed = new LinkedHashMap<>();
        for (Hit h : best.values()) {
            if (h.impact >= threshold || h.depth == 0) {
                stressed.put(h.firm, h);
            }
        }
        return new Result(stressed, rounds, edgesRead);
    }
}
