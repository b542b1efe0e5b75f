package cn.chanrong.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chanrong bench scf}: starts the platform with its demo on a free port and drives it over
 * loopback HTTP like its users: voucher splits and transfers from concurrent clients (each on its own
 * voucher, then all on one), with value conservation checked afterwards; then receivable financings
 * accepted one after another, each a registry check, a filing and a loan booked in one transaction.
 */
@Command(name = "scf", mixinStandardHelpOptions = true,
        description = "Voucher split/transfer throughput from concurrent clients over HTTP (conservation checked after), "
                + "and latency percentiles of receivable financing acceptance (check, file, book).")
final class ScfBenchCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "8") int clients;
    @Option(names = "--moves", defaultValue = "250", description = "Moves per client and phase") int moves;
    @Option(names = "--financings", defaultValue = "300") int financings;
    @Option(names = "--data-dir", description = "Data directory of the embedded database (default a fresh temporary one)")
    String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private HttpClient http;
    private String base;

    @Override
    public Integer call() throws Exception {
        String dir = dataDir != null ? dataDir
                : java.nio.file.Files.createTempDirectory("chanrong-bench-scf").toString();
        List<String> args = new ArrayList<>(springArgs);
        args.add("--server.port=0");
        args.add("--chanrong.data-dir=" + dir);
        args.add("--chanrong.statistics.auto-refresh=false");
        var app = new org.springframework.boot.SpringApplication(cn.chanrong.ChanrongApplication.class);
        app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off"));
        try (var ctx = app.run(args.toArray(String[]::new))) {
            int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) ctx).getWebServer().getPort();
            base = "http://127.0.0.1:" + port;
            http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients * 2)).build();
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long sme = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
            long core = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
            long bank = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();
            List<Long> others = jdbc.sql("SELECT id FROM enterprise WHERE id NOT IN (:a, :b) ORDER BY id LIMIT 50")
                    .param("a", sme).param("b", core).query(Long.class).list();
            var maturity = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today().plusMonths(5);
            var vouchers = ctx.getBean(cn.chanrong.scf.Vouchers.class);

            // the demo's histories load in the background: measure on a quiet platform
            for (int i = 0; i < 600; i++) {
                JsonNode p = call("admin", "GET", "/api/v1/demo/progress", null, 200);
                if (!"LOADING".equals(p.get("state").asString())) {
                    break;
                }
                Thread.sleep(500);
            }
            boolean ok = true;
            for (String phase : List.of("warm-up (not counted)", "own voucher per client", "one voucher shared by all clients")) {
                boolean shared = phase.startsWith("one");
                List<Long> roots = new ArrayList<>();
                for (int c = 0; c < (shared ? 1 : clients); c++) {
                    JsonNode v = call("core", "POST", "/api/v1/vouchers", "{\"supplierId\":" + sme
                            + ",\"faceValue\":\"10000000.00\",\"maturity\":\"" + maturity
                            + "\",\"tradeBackground\":\"bench contract " + c + "\"}", 201);
                    JsonNode detail = call("core", "GET", "/api/v1/vouchers/" + v.get("id").asLong(), null, 200);
                    roots.add(detail.get("parts").get(0).get("id").asLong());
                }
                ok &= moves(phase, shared, roots, others);
            }
            var imbalances = vouchers.conservation(null);
            long vouchersHeld = jdbc.sql("SELECT count(*) FROM scf_voucher").query(Long.class).single();
            long parts = jdbc.sql("SELECT count(*) FROM scf_voucher_part").query(Long.class).single();
            System.out.printf("conservation after the run: %d vouchers, %,d parts, %d imbalances%n", vouchersHeld, parts,
                    imbalances.size());
            ok &= imbalances.isEmpty();
            var today = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
            financings(sme, core, bank, today, Math.min(50, financings), false);
            ok &= financings(sme, core, bank, today, financings, true);
            return ok ? 0 : 1;
        }
    }

    /** Each move is a split of the client's live remainder or a transfer of 1.00 from it; both spend the part. */
    private boolean moves(String phase, boolean shared, List<Long> roots, List<Long> others) throws Exception {
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long[] latencies = new long[clients * moves];
        List<Long> remainders = new ArrayList<>(roots);
        roots.forEach(r -> amounts.put(r, new java.math.BigDecimal("10000000.00")));
        if (shared) {
            // one voucher: the supplier first cuts one piece per client, so every client spends its own line of parts
            List<String> pieces = new ArrayList<>();
            for (int c = 0; c < clients - 1; c++) {
                pieces.add("1000000.00");
            }
            pieces.add(String.format("%d.00", 10_000_000 - 1_000_000L * (clients - 1)));
            JsonNode cut = call("enterprise", "POST", "/api/v1/vouchers/parts/" + roots.get(0) + "/split",
                    "{\"amounts\":" + JSON.writeValueAsString(pieces) + "}", 200);
            remainders.clear();
            for (JsonNode p : cut) {
                remainders.add(p.get("id").asLong());
                amounts.put(p.get("id").asLong(), new java.math.BigDecimal(p.get("amount").asString()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long part = remainders.get(client);
                for (int m = 0; m < moves; m++) {
                    long t0 = System.nanoTime();
                    try {
                        if (m % 2 == 0) {
                            JsonNode pieces = call("enterprise", "POST", "/api/v1/vouchers/parts/" + part + "/split",
                                    "{\"amounts\":[\"0.50\",\"" + remainderAfter(part, "0.50") + "\"]}", 200);
                            part = pieces.get(1).get("id").asLong();
                            amounts.put(part, new java.math.BigDecimal(pieces.get(1).get("amount").asString()));
                        } else {
                            long to = others.get((client * moves + m) % others.size());
                            JsonNode t = call("enterprise", "POST", "/api/v1/vouchers/parts/" + part + "/transfer",
                                    "{\"toEnterpriseId\":" + to + ",\"amount\":\"1.00\",\"tradeBackground\":\"bench invoice "
                                            + client + "-" + m + "\"}", 200);
                            part = t.get("remainder").get("id").asLong();
                            amounts.put(part, new java.math.BigDecimal(t.get("remainder").get("amount").asString()));
                        }
                        done.incrementAndGet();
                    } catch (Conflict e) {
                        conflicts.incrementAndGet();
                    } catch (Exception e) {
                        if (failures.getAndIncrement() == 0) {
                            System.out.println("first failure: " + e.getMessage());
                        }
                    }
                    latencies[client * moves + m] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("voucher moves, %s: %,d splits and transfers from %d clients in %.1f s = %,.0f moves/s; %s; "
                        + "%d conflicts, %d failures%n", phase, done.get(), clients, seconds, done.get() / seconds,
                ServiceBenchmarks.percentiles(latencies), conflicts.get(), failures.get());
        return failures.get() == 0;
    }

    private final java.util.Map<Long, java.math.BigDecimal> amounts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The part's amount (tracked from the answers) less {@code piece}. */
    private String remainderAfter(long part, String piece) {
        return amounts.get(part).subtract(new java.math.BigDecimal(piece)).toPlainString();
    }

    /** Receivables uploaded, confirmed, offered (not timed); each acceptance timed end to end. */
    private boolean financings(long sme, long core, long bank, java.time.LocalDate today, int count, boolean report)
            throws Exception {
        long[] latencies = new long[count];
        long[] confirmations = new long[count];
        int failures = 0;
        var day = today.minusDays(1);
        for (int i = 0; i < count; i++) {
            JsonNode r = call("enterprise", "POST", "/api/v1/receivables", "{\"debtorId\":" + core
                    + ",\"amount\":\"10000.00\",\"deliveredOn\":\"" + day.minusYears(1) + "\",\"dueOn\":\""
                    + day.plusMonths(3) + "\"}", 201);
            long id = r.get("id").asLong();
            long c0 = System.nanoTime();
            call("core", "POST", "/api/v1/receivables/" + id + "/decision", "{\"decision\":\"CONFIRMED\"}", 200);
            confirmations[i] = System.nanoTime() - c0;
            JsonNode offers = call("enterprise", "POST", "/api/v1/receivables/" + id + "/financing-requests",
                    "{\"institutionIds\":[" + bank + "]}", 201);
            long offer = offers.get(0).get("id").asLong();
            call("bank", "POST", "/api/v1/receivable-offers/" + offer + "/offer",
                    "{\"advanceRate\":\"0.8\",\"discountRate\":\"3.5\",\"kind\":\"FACTORING\",\"riskObligor\":\"DEBTOR\"}", 200);
            long t0 = System.nanoTime();
            try {
                call("enterprise", "POST", "/api/v1/receivable-offers/" + offer + "/accept", "{}", 200);
            } catch (Exception e) {
                if (failures++ == 0) {
                    System.out.println("first failure: " + e.getMessage());
                }
            }
            latencies[i] = System.nanoTime() - t0;
        }
        if (!report) {
            return failures == 0;
        }
        System.out.printf("receivable financing accepted (registry check + filing + loan booked + notice), %,d in a row: %s; "
                + "%d failed%n", count, ServiceBenchmarks.percentiles(latencies), failures);
        System.out.printf("for comparison, the SM2-signed confirmation of the same receivables: %s%n",
                ServiceBenchmarks.percentiles(confirmations));
        return failures == 0;
    }

    /** A 409 answer: the part was spent by someone else first. */
    static final class Conflict extends RuntimeException {
        Conflict(String body) {
            super(body);
        }
    }

    private JsonNode call(String user, String method, String path, String body, int expected) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 409) {
            throw new Conflict(r.body());
        }
        if (r.statusCode() / 100 != expected / 100) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
