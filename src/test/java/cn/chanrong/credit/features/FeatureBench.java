package cn.chanrong.credit.features;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.credit.scorecard.Trainer;
import cn.chanrong.credit.simulation.CashFlowSimulator;
import cn.chanrong.credit.simulation.Firm;
import cn.chanrong.credit.simulation.ModelDevelopment;
import cn.chanrong.credit.simulation.Population;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * {@code ./bench/features [enterprises]}: features (and scores) for N enterprises × 12 months of generated
 * transactions, through our engine and as the same aggregation in SQL on PostgreSQL (embedded, version
 * 15) and DuckDB, on the same rows in the same run. Prints transactions per second for each.
 */
public final class FeatureBench {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long t0 = System.nanoTime();
        TxnBlock.Builder b = new TxnBlock.Builder();
        long[] balances = new long[n];
        for (int i = 0; i < n; i++) {
            Firm f = Firm.sample(i, new SplittableRandom(7L * 31 + i));
            CashFlowSimulator.Extras x = CashFlowSimulator.flows(f, AS_OF, 12, new SplittableRandom(i * 0x9E3779B97F4A7C15L),
                    (day, fen, cat, cp, flags) -> b.add(day, fen, cat, cp, flags, 1f));
            balances[i] = x.balanceFen();
            b.next();
        }
        TxnBlock block = b.build();
        int rows = block.rows();
        System.out.printf("generated %,d enterprises, %,d transactions in %.1f s%n", n, rows, (System.nanoTime() - t0) / 1e9);

        Population training = Population.generate(2000, List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31)), 3);
        Scorecard card = ModelDevelopment.develop(training, 2024, Trainer.Settings.DEFAULT).models().getFirst().card();

        double[][] features = new double[n][];
        int[] scores = new int[n];
        for (int round = 0; round < 2; round++) {
            long s = System.nanoTime();
            engine(block, balances, features, null, null);
            double featureSeconds = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            engine(block, balances, features, card, scores);
            double scoredSeconds = (System.nanoTime() - s) / 1e9;
            System.out.printf("%s engine, 2 threads: features %.2f s = %,.0f txns/s; features + scores %.2f s = %,.0f txns/s%n",
                    round == 0 ? "warm-up" : "measured", featureSeconds, rows / featureSeconds, scoredSeconds, rows / scoredSeconds);
        }

        Path csv = Files.createTempFile("chanrong-bench-txn-", ".csv");
        try {
            write(block, csv);
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_parallel_workers_per_gather", "2")
                    .setServerConfig("work_mem", "256MB").start();
                 Connection c = pg.getPostgresDatabase().getConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE UNLOGGED TABLE txn (e INT, d DATE, fen BIGINT, cat SMALLINT, cp INT, flags SMALLINT, w DOUBLE PRECISION)");
                }
                long s = System.nanoTime();
                try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY txn FROM STDIN (FORMAT csv)", r);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE txn");
                }
                System.out.printf("PostgreSQL load %.1f s%n", (System.nanoTime() - s) / 1e9);
                query("PostgreSQL", c, rows, features);
            }
            Class.forName("org.duckdb.DuckDBDriver");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
                long s = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute("SET threads = 2");
                    st.execute("CREATE TABLE txn (e INT, d DATE, fen BIGINT, cat SMALLINT, cp INT, flags SMALLINT, w DOUBLE PRECISION)");
                    st.execute("COPY txn FROM '" + csv + "' (FORMAT csv, HEADER false)");
                }
                System.out.printf("DuckDB load %.1f s%n", (System.nanoTime() - s) / 1e9);
                query("DuckDB", c, rows, features);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void engine(TxnBlock block, long[] balances, double[][] out, Scorecard card, int[] scores) throws InterruptedException {
        int n = block.enterprises();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int part = t;
            threads[t] = new Thread(() -> {
                FeatureEngine engine = new FeatureEngine(AS_OF);
                for (int e = part; e < n; e += threads.length) {
                    double[] f = engine.compute(block, e, balances[e]);
                    out[e] = f;
                    if (card != null) {
                        Map<String, Object> in = CreditInputs.of(f, CreditInputs.Outside.NONE);
                        scores[e] = card.score(in, 3).score();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void write(TxnBlock b, Path csv) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int e = 0; e < b.enterprises(); e++) {
                for (int r = b.start[e]; r < b.start[e + 1]; r++) {
                    w.write(e + "," + LocalDate.ofEpochDay(b.day[r]) + "," + b.fen[r] + "," + b.category[r] + "," + b.counterparty[r] + ","
                            + b.flags[r] + "," + b.weight[r] + "\n");
                }
            }
        }
    }

    static String sql() {
        int own = CounterpartyCategory.OWN_ACCOUNT.ordinal();
        int related = CounterpartyCategory.RELATED_PARTY.ordinal();
        int proceeds = CounterpartyCategory.LOAN_PROCEEDS.ordinal();
        int payroll = CounterpartyCategory.PAYROLL.ordinal();
        int tax = CounterpartyCategory.TAX.ordinal();
        int repay = CounterpartyCategory.LOAN_REPAYMENT.ordinal();
        int customer = CounterpartyCategory.CUSTOMER.ordinal();
        String watched = CounterpartyCategory.SECURITIES.ordinal() + "," + CounterpartyCategory.REAL_ESTATE.ordinal() + ","
                + CounterpartyCategory.WEALTH_MANAGEMENT.ordinal() + "," + CounterpartyCategory.PRIVATE_LENDING.ordinal();
        return """
                WITH t AS (
                  SELECT e, (2025 * 12 + 12) - (CAST(EXTRACT(year FROM d) AS INT) * 12 + CAST(EXTRACT(month FROM d) AS INT)) AS k,
                         CAST(EXTRACT(day FROM d) AS INT) AS dom, fen * w / 100.0 AS v, cat, cp, flags
                    FROM txn WHERE d BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'),
                op AS (SELECT * FROM t WHERE cat NOT IN (%1$d, %3$d, %2$d) AND (flags & 1) = 0),
                monthly AS (SELECT e, k, SUM(CASE WHEN v > 0 THEN v ELSE 0 END) AS i, SUM(CASE WHEN v < 0 THEN -v ELSE 0 END) AS o
                              FROM op GROUP BY e, k),
                agg AS (SELECT e, SUM(CASE WHEN k < 3 THEN i END) AS in3, SUM(CASE WHEN k < 6 THEN i END) AS in6, SUM(i) AS in12,
                               SUM(CASE WHEN k < 3 THEN o END) AS out3, SUM(CASE WHEN k < 6 THEN o END) AS out6, SUM(o) AS out12,
                               STDDEV_POP(i) / NULLIF(AVG(i), 0) AS cv12,
                               SUM(CASE WHEN k < 6 THEN i END) / NULLIF(SUM(CASE WHEN k >= 6 THEN i END), 0) - 1 AS growth6
                          FROM monthly GROUP BY e),
                fl AS (SELECT e, COUNT(DISTINCT CASE WHEN cat = %4$d THEN k END) / 12.0 AS payroll,
                              COUNT(DISTINCT CASE WHEN cat = %5$d AND v < 0 THEN k END) / 12.0 AS tax,
                              SUM(CASE WHEN cat = %5$d AND v < 0 AND dom > 15 THEN 1 ELSE 0 END) AS late_tax,
                              SUM(CASE WHEN cat = %6$d THEN -v ELSE 0 END) AS repay,
                              SUM(CASE WHEN (flags & 2) <> 0 THEN 1 ELSE 0 END) AS returned,
                              SUM(CASE WHEN cat = %2$d AND (flags & 1) = 0 THEN ABS(v) ELSE 0 END)
                                / NULLIF(SUM(CASE WHEN cat <> %1$d THEN ABS(v) END), 0) AS related_share,
                              SUM(CASE WHEN (flags & 1) <> 0 THEN ABS(v) ELSE 0 END) AS round_trip,
                              SUM(CASE WHEN v > 0 AND cat <> %1$d THEN v ELSE 0 END) AS gross_in,
                              SUM(CASE WHEN cat IN (%8$s) AND v < 0 THEN -v ELSE 0 END) AS watched,
                              COUNT(DISTINCT k) AS months
                         FROM t GROUP BY e),
                cust AS (SELECT e, cp, SUM(v) AS s FROM op WHERE cat = %7$d AND v > 0 AND cp >= 0 GROUP BY e, cp),
                conc AS (SELECT e, SUM(s * s) / (SUM(s) * SUM(s)) AS hhi, MAX(s) / SUM(s) AS top1 FROM cust GROUP BY e)
                SELECT a.e, a.in12, fl.payroll, conc.hhi, a.in3, a.in6, a.out3, a.out6, a.out12, a.cv12, a.growth6, fl.tax,
                       fl.late_tax, fl.repay / NULLIF(a.in12, 0), fl.returned, fl.related_share,
                       fl.round_trip / NULLIF(fl.gross_in + fl.round_trip / 2, 0), fl.watched / NULLIF(a.out12, 0), fl.months, conc.top1
                  FROM agg a JOIN fl ON fl.e = a.e LEFT JOIN conc ON conc.e = a.e""".formatted(own, related, proceeds, payroll, tax,
                repay, customer, watched);
    }

    private static void query(String name, Connection c, int rows, double[][] engine) throws Exception {
        for (int round = 0; round < 2; round++) {
            long s = System.nanoTime();
            int n = 0;
            int agree = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql())) {
                while (rs.next()) {
                    n++;
                    int e = rs.getInt(1);
                    if (Math.abs(rs.getDouble(2) - engine[e][2]) < 0.01 && Math.abs(rs.getDouble(3) - engine[e][18]) < 1e-9) {
                        agree++;
                    }
                    for (int col = 4; col <= 20; col++) {
                        rs.getObject(col);
                    }
                }
            }
            double seconds = (System.nanoTime() - s) / 1e9;
            System.out.printf("%s %s: %,d enterprises in %.2f s = %,.0f txns/s (%,d agree with the engine on in_12 and payroll months)%n",
                    round == 0 ? "warm-up" : "measured", name, n, seconds, rows / seconds, agree);
        }
    }
}
