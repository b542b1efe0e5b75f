package cn.chanrong.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./chanrong bench matching}: eligibility recomputed cold, every need re-ranked, one need timed. */
@Command(name = "matching", mixinStandardHelpOptions = true,
        description = "Generate enterprises, institutions, products and one need per enterprise; recompute eligibility cold "
                + "(CEL evaluations per second); re-rank every need; time one need's matches as the API serves them.")
final class MatchingBenchCommand implements Callable<Integer> {
    @Option(names = "--enterprises", defaultValue = "100000") int enterprises;
    @Option(names = "--institutions", defaultValue = "120") int institutions;
    @Option(names = "--products", defaultValue = "2000") int products;
    @Option(names = "--samples", defaultValue = "1000", description = "Single-need rankings timed") int samples;
    @Option(names = "--seed", defaultValue = "11") long seed;
    @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        try (var ctx = ServiceBenchmarks.context(dataDir, springArgs)) {
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long t = System.nanoTime();
            ServiceBenchmarks.enterprises(ctx, enterprises, seed, n -> { });
            long productsHave = jdbc.sql("SELECT count(*) FROM product WHERE status = 'PUBLISHED'").query(Long.class).single();
            if (productsHave < products) {
                ctx.getBean(cn.chanrong.institution.SyntheticCatalogue.class).generate(institutions,
                        (int) (products - productsHave), seed);
            }
            var bench = ctx.getBean(cn.chanrong.matching.MatchingBench.class);
            bench.generateNeeds(enterprises, seed);
            System.out.printf("data ready in %.1f s: %,d enterprises, %,d live products, %,d open needs%n",
                    (System.nanoTime() - t) / 1e9, jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM product WHERE status = 'PUBLISHED'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM financing_need WHERE status = 'OPEN'").query(Long.class).single());
            var cold = bench.recomputeEligibility();
            System.out.printf("cold eligibility: %,d enterprises x %,d products, %,d CEL clause evaluations in %.1f s = %,.0f evaluations/s "
                            + "(rows written included)%n", cold.enterprises(), cold.products(), cold.evaluations(),
                    cold.millis() / 1e3, cold.evaluations() / (cold.millis() / 1e3));
            System.out.printf("eligible lists: %,.1f products per enterprise on average%n", jdbc.sql(
                    "SELECT avg(cardinality(eligible)) FROM need_eligibility").query(Double.class).single());
            for (int round = 0; round < 2; round++) {
                var all = bench.rankAll();
                System.out.printf("%s re-rank of every need: %,d needs, %,d candidates, %,d ranked in %.1f s = %,.0f needs/s%n",
                        round == 0 ? "warm-up" : "measured", all.needs(), all.candidates(), all.ranked(),
                        all.millis() / 1e3, all.needs() / (all.millis() / 1e3));
            }
            var needs = ctx.getBean(cn.chanrong.matching.Needs.class);
            var admin = cn.chanrong.identity.Caller.system("bench");
            List<Long> ids = bench.openNeeds(samples);
            for (int i = 0; i < Math.min(200, ids.size()); i++) {
                needs.matches(admin, ids.get(i), java.util.Locale.CHINA);
            }
            long[] nanos = new long[ids.size()];
            long eligibleSum = 0;
            for (int i = 0; i < ids.size(); i++) {
                long s0 = System.nanoTime();
                eligibleSum += needs.matches(admin, ids.get(i), java.util.Locale.CHINA).eligible().size();
                nanos[i] = System.nanoTime() - s0;
            }
            System.out.printf("one need ranked as GET /needs/{id}/matches serves it (read, rank, names), %,d needs, "
                    + "%.1f eligible each: %s%n", ids.size(), (double) eligibleSum / ids.size(), ServiceBenchmarks.percentiles(nanos));
            return 0;
        }
    }
}
