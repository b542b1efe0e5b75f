package cn.chanrong.cli;

import cn.chanrong.demo.generator.EconomyGenerator;
import cn.chanrong.demo.generator.GenerationProgress;
import cn.chanrong.demo.generator.GeneratorSettings;
import cn.chanrong.warning.StressScenarios;
import cn.chanrong.warning.domain.Contagion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./chanrong bench contagion}: one default and one sector shock propagated over the generated economy, the rounds
 * in Java (edges read per round, firm sets in memory) beside the same rule as one recursive SQL query, in the same run.
 */
@Command(name = "contagion", mixinStandardHelpOptions = true,
        description = "Generate and load the economy up to the given count (supply chains four tiers deep, shared suppliers, "
                + "guarantees between firms), then propagate a core enterprise's default and a sector shock: the rounds in "
                + "Java against one recursive SQL query; prints both timings, the firms stressed and whether they agree.")
final class ContagionBenchCommand implements Callable<Integer> {
    @Option(names = "--enterprises", defaultValue = "1000000") int enterprises;
    @Option(names = "--seed", defaultValue = "" + GeneratorSettings.DEFAULT_SEED) long seed;
    @Option(names = "--sector", defaultValue = "C38", description = "Industry code shocked in the sector scenario") String sector;
    @Option(names = "--sector-shock", defaultValue = "0.3", description = "Share of revenue the sector's firms lose") double sectorShock;
    @Option(names = "--threshold", defaultValue = "0.1") double threshold;
    @Option(names = "--depth", defaultValue = "6") int depth;
    @Option(names = "--samples", defaultValue = "3", description = "Timed runs of each variant after one warm-up") int samples;
    @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (var ctx = ServiceBenchmarks.context(dataDir, springArgs)) {
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long have = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
            if (have < enterprises) {
                Path dir = Files.createTempDirectory("chanrong-contagion-");
                long t = System.nanoTime();
                var summary = EconomyGenerator.generate(new GeneratorSettings(enterprises, seed), dir, GenerationProgress.NONE);
                System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", summary.totalRows(), (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                ctx.getBean(cn.chanrong.enterprise.SyntheticRegistry.class).loadEconomy(dir,
                        m -> System.out.println("  loaded " + m));
                System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
                jdbc.sql("VACUUM ANALYZE").update();
            }
            long firms = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
            long links = jdbc.sql("SELECT count(*) FROM enterprise_relationship").query(Long.class).single();
            long guarantees = jdbc.sql("SELECT count(*) FROM enterprise_guarantee").query(Long.class).single();
            System.out.printf(Locale.ROOT, "graph: %,d enterprises, %,d supply relationships, %,d guarantees%n", firms, links,
                    guarantees);
            // the core with the most suppliers, and among ties the first: the default the chain feels most
            long core = jdbc.sql("""
                            SELECT customer_id FROM enterprise_relationship r
                             WHERE NOT EXISTS (SELECT 1 FROM enterprise_relationship s WHERE s.supplier_id = r.customer_id)
                             GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1""")
                    .query(Long.class).single();
            Map<Long, Double> sectorShocks = new LinkedHashMap<>();
            jdbc.sql("SELECT id FROM enterprise WHERE industry_code LIKE :p ORDER BY id").param("p", sector + "%")
                    .query(Long.class).list().forEach(id -> sectorShocks.put(id, sectorShock));
            var scenarios = ctx.getBean(StressScenarios.class);
            StringBuilder result = new StringBuilder("RESULT contagion enterprises=" + firms + " relationships=" + links
                    + " guarantees=" + guarantees);
            boolean agree = true;
            for (var scenario : List.of(Map.entry("default", Map.of(core, 1.0)), Map.entry("sector", sectorShocks))) {
                String name = scenario.getKey();
                Map<Long, Double> shocks = scenario.getValue();
                Contagion.Result java = null;
                Map<Long, Contagion.Hit> sql = null;
                long[] javaNanos = new long[samples];
                long[] sqlNanos = new long[samples];
                for (int i = -1; i < samples; i++) {
                    long t = System.nanoTime();
                    java = scenarios.propagate(shocks, threshold, depth);
                    if (i >= 0) {
                        javaNanos[i] = System.nanoTime() - t;
                    }
                    t = System.nanoTime();
                    sql = scenarios.propagateInSql(shocks, threshold, depth);
                    if (i >= 0) {
                        sqlNanos[i] = System.nanoTime() - t;
                    }
                }
                boolean same = java.hits().keySet().equals(sql.keySet());
                double worst = 0;
                int deepest = 0;
                for (var h : java.hits().values()) {
                    var s = sql.get(h.firm());
                    if (s == null || s.depth() != h.depth()) {
                        same = false;
                    } else {
                        worst = Math.max(worst, Math.abs(s.impact() - h.impact()));
                    }
                    deepest = Math.max(deepest, h.depth());
                }
                agree &= same && worst == 0;
                double javaMs = median(javaNanos) / 1e6;
                double sqlMs = median(sqlNanos) / 1e6;
                System.out.printf(Locale.ROOT, "%s: %,d shocked, %,d stressed (deepest %d steps, %d rounds, %,d edges read); "
                                + "rounds in Java %s; recursive SQL %s (%,d firms); agree %s%n", name, shocks.size(),
                        java.hits().size(), deepest, java.rounds(), java.edgesRead(), ServiceBenchmarks.percentiles(javaNanos),
                        ServiceBenchmarks.percentiles(sqlNanos), sql.size(), same && worst == 0);
                result.append(String.format(Locale.ROOT, " %s_shocked=%d %s_stressed=%d %s_depth=%d %s_java_ms=%.1f %s_sql_ms=%.1f"
                                + " %s_speedup=%.1f", name, shocks.size(), name, java.hits().size(), name, deepest, name, javaMs,
                        name, sqlMs, name, sqlMs / javaMs));
            }
            System.out.println(result.append(" agree=").append(agree));
            return agree ? 0 : 1;
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
