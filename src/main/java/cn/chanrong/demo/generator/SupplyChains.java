package cn.chanrong.demo.generator;

import cn.chanrong.enterprise.domain.SizeClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiered supply chains: every large enterprise is a core with tier-1 suppliers drawn among SMEs of
 * its upstream divisions; every tier-1 supplier then gets tier-2 suppliers among SMEs that are in no
 * chain yet. Roles make the graph a two-level DAG (no self-loops, no duplicate pairs, no cycles).
 * Annual volumes respect budgets: a supplier sells at most 85 % of its revenue along chains, a buyer
 * spends at most 65 % (core) or 60 % (tier 1) of its revenue on chain suppliers (our assumptions).
 */
final class SupplyChains {

    static final byte NONE = 0;
    static final byte CORE = 1;
    static final byte TIER1 = 2;
    static final byte TIER2 = 3;

    /** Divisions a division buys from; the first (usually its own) weighs double. Our assumption. */
    private static final Map<String, List<String>> UPSTREAM = Map.ofEntries(
            Map.entry("C13", List.of("C13", "C22", "C29")), Map.entry("C14", List.of("C13", "C14", "C22", "C29")),
            Map.entry("C15", List.of("C13", "C15", "C22", "C30")), Map.entry("C17", List.of("C17", "C28", "C26")),
            Map.entry("C18", List.of("C17", "C18", "C28")), Map.entry("C19", List.of("C19", "C17", "C29", "C26")),
            Map.entry("C21", List.of("C20", "C21", "C33", "C29")), Map.entry("C22", List.of("C22", "C26")),
            Map.entry("C25", List.of("C25", "C26", "C34")), Map.entry("C26", List.of("C26", "C25", "C28", "C34")),
            Map.entry("C27", List.of("C26", "C27", "C22", "C29", "C35")), Map.entry("C28", List.of("C28", "C26")),
            Map.entry("C29", List.of("C29", "C26", "C28")), Map.entry("C30", List.of("C30", "C26", "C34")),
            Map.entry("C31", List.of("C31", "C30", "C34", "C33")), Map.entry("C32", List.of("C32", "C26", "C34")),
            Map.entry("C33", List.of("C33", "C31", "C32", "C34")), Map.entry("C34", List.of("C34", "C33", "C31", "C32", "C38", "C40")),
            Map.entry("C35", List.of("C34", "C33", "C38", "C40", "C39", "C35", "C32")),
            Map.entry("C36", List.of("C36", "C29", "C33", "C38", "C39", "C34", "C17", "C30")),
            Map.entry("C37", List.of("C34", "C33", "C38", "C39", "C40", "C32", "C37")),
            Map.entry("C38", List.of("C38", "C32", "C29", "C33", "C39", "C26")),
            Map.entry("C39", List.of("C39", "C38", "C26", "C29", "C30", "C32", "I65")),
            Map.entry("C40", List.of("C40", "C39", "C38", "C33", "I65")),
            Map.entry("I65", List.of("I65", "C39")));
    private static final List<String> DEFAULT_UPSTREAM = List.of("C33", "C29", "C22", "C34");

    private static final long MIN_VOLUME = 10_000 * Money.YUAN;

    final byte[] role;

    private SupplyChains(int count) {
        role = new byte[count];
    }

    static SupplyChains build(Population p, CsvOut out) {
        SupplyChains chains = new SupplyChains(p.count);
        Map<String, Integer> divisionIndex = new LinkedHashMap<>();
        int[] divisionOfIndustry = new int[p.industries.length];
        for (int k = 0; k < p.industries.length; k++) {
            divisionOfIndustry[k] = divisionIndex.computeIfAbsent(p.industries[k].division(), d -> divisionIndex.size());
        }
        Buckets smes = new Buckets(divisionIndex.size(), p.count, i -> divisionOfIndustry[p.industry[i]],
                i -> p.size(i) != SizeClass.LARGE);
        List<Weighted<Integer>> upstream = new ArrayList<>();
        for (String division : divisionIndex.keySet()) {
            Weighted.Builder<Integer> b = Weighted.builder();
            List<String> sources = UPSTREAM.getOrDefault(division, DEFAULT_UPSTREAM);
            for (int s = 0; s < sources.size(); s++) {
                Integer idx = divisionIndex.get(sources.get(s));
                if (idx != null) {
                    b.add(idx, s == 0 ? 2.0 : 1.0);
                }
            }
            b.add(divisionIndex.get(division), 0.5);
            upstream.add(b.build());
        }
        long[] sold = new long[p.count];
        long[] bought = new long[p.count];
        for (int c = 0; c < p.count; c++) {
            if (p.size(c) == SizeClass.LARGE) {
                chains.role[c] = CORE;
            }
        }
        for (int c = 0; c < p.count; c++) {
            if (chains.role[c] != CORE) {
                continue;
            }
            Rng rng = new Rng(p.seed, c, Rng.Stream.TIER1);
            int wanted = (int) StrictMath.round(rng.logUniform(5, 40));
            link(p, chains, c, wanted, 65, upstream.get(divisionOfIndustry[p.industry[c]]), smes, sold, bought, rng, out, TIER1);
        }
        for (int t = 0; t < p.count; t++) {
            if (chains.role[t] != TIER1) {
                continue;
            }
            Rng rng = new Rng(p.seed, t, Rng.Stream.TIER2);
            int wanted = rng.between(0, 6);
            link(p, chains, t, wanted, 60, upstream.get(divisionOfIndustry[p.industry[t]]), smes, sold, bought, rng, out, TIER2);
        }
        return chains;
    }

    private static void link(Population p, SupplyChains chains, int buyer, int wanted, int buyPercent,
                             Weighted<Integer> sources, Buckets smes, long[] sold, long[] bought, Rng rng, CsvOut out,
                             byte supplierRole) {
        int[] chosen = new int[wanted];
        int n = 0;
        String buyerCode = null;
        for (int slot = 0; slot < wanted; slot++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int s = smes.draw(sources.sample(rng), rng);
                if (s < 0 || s == buyer || !eligible(chains.role[s], supplierRole) || contains(chosen, n, s)) {
                    continue;
                }
                long sellable = p.revenue[s] * 85 / 100 - sold[s];
                long buyable = p.revenue[buyer] * buyPercent / 100 - bought[buyer];
                long want = Money.fen(p.revenue[s] / 100.0 * rng.uniform(0.05, 0.40));
                long volume = Money.roundTo(Math.min(want, Math.min(sellable, buyable)), Money.YUAN);
                if (volume < MIN_VOLUME) {
                    continue;
                }
                sold[s] += volume;
                bought[buyer] += volume;
                chains.role[s] = supplierRole;
                chosen[n++] = s;
                if (buyerCode == null) {
                    buyerCode = p.creditCode(buyer);
                }
                out.text(p.creditCode(s)).text(buyerCode).money(volume).end();
                break;
            }
        }
    }

    /** Tier-1 suppliers come from outside every chain or from other cores' tier 1; tier 2 from outside or tier 2. */
    private static boolean eligible(byte current, byte wanted) {
        return current == NONE || current == wanted;
    }

    private static boolean contains(int[] a, int n, int x) {
        for (int k = 0; k < n; k++) {
            if (a[k] == x) {
                return true;
            }
        }
        return false;
    }
}
