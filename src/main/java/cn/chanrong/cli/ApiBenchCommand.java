package cn.chanrong.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A mixed load over loopback HTTP against a running platform, as its users make it: 70 % reads — the
 * enterprise directory, a loan, the regulator's statistics report — and 30 % writes — a financing need,
 * a repayment of a loan due today, a consent asked and answered. Each request is timed; the run prints
 * throughput and latency per kind and overall.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Against a running platform: a mixed load (70 % reads: directory, loan, report; 30 % writes: need, repayment, consent answer) from T threads for S seconds; ends with RESULT api.")
final class ApiBenchCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080") String url;
    @Option(names = "--threads", defaultValue = "16") int threads;
    @Option(names = "--seconds", defaultValue = "30") int seconds;
    @Option(names = "--loans", defaultValue = "20000", description = "Synthetic loans due today, for the repayments") int loans;
    @Option(names = "--data-dir", description = "Data directory of the running platform's embedded database") String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

    /** The kinds of request and their share of the load, in per cent. */
    enum Kind {
        DIRECTORY(25), LOAN(25), REPORT(20), NEED(10), REPAYMENT(10), CONSENT(10);

        final int share;

        Kind(int share) {
            this.share = share;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        List<Long> ids;
        LocalDate day;
        long sme;
        try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            day = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
            var generated = ctx.getBean(cn.chanrong.lending.LoanBookGenerator.class).generate(loans, day,
                    day.minusMonths(1), 50_000, n -> { });
            ids = jdbc.sql("SELECT id FROM loan WHERE number LIKE :p ORDER BY id").param("p", generated.prefix() + "%")
                    .query(Long.class).list();
            sme = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
        }
        ConcurrentLinkedQueue<Long> due = new ConcurrentLinkedQueue<>(ids);
        int n = Kind.values().length;
        long[][] latencies = new long[n][];
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            latencies[k] = new long[500_000];
        }
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger[] perKind = new AtomicInteger[n];
        for (int k = 0; k < n; k++) {
            perKind[k] = new AtomicInteger();
        }
        String today = day.toString();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int seed = t;
            futures.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    Kind kind = pick(r.nextInt(100));
                    long t0 = System.nanoTime();
                    boolean ok = switch (kind) {
                        case DIRECTORY -> get("/api/v1/enterprises?size=20&page=" + r.nextInt(50), "bank");
                        case LOAN -> get("/api/v1/loans/" + ids.get(r.nextInt(ids.size())), "bank");
                        case REPORT -> get("/api/v1/statistics/dashboard", "regulator");
                        case NEED -> post("/api/v1/needs", "enterprise", "{\"amount\":\"" + (1_000_000 + r.nextInt(9_000_000))
                                + ".00\",\"termMonths\":24,\"purpose\":\"EQUIPMENT_RENEWAL\",\"collateral\":\"NONE\"}", null, 201);
                        case REPAYMENT -> {
                            Long id = due.poll();
                            yield id != null && post("/api/v1/loans/" + id + "/repayments", "bank",
                                    "{\"amount\":\"86250.00\",\"valueDate\":\"" + today + "\"}", "bench-api-" + id, 201);
                        }
                        case CONSENT -> consent(sme, today);
                    };
                    long took = System.nanoTime() - t0;
                    int i = perKind[kind.ordinal()].getAndIncrement();
                    if (i < latencies[kind.ordinal()].length) {
                        latencies[kind.ordinal()][i] = took;
                    }
                    if (!ok && failures.getAndIncrement() < 3) {
                        System.out.println("failed: " + kind);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        long total = 0;
        for (Kind k : Kind.values()) {
            int c = Math.min(perKind[k.ordinal()].get(), latencies[k.ordinal()].length);
            counts[k.ordinal()] = c;
            total += perKind[k.ordinal()].get();
            long[] l = Arrays.copyOf(latencies[k.ordinal()], c);
            Arrays.sort(l);
            for (long x : l) {
                all.add(x);
            }
            System.out.printf("  %-10s %,8d requests, %,7.0f/s, p50 %6.1f ms, p99 %6.1f ms%n", k, c, c / elapsed,
                    pct(l, 0.50), pct(l, 0.99));
        }
        long[] everything = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%,d requests from %d threads in %.1f s = %,.0f per second; p50 %.1f ms, p99 %.1f ms; %d failed%n",
                total, threads, elapsed, total / elapsed, pct(everything, 0.5), pct(everything, 0.99), failures.get());
        System.out.printf("RESULT api requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f threads=%d seconds=%.0f failed=%d%n",
                total / elapsed, pct(everything, 0.5), pct(everything, 0.99), threads, elapsed, failures.get());
        return failures.get() == 0 ? 0 : 1;
    }

    private static Kind pick(int roll) {
        int sum = 0;
        for (Kind k : Kind.values()) {
            sum += k.share;
            if (roll < sum) {
                return k;
            }
        }
        return Kind.DIRECTORY;
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    /** The bank asks the SME for its data before a loan, and the SME grants it. */
    private boolean consent(long sme, String today) {
        String asked = send("POST", "/api/v1/consents", "bank", "{\"enterpriseId\":" + sme
                + ",\"purpose\":\"PRE_LOAN\",\"periodFrom\":\"2024-01-01\",\"periodTo\":\"" + today + "\",\"expiresOn\":\""
                + LocalDate.parse(today).plusMonths(2) + "\"}", null, 201);
        if (asked == null) {
            return false;
        }
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(asked);
        return m.find() && send("POST", "/api/v1/consents/" + m.group(1) + "/grant", "enterprise", "{}", null, 200) != null;
    }

    private boolean get(String path, String user) {
        return send("GET", path, user, null, null, 200) != null;
    }

    private boolean post(String path, String user, String body, String key, int expected) {
        return send("POST", path, user, body, key, expected) != null;
    }

    /** The answer's body when the status is the expected one, else null. */
    private String send(String method, String path, String user, String body, String idempotencyKey, int expected) {
        try {
            var b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                            .getBytes(StandardCharsets.UTF_8)));
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == expected ? r.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
