package cn.chanrong.cli;

import cn.chanrong.cli.MonitoringStream.Item;
import cn.chanrong.cli.MonitoringStream.Planted;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.monitoring.domain.Detector;
import cn.chanrong.monitoring.domain.FanOut;
import cn.chanrong.monitoring.domain.HiddenRefinancing;
import cn.chanrong.monitoring.domain.InMemoryHistory;
import cn.chanrong.monitoring.domain.ProhibitedUse;
import cn.chanrong.monitoring.domain.RoundTrip;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./chanrong bench monitoring} (issue 18 §7): the detection core on a generated stream in memory — events per
 * second on one thread and each event's latency — then the same kind of stream, smaller, through the service path
 * the REST API takes into the database, and the baseline the issue names beside both.
 */
@Command(name = "monitoring", mixinStandardHelpOptions = true,
        description = {"Fund-usage detection on a generated stream of payments on borrowers' accounts: the Detector over "
                + "the in-memory history (events/s on one thread, latency per event), then reports through the monitoring "
                + "service into the database (events/s), checked against what the detector finds in memory on the same events.",
                "--persisted-events 0 skips the database part (no Spring context is started)."})
final class MonitoringBenchCommand implements Callable<Integer> {

    /** The baseline issue 18 names: Tazama, about 2,500 transactions a second on about 30 cloud VMs. */
    static final int TAZAMA_TPS = 2_500;
    static final int TAZAMA_VMS = 30;

    @Option(names = "--events", defaultValue = "2000000", description = "Payment events in memory (default ${DEFAULT-VALUE})")
    int events;
    @Option(names = "--accounts", defaultValue = "100000", description = "Borrowers' accounts (default ${DEFAULT-VALUE})")
    int accounts;
    @Option(names = "--days", defaultValue = "60", description = "Days the stream covers (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--loan-share", defaultValue = "0.01", description = "Loans paid out per payment event (default ${DEFAULT-VALUE})")
    double loanShare;
    @Option(names = "--prohibited-share", defaultValue = "0.005",
            description = "Of the payments out made with a loan's money, those to a prohibited payee (default ${DEFAULT-VALUE})")
    double prohibitedShare;
    @Option(names = "--round-trip-share", defaultValue = "0.005",
            description = "Of the payments out made with a loan's money, those that come back (default ${DEFAULT-VALUE})")
    double roundTripShare;
    @Option(names = "--fan-out-share", defaultValue = "0.05",
            description = "Of the loans paid out, those scattered to six parties at once (default ${DEFAULT-VALUE})")
    double fanOutShare;
    @Option(names = "--ring", defaultValue = "32", description = "Payments out the in-memory history keeps per account (default ${DEFAULT-VALUE})")
    int ring;
    @Option(names = "--persisted-events", defaultValue = "20000",
            description = "Payment events through the service into the database; 0 skips it (default ${DEFAULT-VALUE})")
    int persistedEvents;
    @Option(names = "--persisted-accounts", defaultValue = "500", description = "Borrowers for the database part (default ${DEFAULT-VALUE})")
    int persistedAccounts;
    @Option(names = "--persisted-days", defaultValue = "20", description = "Days the database part covers, up to today (default ${DEFAULT-VALUE})")
    int persistedDays;
    @Option(names = "--persisted-warmup", defaultValue = "5000",
            description = "Of the database part's events, those reported first and not timed, while the JIT compiles (default ${DEFAULT-VALUE})")
    int persistedWarmup;
    @Option(names = "--report-size", defaultValue = "1000", description = "Events per report (the API takes up to 5,000; default ${DEFAULT-VALUE})")
    int reportSize;
    @Option(names = "--sql-events", defaultValue = "20000",
            description = "Payment events through the same detections as SQL per event on PostgreSQL; 0 skips it (default ${DEFAULT-VALUE})")
    int sqlEvents;
    @Option(names = "--kafka", description = "A Kafka broker (host:port, e.g. from ./bench/broker): the stream end to end through it")
    String kafka;
    @Option(names = "--kafka-events", defaultValue = "500000", description = "Payment events through Kafka (default ${DEFAULT-VALUE})")
    int kafkaEvents;
    @Option(names = "--kafka-partitions", defaultValue = "3", description = "Partitions of the bench's topic (default ${DEFAULT-VALUE})")
    int kafkaPartitions;
    @Option(names = "--seed", defaultValue = "18") long seed;
    @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();
    @Spec CommandSpec spec;

    /** Findings per rule. */
    record Found(long prohibitedUse, long roundTrip, long fanOut, long hiddenRefinancing) {

        Found(long prohibitedUse, long roundTrip, long fanOut) {
            this(prohibitedUse, roundTrip, fanOut, 0);
        }

        long total() {
            return prohibitedUse + roundTrip + fanOut + hiddenRefinancing;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %,d, %s %,d, %s %,d, %s %,d", ProhibitedUse.RULE, prohibitedUse, RoundTrip.RULE,
                    roundTrip, FanOut.RULE, fanOut, HiddenRefinancing.RULE, hiddenRefinancing);
        }
    }

    /** Counts findings per rule as a replay meets them (no allocation per finding). */
    static final class Tally {
        private long prohibitedUse;
        private long roundTrip;
        private long fanOut;
        private long hiddenRefinancing;

        void add(List<Detector.Finding> found) {
            for (int f = 0, m = found.size(); f < m; f++) {
                switch (found.get(f).rule()) {
                    case ProhibitedUse.RULE -> prohibitedUse++;
                    case RoundTrip.RULE -> roundTrip++;
                    case FanOut.RULE -> fanOut++;
                    case HiddenRefinancing.RULE -> hiddenRefinancing++;
                    default -> throw new IllegalStateException(found.get(f).rule());
                }
            }
        }

        Found found() {
            return new Found(prohibitedUse, roundTrip, fanOut, hiddenRefinancing);
        }
    }

    /** A replay: what was found, in how long, and each event's latency when timed one by one (else null). */
    record Replay(Found found, long nanos, long[] latencies) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (persistedEvents > 0 && persistedDays < 2) {
            // the loans are paid out before the business date: the loan book accrues them to the day before it
            spec.commandLine().getErr().println("--persisted-days must be 2 or more");
            return 2;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        var shape = new MonitoringStream.Shape(accounts, events, days, loanShare, prohibitedShare, roundTripShare,
                fanOutShare, false, 0, seed);
        long t0 = System.nanoTime();
        var stream = MonitoringStream.generate(shape, Detector.day(LocalDate.of(2026, 1, 1)));
        out.printf(Locale.ROOT, "stream: %,d payment events and %,d loans paid out on %,d borrowers' accounts over %d days, "
                        + "generated in %.1f s; planted: %s%n", stream.events(), stream.loans(), accounts, days,
                (System.nanoTime() - t0) / 1e9, planted(stream.planted()));
        out.flush();
        // the first pass compiles the detector; the second is timed as a whole; the third event by event
        replay(stream, ring, false);
        Replay whole = replay(stream, ring, false);
        Replay timed = replay(stream, ring, true);
        double perSecond = stream.events() / (whole.nanos() / 1e9);
        long[] sorted = timed.latencies().clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        out.printf(Locale.ROOT, "in memory, one thread (ring of %d payments out per account): %,d events in %.2f s = %,.0f events/s%n",
                ring, stream.events(), whole.nanos() / 1e9, perSecond);
        out.printf(Locale.ROOT, "latency per event, timed one by one: p50 %.4f ms, p99 %.4f ms, max %.3f ms%n", p50, p99, max);
        out.printf(Locale.ROOT, "found: %s%n", whole.found());
        boolean sound = whole.found().prohibitedUse() == stream.planted().get(Planted.PROHIBITED_USE)
                && whole.found().roundTrip() == stream.planted().get(Planted.ROUND_TRIP)
                && whole.found().fanOut() >= stream.planted().get(Planted.FAN_OUT);
        if (!sound) {
            out.println("MISMATCH: the detector did not find what was planted (each prohibited payment and round trip once, "
                    + "every fan-out at least once)");
        }
        out.flush();

        MonitoringSideBenches.Run kafkaRun = null;
        if (kafka != null && !kafka.isBlank() && kafkaEvents > 0) {
            var kafkaStream = MonitoringStream.generate(new MonitoringStream.Shape(accounts, kafkaEvents, days, loanShare,
                    prohibitedShare, roundTripShare, fanOutShare, false, 0, seed + 2), Detector.day(LocalDate.of(2026, 1, 1)));
            Found expected = replay(kafkaStream, ring, false).found();
            try {
                kafkaRun = MonitoringSideBenches.kafka(kafka, kafkaPartitions, kafkaStream, ring);
            } catch (Exception e) {
                spec.commandLine().getErr().println("Kafka at " + kafka + ": " + e);
                return 2;
            }
            out.println(MonitoringSideBenches.line("through Kafka on " + kafka + " (" + kafkaPartitions
                    + " partitions, loaded before timing; JSON read, counterparty categorised, detected)", kafkaRun));
            if (!kafkaRun.found().equals(expected) || kafkaRun.events() != kafkaStream.events()) {
                out.println("MISMATCH: through Kafka the detector found " + kafkaRun.found() + ", in memory " + expected);
                sound = false;
            }
            out.flush();
        }
        Persisted p = null;
        MonitoringSideBenches.Run sqlRun = null;
        if (persistedEvents > 0 || sqlEvents > 0) {
            try (var ctx = ServiceBenchmarks.context(dataDir, springArgs)) {
                if (persistedEvents > 0) {
                    // a smaller stream with at least a few of each pattern, so that the alerts compared are not all zero
                    p = persisted(ctx, new MonitoringStream.Shape(persistedAccounts, persistedEvents, persistedDays, 0,
                            Math.max(prohibitedShare, 0.01), Math.max(roundTripShare, 0.01), Math.max(fanOutShare, 0.05), true,
                            100_000_000L, seed), reportSize, persistedWarmup, out);
                    sound &= p.sound();
                }
                if (sqlEvents > 0) {
                    var sqlStream = MonitoringStream.generate(new MonitoringStream.Shape(Math.max(1, Math.min(accounts,
                            sqlEvents / 20)), sqlEvents, days, loanShare, Math.max(prohibitedShare, 0.01),
                            Math.max(roundTripShare, 0.01), Math.max(fanOutShare, 0.05), false, 0, seed + 1),
                            Detector.day(LocalDate.of(2026, 1, 1)));
                    Found expected = replay(sqlStream, 1_024, false).found();
                    try {
                        sqlRun = MonitoringSideBenches.sql(ctx.getBean(javax.sql.DataSource.class), sqlStream);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    out.println(MonitoringSideBenches.line("the same detections as SQL per event on PostgreSQL (one connection, "
                            + "autocommit)", sqlRun));
                    if (!sqlRun.found().equals(expected)) {
                        out.println("MISMATCH: in SQL the detections found " + sqlRun.found() + ", in memory " + expected);
                        sound = false;
                    }
                    out.flush();
                }
            }
        }
        out.printf(Locale.ROOT, "baseline (issue 18): Tazama about %,d transactions/s on about %d cloud VMs; here %,.0f events/s "
                        + "on one thread of %d cores in memory%s%n", TAZAMA_TPS, TAZAMA_VMS, perSecond, cores,
                p == null ? "" : String.format(Locale.ROOT, ", %,.0f events/s through the service into PostgreSQL on the same %d cores",
                        p.perSecond(), cores));
        out.printf(Locale.ROOT, "RESULT monitoring events_per_s=%.0f p99_ms=%.4f persisted_events_per_s=%s kafka_events_per_s=%s "
                        + "sql_events_per_s=%s p50_ms=%.4f max_ms=%.3f "
                        + "events=%d accounts=%d ring=%d found=%d persisted_events=%s persisted_alerts=%s memory_alerts=%s "
                        + "tazama_tps=%d tazama_vms=%d cores=%d sound=%b%n",
                perSecond, p99, p == null ? "-" : String.format(Locale.ROOT, "%.0f", p.perSecond()),
                kafkaRun == null ? "-" : String.format(Locale.ROOT, "%.0f", kafkaRun.perSecond()),
                sqlRun == null ? "-" : String.format(Locale.ROOT, "%.0f", sqlRun.perSecond()), p50, max,
                stream.events(), accounts, ring, whole.found().total(), p == null ? "-" : Integer.toString(p.events()),
                p == null ? "-" : Integer.toString(p.alerts()), p == null ? "-" : Long.toString(p.memory().total()),
                TAZAMA_TPS, TAZAMA_VMS, cores, sound);
        out.flush();
        return sound ? 0 : 1;
    }

    private static String planted(Map<Planted, Integer> planted) {
        return String.format(Locale.ROOT, "%,d payments to prohibited payees, %,d round trips, %,d fan-outs",
                planted.get(Planted.PROHIBITED_USE), planted.get(Planted.ROUND_TRIP), planted.get(Planted.FAN_OUT));
    }

    /**
     * The items through a fresh {@link InMemoryHistory} and {@link Detector} (30 days), as a stream partition does:
     * a loan is kept, a payment detected on and, when it goes out, kept.
     */
    static Replay replay(MonitoringStream.Stream stream, int ring, boolean timed) {
        List<Item> items = stream.items();
        String[] keys = stream.keys();
        var history = new InMemoryHistory(ring, keys.length);
        var detector = new Detector(MonitoringStream.WINDOW);
        long[] latencies = timed ? new long[items.size()] : null;
        int timedCount = 0;
        Tally tally = new Tally();
        long id = 0;
        long start = System.nanoTime();
        for (int k = 0, n = items.size(); k < n; k++) {
            Item item = items.get(k);
            if (item.loan() != null) {
                history.loan(keys[item.account()], item.loan());
                continue;
            }
            long t = timed ? System.nanoTime() : 0;
            List<Detector.Finding> found = history.accept(detector, item.event(), ++id);
            if (timed) {
                latencies[timedCount++] = System.nanoTime() - t;
            }
            tally.add(found);
        }
        long nanos = System.nanoTime() - start;
        return new Replay(tally.found(), nanos,
                timed ? Arrays.copyOf(latencies, timedCount) : null);
    }

    /**
     * What went through the database (the bank references start with {@code references}), and what the detector found
     * in memory on the same events.
     */
    record Persisted(String references, int events, int accepted, int deadLettered, int alerts, Found memory, Map<Planted, Integer> planted,
                     int timed, long nanos, long[] reportNanos) {

        /** The timed events (after the warm-up) per second. */
        double perSecond() {
            return timed / (nanos / 1e9);
        }

        /** Every event taken, and as many alerts as the detector finds in memory. */
        boolean sound() {
            return accepted == events && deadLettered == 0 && alerts == memory.total();
        }
    }

    /**
     * New borrowers of the first institution, each with one loan of the shape's principal paid out {@code days - 1}
     * days before the business date and an account bound to it; then a stream of that shape on those accounts
     * reported through {@link Monitoring#report} in reports of {@code perReport} events, as the REST API calls it
     * (after its reading of the JSON), each report one transaction; the reports holding the first {@code warmup}
     * events are not timed.
     */
    static Persisted persisted(ApplicationContext ctx, MonitoringStream.Shape shape, int perReport, int warmup,
                               PrintWriter out) {
        var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long t0 = System.nanoTime();
        long institution = BenchCommand.benchInstitutions(ctx, 1).getFirst();
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM enterprise_party_view").query(Long.class).single();
        ctx.getBean(cn.chanrong.enterprise.SyntheticRegistry.class).generate(shape.accounts(), System.nanoTime(), n -> { });
        List<Long> borrowers = jdbc.sql("SELECT id FROM enterprise_party_view WHERE id > :b ORDER BY id LIMIT :n")
                .param("b", before).param("n", shape.accounts()).query(Long.class).list();
        LocalDate today = ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
        LocalDate disbursed = today.minusDays(shape.days() - 1);
        ctx.getBean(cn.chanrong.lending.LoanBookGenerator.class).generate(borrowers, borrowers.size(), today, disbursed,
                5_000, n -> { });
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        String[] keys = new String[borrowers.size()];
        // the accounts are kept at the reporting bank: it reports their flows
        String bankName = jdbc.sql("SELECT name FROM institution_party_view WHERE id = :i").param("i", institution)
                .query(String.class).single();
        List<cn.chanrong.cashflow.CashFlows.GeneratedAccount> bound = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "BM" + run + String.format("%07d", i);
            bound.add(new cn.chanrong.cashflow.CashFlows.GeneratedAccount(borrowers.get(i), keys[i], bankName, "CNY", List.of()));
        }
        ctx.getBean(cn.chanrong.cashflow.CashFlows.class).bulkLoad(bound);
        var sized = new MonitoringStream.Shape(keys.length, shape.events(), shape.days(), 0, shape.prohibitedShare(),
                shape.roundTripShare(), shape.fanOutShare(), true, shape.principal(), shape.seed());
        String references = "BM" + run + "-";
        var stream = MonitoringStream.generate(sized, keys, references, Detector.day(disbursed));
        out.printf(Locale.ROOT, "database: %,d new borrowers of institution %d, each with a loan of %s paid out on %s and a bound "
                        + "account, and %,d payment events to report, ready in %.1f s; planted: %s%n", keys.length, institution,
                BigDecimal.valueOf(shape.principal(), 2).toPlainString(), disbursed, stream.events(),
                (System.nanoTime() - t0) / 1e9, planted(stream.planted()));
        out.flush();
        Found memory = replay(stream, 1_024, false).found();

        List<Monitoring.Incoming> all = new ArrayList<>(stream.events());
        for (Item item : stream.items()) {
            if (item.event() != null) {
                all.add(incoming(all.size(), item.event()));
            }
        }
        var monitoring = ctx.getBean(Monitoring.class);
        var bank = new Caller("bench-monitoring", Role.INSTITUTION, null, institution, null, null, Set.of("operator"));
        int accepted = 0;
        int dead = 0;
        int alerts = 0;
        // whole reports, and never more than half of the events
        int warm = Math.min((warmup + perReport - 1) / perReport, all.size() / 2 / perReport) * perReport;
        long[] reportNanos = new long[Math.max(1, (all.size() - warm + perReport - 1) / perReport)];
        long start = 0;
        for (int from = 0, r = 0; from < all.size(); from += perReport) {
            if (from == warm) {
                start = System.nanoTime();
            }
            long t = System.nanoTime();
            Monitoring.Report report = monitoring.report(bank, all.subList(from, Math.min(all.size(), from + perReport)));
            if (from >= warm) {
                reportNanos[r++] = System.nanoTime() - t;
            }
            accepted += report.accepted();
            dead += report.deadLettered();
            alerts += report.alerts();
        }
        long nanos = System.nanoTime() - start;
        var p = new Persisted(references, all.size(), accepted, dead, alerts, memory, stream.planted(), all.size() - warm, nanos,
                reportNanos);
        out.printf(Locale.ROOT, "through the service into PostgreSQL: %,d events in reports of %,d, the first %,d not timed; "
                        + "%,d events in %.1f s = %,.0f events/s, a report %s; %,d taken, %,d set aside; %,d alerts raised, "
                        + "the detector in memory finds %,d on the same events (%s)%n", all.size(), perReport, warm,
                p.timed(), nanos / 1e9, p.perSecond(), ServiceBenchmarks.percentiles(reportNanos), accepted, dead, alerts,
                memory.total(), memory);
        if (!p.sound()) {
            out.println("MISMATCH: the database path did not take every event or raised other alerts than the detector in memory");
        }
        out.flush();
        return p;
    }

    /** A generated payment as the API hands it to the service once read. */
    static Monitoring.Incoming incoming(int index, Detector.Event e) {
        var event = new Monitoring.PaymentEvent(e.debit() ? Monitoring.Direction.DEBIT : Monitoring.Direction.CREDIT,
                e.account(), e.counterpartyAccount(), e.counterpartyName(), BigDecimal.valueOf(Math.abs(e.amount()), 2), "CNY",
                LocalDate.ofEpochDay(e.valueDate()), e.reference(), null);
        return new Monitoring.Incoming(index, "", e.reference(), event, List.of());
    }
}
