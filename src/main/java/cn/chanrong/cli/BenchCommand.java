package cn.chanrong.cli;

import cn.chanrong.institution.domain.EligibilityRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks: {@code ./chanrong bench eligibility} needs no database; {@code bench transfers} posts to the ledger. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: eligibility (no database), ledger transfers (on the platform's database).",
        subcommands = {BenchCommand.Eligibility.class, BenchCommand.Transfers.class, BenchCommand.EndOfDayBench.class,
                BenchCommand.Repayments.class, BenchCommand.RegistryBench.class, MatchingBenchCommand.class,
                StatisticsBenchCommand.class, ScfBenchCommand.class, StartupBenchCommand.class, ApiBenchCommand.class,
                MonitoringBenchCommand.class, ContagionBenchCommand.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "eligibility", mixinStandardHelpOptions = true,
            description = "Evaluate a three-clause product against generated enterprises; prints evaluations per second.")
    static final class Eligibility implements Callable<Integer> {
        @Option(names = "--enterprises", defaultValue = "20000") int enterprises;
        @Option(names = "--rounds", defaultValue = "5") int rounds;
        @Option(names = "--seed", defaultValue = "7") long seed;

        @Override
        public Integer call() {
            List<EligibilityRules.Compiled> clauses = List.of(
                    EligibilityRules.compile(1, "中小企业", "SME", "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']").clause(),
                    EligibilityRules.compile(2, "专精特新", "Specialised", "e.verifiedQualifications.exists(q, q in ['SPECIALISED_SME', 'LITTLE_GIANT'])").clause(),
                    EligibilityRules.compile(3, "营收", "Revenue", "e.annualRevenue >= 10000000 && e.ageYears >= 2").clause());
            SplittableRandom random = new SplittableRandom(seed);
            String[] sizes = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
            List<Map<String, Object>> facts = new ArrayList<>(enterprises);
            for (int i = 0; i < enterprises; i++) {
                Map<String, Object> m = new HashMap<>(EligibilityRules.SAMPLE);
                m.put("sizeClass", sizes[random.nextInt(sizes.length)]);
                m.put("annualRevenue", random.nextDouble(1e5, 1e9));
                m.put("ageYears", (long) random.nextInt(0, 30));
                m.put("qualifications", random.nextInt(4) == 0 ? List.of("SPECIALISED_SME") : List.of());
                facts.add(m);
            }
            long eligible = 0;
            for (int r = 0; r <= rounds; r++) {
                long start = System.nanoTime();
                long count = 0;
                for (Map<String, Object> f : facts) {
                    if (EligibilityRules.evaluate(clauses, f).stream().allMatch(EligibilityRules.ClauseResult::passed)) {
                        count++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                eligible = count;
                System.out.printf("%s round %d: %,d enterprise evaluations (3 clauses each) in %.3f s = %,.0f per second%n",
                        r == 0 ? "warm-up" : "measured", r, facts.size(), seconds, facts.size() / seconds);
            }
            System.out.printf("%,d of %,d enterprises eligible%n", eligible, facts.size());
            return 0;
        }
    }

    @Command(name = "transfers", mixinStandardHelpOptions = true,
            description = "Balanced two-line transfers on the ledger, durable: one transaction per transfer (the naive baseline) against batched posting, in the same run.")
    static final class Transfers implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "20000", description = "Transfers per variant") int count;
        @Option(names = "--batch", defaultValue = "1000", description = "Transfers per transaction when batched") int batch;
        @Option(names = "--clients", defaultValue = "1", description = "Concurrent posting clients for the batched variant") int clients;
        @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
                var ledger = ctx.getBean(cn.chanrong.ledger.Ledger.class);
                var tx = ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class);
                var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
                // a database without the demo has no institution yet: the benchmark books on one of its own
                long book = benchInstitutions(ctx, 1).getFirst();
                var day = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
                String run = Long.toString(System.currentTimeMillis(), 36);
                System.out.printf("ledger transfers on book %d, synchronous_commit %s%n", book,
                        jdbc.sql("SHOW synchronous_commit").query(String.class).single());
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    final int n = i;
                    tx.executeWithoutResult(s -> ledger.post(book, day, "基准转账 / bench transfer", "bench:" + run + ":naive:" + n,
                            lines(n), "bench"));
                }
                double naive = count / ((System.nanoTime() - start) / 1e9);
                System.out.printf("naive, one transaction per transfer: %,d transfers at %,.0f per second%n", count, naive);
                start = System.nanoTime();
                var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, clients));
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int from = 0; from < count; from += batch) {
                    final int first = from;
                    done.add(pool.submit(() -> {
                        List<cn.chanrong.ledger.Ledger.Draft> drafts = new ArrayList<>();
                        for (int i = first; i < Math.min(count, first + batch); i++) {
                            drafts.add(new cn.chanrong.ledger.Ledger.Draft("基准转账 / bench transfer", "bench:" + run + ":batch:" + i,
                                    lines(i)));
                        }
                        ledger.postAll(book, day, drafts, "bench");
                    }));
                }
                for (var f : done) {
                    try {
                        f.get();
                    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }
                pool.shutdown();
                double batched = count / ((System.nanoTime() - start) / 1e9);
                System.out.printf("batched, %,d per transaction, %d client(s): %,d transfers at %,.0f per second (%.1fx)%n", batch,
                        clients, count, batched, batched / naive);
                var check = ledger.check();
                System.out.printf("ledger check: %s%n", check.sound() ? "sound" : check.problems());
                return check.sound() ? 0 : 1;
            }
        }

        private static List<cn.chanrong.ledger.domain.EntryLine> lines(int i) {
            var amount = java.math.BigDecimal.valueOf(1000 + i % 9000, 2);
            return List.of(cn.chanrong.ledger.domain.EntryLine.debit("2002", amount, null),
                    cn.chanrong.ledger.domain.EntryLine.credit("2002", amount, null));
        }
    }

    @Command(name = "eod", mixinStandardHelpOptions = true,
            description = "Generate synthetic performing loans (accrued to yesterday), then run end of day for the business date with progress; prints loans per second.")
    static final class EndOfDayBench implements Callable<Integer> {
        @Option(names = "--loans", defaultValue = "100000", description = "Synthetic loans to add before the run") int loans;
        @Option(names = "--overdue-percent", defaultValue = "5", description = "Share of the loans with an installment 10 days past due") int overduePercent;
        @Option(names = "--generate-only", description = "Generate the book and stop (to copy the data directory for a baseline run)") boolean generateOnly;
        @Option(names = "--baseline-loans-per-s", description = "A baseline's throughput on a copy of the same book, printed beside this run's") Double baseline;
        @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
                var day = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
                long start = System.nanoTime();
                // a fresh data directory has no lender and no borrowers yet: the benchmark brings its own
                benchInstitutions(ctx, 1);
                benchEnterprises(ctx, Math.max(1_000, loans / 20));
                var generator = ctx.getBean(cn.chanrong.lending.LoanBookGenerator.class);
                int overdue = (int) ((long) loans * overduePercent / 100);
                generator.generate(loans - overdue, day, 50_000, n -> System.out.printf("  generated %,d performing loans%n", n));
                if (overdue > 0) {
                    generator.generate(overdue, day, day.minusDays(40), 50_000,
                            n -> System.out.printf("  generated %,d loans 10 days past due%n", n));
                }
                long active = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SELECT count(*) FROM loan WHERE status = 'ACTIVE'").query(Long.class).single();
                System.out.printf("generated %,d loans in %.1f s; %,d active loans in the book%n", loans,
                        (System.nanoTime() - start) / 1e9, active);
                if (generateOnly) {
                    return 0;
                }
                var eod = ctx.getBean(cn.chanrong.lending.EndOfDay.class);
                long doneBefore = eod.status(day).map(cn.chanrong.lending.EndOfDay.Run::loansDone).orElse(0L);
                long started = System.nanoTime();
                long[] last = {started};
                // the first and the last tenth of the run, to see whether it slows as it goes
                long[] tenth = {0, 0, 0};
                long[] printed = {started};
                var run = eod.run(day, r -> {
                    long now = System.nanoTime();
                    long done = r.loansDone() - doneBefore;
                    long total = r.loansTotal() - doneBefore;
                    if (tenth[0] == 0 && done * 10 >= total) {
                        tenth[0] = now;
                        tenth[1] = done;
                    }
                    if (tenth[2] == 0 && done * 10 >= total * 9) {
                        tenth[2] = now;
                        tenth[1] = tenth[1] == 0 ? done : tenth[1];
                        last[0] = done;
                    }
                    if (done == total || now - printed[0] > 5_000_000_000L) {
                        printed[0] = now;
                        System.out.printf("  end of day %s: %,d of %,d loans, %.0f loans/s%n", r.businessDate(),
                                done, total, done / ((now - started) / 1e9));
                    }
                });
                long finished = System.nanoTime();
                double seconds = (finished - started) / 1e9;
                long done = run.loansDone() - doneBefore;
                System.out.printf("end of day %s: %,d loans of %,d borrowers in %.1f s = %,.0f loans/s%n", day, done,
                        run.borrowers(), seconds, done / seconds);
                double first = tenth[0] == 0 ? 0 : tenth[1] / ((tenth[0] - started) / 1e9);
                double lastTenth = tenth[2] == 0 || finished == tenth[2] ? 0 : (done - last[0]) / ((finished - tenth[2]) / 1e9);
                long checkStart = System.nanoTime();
                var check = ctx.getBean(cn.chanrong.ledger.Ledger.class).check();
                System.out.printf("ledger check in %.1f s: %s%n", (System.nanoTime() - checkStart) / 1e9,
                        check.sound() ? "sound" : check.problems().subList(0, Math.min(5, check.problems().size())));
                System.out.printf("RESULT eod loans=%d seconds=%.1f loans_per_s=%.0f first_chunk_per_s=%.0f last_chunk_per_s=%.0f"
                                + " baseline_loans_per_s=%s ledger=%s%n", done, seconds, done / seconds, first, lastTenth,
                        baseline == null ? "-" : String.format("%.0f", baseline), check.sound() ? "sound" : "unsound");
                return check.sound() ? 0 : 1;
            }
        }
    }

    @Command(name = "repayments", mixinStandardHelpOptions = true,
            description = "Against a running platform: adds synthetic loans with an installment due today, then repays each through the HTTP API from several threads; prints throughput and latency percentiles.")
    static final class Repayments implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://localhost:8080") String url;
        @Option(names = "--loans", defaultValue = "10000", description = "Synthetic loans due today, the warm-up included") int loans;
        @Option(names = "--threads", defaultValue = "8") int threads;
        @Option(names = "--warmup", defaultValue = "4000", description = "Repayments made first and not counted, so that the platform's code is compiled") int warmup;
        @Option(names = "--user", defaultValue = "bank") String user;
        @Option(names = "--password", defaultValue = "demo") String password;
        @Option(names = "--data-dir", description = "Data directory of the running platform's embedded database") String dataDir;
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<Long> ids;
            java.time.LocalDate day;
            try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
                day = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
                var generated = ctx.getBean(cn.chanrong.lending.LoanBookGenerator.class).generate(loans, day,
                        day.minusMonths(1), 50_000, n -> { });
                ids = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SELECT id FROM loan WHERE number LIKE :p ORDER BY id").param("p", generated.prefix() + "%")
                        .query(Long.class).list();
            }
            var http = java.net.http.HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(threads)).build();
            String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String body = "{\"amount\":\"86250.00\",\"valueDate\":\"" + day + "\"}";
            int warm = Math.min(warmup, ids.size() / 2);
            if (warm > 0) {
                System.out.printf("warming up: %,d repayments (not counted)%n", warm);
                repay(http, auth, body, ids.subList(0, warm), new long[warm], new java.util.concurrent.atomic.AtomicInteger());
            }
            List<Long> timed = ids.subList(warm, ids.size());
            long[] latencies = new long[timed.size()];
            java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("repaying %,d loans from %d threads%n", timed.size(), threads);
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            repay(http, auth, body, timed, latencies, failures);
            double seconds = (System.nanoTime() - start) / 1e9;
            // the load generator's own share of the machine, which the platform and its database did not get
            double clientShare = (os.getProcessCpuTime() - cpu0) / 1e9 / seconds / Runtime.getRuntime().availableProcessors();
            java.util.Arrays.sort(latencies);
            double p50 = latencies[latencies.length / 2] / 1e6;
            double p99 = latencies[(int) (latencies.length * 0.99)] / 1e6;
            System.out.printf("%,d repayments from %d threads in %.1f s = %,.0f per second; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed%n",
                    timed.size(), threads, seconds, timed.size() / seconds, p50, p99,
                    latencies[latencies.length - 1] / 1e6, failures.get());
            System.out.printf("RESULT repayments repayments_per_s=%.0f p50_ms=%.1f p99_ms=%.1f threads=%d repayments=%d"
                            + " warmup=%d client_cpu_share=%.2f failed=%d%n", timed.size() / seconds, p50, p99, threads,
                    timed.size(), warm, clientShare, failures.get());
            return failures.get() == 0 ? 0 : 1;
        }

        /** Repays each loan once through the API from {@code threads} threads, recording each call's latency. */
        private void repay(java.net.http.HttpClient http, String auth, String body, List<Long> ids, long[] latencies,
                           java.util.concurrent.atomic.AtomicInteger failures) throws Exception {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/loans/" + ids.get(i)
                                        + "/repayments")).header("Authorization", auth).header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-" + ids.get(i))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            var r = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 201 && failures.getAndIncrement() == 0) {
                                System.out.println("first failure: " + r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            pool.shutdown();
        }
    }

    /**
     * The first {@code n} institutions by id, registering benchmark banks through the institution module
     * when the database (one without the demo) has fewer.
     */
    static List<Long> benchInstitutions(org.springframework.context.ApplicationContext ctx, int n) {
        var institutions = ctx.getBean(cn.chanrong.institution.Institutions.class);
        var caller = cn.chanrong.identity.Caller.system("bench");
        List<Long> ids = new ArrayList<>(institutions.list().stream().map(cn.chanrong.institution.Institution::id)
                .sorted().limit(n).toList());
        for (int i = ids.size(); i < n; i++) {
            ids.add(institutions.register(caller, cn.chanrong.demo.DemoCodes.enterprise("350100", 99_000 + i),
                    "基准测试银行" + (i + 1), "Benchmark Bank " + (i + 1),
                    cn.chanrong.institution.InstitutionType.CITY_COMMERCIAL_BANK).id());
        }
        return ids;
    }

    /** Registers synthetic enterprises when the database has fewer than {@code n}. */
    static void benchEnterprises(org.springframework.context.ConfigurableApplicationContext ctx, int n) {
        var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long have = jdbc.sql("SELECT count(*) FROM enterprise_party_view").query(Long.class).single();
        if (have < n) {
            ctx.getBean(cn.chanrong.enterprise.SyntheticRegistry.class).generate((int) (n - have), 26,
                    k -> System.out.printf("  registered %,d enterprises%n", k));
        }
    }

    @Command(name = "registry", mixinStandardHelpOptions = true,
            description = "Generate synthetic filings, then time the check (one identifier, blanket) and concurrent filings; checks that every contested asset's filings are registered in strict order.")
    static final class RegistryBench implements Callable<Integer> {
        @Option(names = "--filings", defaultValue = "1000000") int filings;
        @Option(names = "--targets", defaultValue = "1000") int targets;
        @Option(names = "--checks", defaultValue = "2000") int checks;
        @Option(names = "--clients", defaultValue = "8") int clients;
        @Option(names = "--per-client", defaultValue = "250") int perClient;
        @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
                var registry = ctx.getBean(cn.chanrong.registry.CollateralRegistry.class);
                var tx = ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class);
                var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
                // two secured parties; a database without the demo gets benchmark institutions of its own
                List<Long> parties = benchInstitutions(ctx, 2);
                long start = System.nanoTime();
                var t = ctx.getBean(cn.chanrong.registry.FilingGenerator.class).generate(filings, targets, 1_000_000,
                        n -> System.out.printf("  generated %,d filings%n", n));
                long total = jdbc.sql("SELECT count(*) FROM registry_filing").query(Long.class).single();
                System.out.printf("generated %,d filings in %.1f s; %,d filings in the register%n", filings,
                        (System.nanoTime() - start) / 1e9, total);
                // a register in service has settled tables: vacuum and statistics after the bulk load, so that
                // the checks below do not meet autovacuum working through the million rows just written
                long settle = System.nanoTime();
                jdbc.sql("VACUUM (ANALYZE) registry_filing").update();
                jdbc.sql("VACUUM (ANALYZE) registry_identifier").update();
                System.out.printf("vacuumed and analysed in %.1f s%n", (System.nanoTime() - settle) / 1e9);
                SplittableRandom random = new SplittableRandom(7);
                long[] one = new long[checks];
                long[] blanket = new long[checks];
                for (int i = 0; i < checks; i++) {
                    int k = random.nextInt(t.grantors().size());
                    var req = new cn.chanrong.registry.CollateralRegistry.Request(t.grantors().get(k), "RECEIVABLES_PLEDGE",
                            "check", List.of(t.identifiers().get(k)), null, null);
                    long t0 = System.nanoTime();
                    int found = tx.execute(s -> registry.check(parties.get(parties.size() - 1), req).size());
                    one[i] = System.nanoTime() - t0;
                    if (found != 1) {
                        System.out.println("unexpected: " + found + " conflicts for " + req);
                        return 1;
                    }
                    var b = new cn.chanrong.registry.CollateralRegistry.Request(t.grantors().get(k), "EQUIPMENT", "check",
                            List.of(), "全部设备 / all equipment", null);
                    t0 = System.nanoTime();
                    tx.execute(s -> registry.check(parties.get(0), b));
                    blanket[i] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(one);
                java.util.Arrays.sort(blanket);
                System.out.printf("check, one identifier: p50 %.2f ms, p99 %.2f ms; blanket scope: p50 %.2f ms, p99 %.2f ms (%,d each)%n",
                        one[checks / 2] / 1e6, one[(int) (checks * 0.99)] / 1e6, blanket[checks / 2] / 1e6,
                        blanket[(int) (checks * 0.99)] / 1e6, checks);

                String run = Long.toString(System.nanoTime(), 36).toUpperCase();
                String contested = t.grantors().get(0);
                var ok = new java.util.concurrent.atomic.AtomicInteger();
                var refused = new java.util.concurrent.atomic.AtomicInteger();
                var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    final int client = c;
                    futures.add(pool.submit(() -> {
                        SplittableRandom r = new SplittableRandom(client);
                        for (int i = 0; i < perClient; i++) {
                            boolean shared = i % 2 == 0;
                            String grantor = shared ? contested : t.grantors().get(r.nextInt(t.grantors().size()));
                            String id = shared ? "C-" + run + "-" + (i / 2) : "F-" + run + "-" + client + "-" + i;
                            try {
                                registry.file(parties.get(client % parties.size()), new cn.chanrong.registry.CollateralRegistry.Request(
                                        grantor, "RECEIVABLES_PLEDGE", "并发基准 / concurrent bench", List.of(id), null, 12),
                                        "bench-client");
                                ok.incrementAndGet();
                            } catch (RuntimeException e) {
                                // the register refuses no valid filing: anything thrown here is a failure
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (var f : futures) {
                    f.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d clients: %,d filings and %,d failures in %.1f s = %,.0f filing attempts per second%n",
                        clients, ok.get(), refused.get(), seconds, (ok.get() + refused.get()) / seconds);
                // every contested identifier: its filings' registration times strictly in sequence order
                long outOfOrder = jdbc.sql("""
                                SELECT count(*) FROM (
                                  SELECT f.registered_at, lag(f.registered_at) OVER (PARTITION BY i.identifier ORDER BY f.seq) AS before
                                  FROM registry_identifier i JOIN registry_filing f ON f.id = i.filing_id
                                  WHERE i.identifier LIKE :p) x
                                WHERE x.before IS NOT NULL AND x.registered_at <= x.before""")
                        .param("p", "C-" + run + "-%").query(Long.class).single();
                long ranked = jdbc.sql("""
                                SELECT count(*) FROM (SELECT i.identifier FROM registry_identifier i
                                  JOIN registry_filing f ON f.id = i.filing_id
                                  WHERE i.identifier LIKE :p GROUP BY 1 HAVING count(DISTINCT f.secured_party) > 1) x""")
                        .param("p", "C-" + run + "-%").query(Long.class).single();
                long contestedHeld = jdbc.sql("SELECT count(DISTINCT identifier) FROM registry_identifier WHERE identifier LIKE :p")
                        .param("p", "C-" + run + "-%").query(Long.class).single();
                System.out.printf("ordering invariant: %d contested identifiers, %d of them with a second secured party ranked"
                        + " behind the first; %d filings out of registration order%n", contestedHeld, ranked, outOfOrder);
                // a factored receivable is owned by its factor: no other financing of it may be accepted (Civil Code 768;
                // the financing side refuses a second factoring and a pledge of a factored receivable outright)
                long secondFactorings = jdbc.sql("""
                        SELECT count(*) FROM (SELECT receivable_id FROM scf_financing_offer WHERE status = 'ACCEPTED'
                          GROUP BY 1 HAVING count(*) > 1 AND bool_or(kind = 'FACTORING')) x""").query(Long.class).single();
                System.out.printf("ownership invariant: %d factored receivables with a second financing accepted%n", secondFactorings);
                System.out.printf("RESULT registry filings_per_s=%.0f check_p50_ms=%.2f check_p99_ms=%.2f blanket_p99_ms=%.2f"
                                + " failed=%d out_of_order=%d ranked_behind=%d second_factorings=%d%n", ok.get() / seconds,
                        one[checks / 2] / 1e6, one[(int) (checks * 0.99)] / 1e6, blanket[(int) (checks * 0.99)] / 1e6,
                        refused.get(), outOfOrder, ranked, secondFactorings);
                return outOfOrder == 0 && refused.get() == 0 && secondFactorings == 0 ? 0 : 1;
            }
        }
    }
}
