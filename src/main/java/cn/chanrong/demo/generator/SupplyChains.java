package cn.chanrong.demo.generator;

import cn.chanrong.enterprise.domain.SizeClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiered supply chains: every large enterprise is a core with tier-1 suppliers drawn among SMEs of
 * its upstream divisions; every tier-1 supplier then gets tier-2 suppliers among SMEs that are in no
 * chain yet, and so on down to tier 4. From tier 3 on, about one supplier slot in four goes to a firm
 * that already supplies another buyer of the same tier (shared suppliers, which link chains). Roles
 * make the graph a DAG of four levels (no self-loops, no duplicate pairs, no cycles: a supplier is
 * always one tier above its buyer). Annual volumes respect budgets: a supplier sells at most 85 % of
 * its revenue along chains, a buyer spends at most 65 % (core), 60 % (tier 1), 55 % (tier 2) or 50 %
 * (tier 3) of its revenue on chain suppliers (our assumptions). Suppliers of one buyer sometimes
 * guarantee each other's bank debt (联保, mutual guarantees among a core's suppliers): two neighbours
 * in a buyer's list in one case of eight, both ways in half of those, for 5 % to 30 % of the debtor's
 * revenue (our assumption).
 */
final class SupplyChains {

    static final byte NONE = 0;
    static final byte CORE = 1;
    static final byte TIER1 = 2;
    static final byte TIER2 = 3;
    static final byte TIER3 = 4;
    static final byte TIER4 = 5;

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
    /** Guarantor and debtor pairs written, so that none is written twice. */
    private final LongHashSet guaranteed = new LongHashSet(1024);

    private SupplyChains(int count) {
        role = new byte[count];
    }

    static SupplyChains build(Population p, CsvOut out, CsvOut guarantees) {
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
            link(p, chains, c, wanted, 65, upstream.get(divisionOfIndustry[p.industry[c]]), smes, sold, bought, rng, out, TIER1,
                    null, guarantees);
        }
        for (int t = 0; t < p.count; t++) {
            if (chains.role[t] != TIER1) {
                continue;
            }
            Rng rng = new Rng(p.seed, t, Rng.Stream.TIER2);
            int wanted = rng.between(0, 6);
            link(p, chains, t, wanted, 60, upstream.get(divisionOfIndustry[p.industry[t]]), smes, sold, bought, rng, out, TIER2,
                    null, guarantees);
        }
        // deeper tiers: each pass reads the roles the previous one wrote, so a tier is complete before the next starts
        byte[][] deeper = {{TIER2, TIER3, 0, 4, 55}, {TIER3, TIER4, 0, 3, 50}};
        for (byte[] d : deeper) {
            IntList shared = new IntList();
            for (int t = 0; t < p.count; t++) {
                if (chains.role[t] != d[0]) {
                    continue;
                }
                Rng rng = new Rng(p.seed, t, d[1] == TIER3 ? Rng.Stream.TIER3 : Rng.Stream.TIER4);
                int wanted = rng.between(d[2], d[3]);
                link(p, chains, t, wanted, d[4], upstream.get(divisionOfIndustry[p.industry[t]]), smes, sold, bought, rng, out,
                        d[1], shared, guarantees);
            }
        }
        return chains;
    }

    private static void link(Population p, SupplyChains chains, int buyer, int wanted, int buyPercent,
                             Weighted<Integer> sources, Buckets smes, long[] sold, long[] bought, Rng rng, CsvOut out,
                             byte supplierRole, IntList shared, CsvOut guarantees) {
        int[] chosen = new int[wanted];
        int n = 0;
        String buyerCode = null;
        Rng sharing = shared == null ? null : new Rng(p.seed, buyer, Rng.Stream.SHARED);
        for (int slot = 0; slot < wanted; slot++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int s = sharing != null && shared.size() > 0 && attempt == 0 && sharing.chance(0.25)
                        ? shared.get(sharing.between(0, shared.size() - 1))
                        : smes.draw(sources.sample(rng), rng);
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
                if (shared != null && chains.role[s] != supplierRole) {
                    shared.add(s);
                }
                chains.role[s] = supplierRole;
                chosen[n++] = s;
                if (buyerCode == null) {
                    buyerCode = p.creditCode(buyer);
                }
                out.text(p.creditCode(s)).text(buyerCode).money(volume).end();
                break;
            }
        }
        if (guarantees != null && n > 1) {
            Rng g = new Rng(p.seed, buyer, Rng.Stream.GUARANTEES);
            for (int k = 0; k + 1 < n; k++) {
                if (g.chance(0.125)) {
                    guarantee(p, chains, chosen[k], chosen[k + 1], g, guarantees);
                    if (g.chance(0.5)) {
                        guarantee(p, chains, chosen[k + 1], chosen[k], g, guarantees);
                    }
                }
            }
        }
    }

    /** One guarantee, unless the pair was written already (a firm shared by two buyers can meet the same neighbour). */
    private static void guarantee(Population p, SupplyChains chains, int guarantor, int debtor, Rng rng, CsvOut out) {
        long amount = Money.roundTo(Money.fen(p.revenue[debtor] / 100.0 * rng.uniform(0.05, 0.30)), 10_000 * Money.YUAN);
        if (amount >= MIN_VOLUME && chains.guaranteed.add(((long) guarantor << 32) | debtor)) {
            out.text(p.creditCode(guarantor)).text(p.creditCode(debtor)).money(amount).end();
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
