package cn.chanrong.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./chanrong bench statistics}: the supervision dashboards over a million enterprises and loans. */
@Command(name = "statistics", mixinStandardHelpOptions = true,
        description = "Generate enterprises and loans up to the given counts; rebuild the aggregates (how long freshness costs); "
                + "time the regulator dashboard and the public overview.")
final class StatisticsBenchCommand implements Callable<Integer> {
    @Option(names = "--enterprises", defaultValue = "1000000") int enterprises;
    @Option(names = "--loans", defaultValue = "1000000") int loans;
    @Option(names = "--samples", defaultValue = "200") int samples;
    @Option(names = "--rebuilds", defaultValue = "2", description = "Rebuilds of the aggregates timed") int rebuilds;
    @Option(names = "--seed", defaultValue = "13") long seed;
    @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        try (var ctx = ServiceBenchmarks.context(dataDir, springArgs)) {
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            var day = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
            long t = System.nanoTime();
            ServiceBenchmarks.enterprises(ctx, enterprises, seed, n -> System.out.printf("  %,d enterprises%n", n));
            if (jdbc.sql("SELECT count(*) FROM institution").query(Long.class).single() == 0) {
                ctx.getBean(cn.chanrong.institution.SyntheticCatalogue.class).generate(40, 200, seed);
            }
            long haveLoans = jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single();
            if (haveLoans < loans) {
                int todo = (int) (loans - haveLoans);
                var gen = ctx.getBean(cn.chanrong.lending.LoanBookGenerator.class);
                // spread over the past two years so the monthly series and the year-ago balance have something to read
                for (int m = 0; m < 12; m++) {
                    int n = todo / 12 + (m < todo % 12 ? 1 : 0);
                    gen.generate(n, day, day.minusMonths(2L * m + 1), 50_000, x -> { });
                    System.out.printf("  %,d loans disbursed %s%n", n, day.minusMonths(2L * m + 1));
                }
            }
            System.out.printf("data ready in %.1f s: %,d enterprises, %,d loans, %,d principal movements%n",
                    (System.nanoTime() - t) / 1e9, jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM loan_transaction").query(Long.class).single());
            jdbc.sql("VACUUM ANALYZE").update();
            var supervision = ctx.getBean(cn.chanrong.statistics.Supervision.class);
            var admin = cn.chanrong.identity.Caller.system("bench");
            for (int r = 0; r < rebuilds; r++) {
                long ms = supervision.refresh(admin);
                System.out.printf("%s rebuild of the aggregates: %.1f s (%,d rows)%n", r == 0 ? "first" : "second", ms / 1e3,
                        jdbc.sql("SELECT count(*) FROM stat_figure").query(Long.class).single());
            }
            var regional = new cn.chanrong.identity.Caller("bench-gd", cn.chanrong.identity.Role.REGULATOR, null, null,
                    "MIIT", "440000", java.util.Set.of());
            for (String which : List.of("national dashboard", "provincial dashboard (Guangdong)", "public overview")) {
                java.util.function.Supplier<Object> call = switch (which) {
                    case "national dashboard" -> () -> supervision.dashboard(admin, java.util.Locale.CHINA);
                    case "public overview" -> () -> supervision.publicOverview(java.util.Locale.CHINA);
                    default -> () -> supervision.dashboard(regional, java.util.Locale.CHINA);
                };
                for (int i = 0; i < 20; i++) {
                    call.get();
                }
                long[] nanos = new long[samples];
                for (int i = 0; i < samples; i++) {
                    long s0 = System.nanoTime();
                    call.get();
                    nanos[i] = System.nanoTime() - s0;
                }
                System.out.printf("%s, %,d calls: %s%n", which, samples, ServiceBenchmarks.percentiles(nanos));
            }
            long s0 = System.nanoTime();
            String direct = jdbc.sql("""
                            SELECT count(DISTINCT l.borrower_id) || ' beneficiaries, ' || sum(l.principal) || ' disbursed'
                            FROM loan l WHERE l.disbursed_on >= date_trunc('year', CAST(:d AS date))""")
                    .param("d", day).query(String.class).single();
            System.out.printf("baseline: one headline pair computed straight from the loan table: %.0f ms (%s)%n",
                    (System.nanoTime() - s0) / 1e6, direct);
            return 0;
        }
    }
}
