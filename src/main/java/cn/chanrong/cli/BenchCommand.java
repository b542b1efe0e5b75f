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
        subcommands = {BenchCommand.Eligibility.class, BenchCommand.Transfers.class})
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
                    EligibilityRules.compile(2, "专精特新", "Specialised", "e.qualifications.exists(q, q in ['SPECIALISED_SME', 'LITTLE_GIANT'])").clause(),
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
        @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)") String dataDir;
        @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "--property=value") List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            try (var ctx = Chanrong.Batch.context(dataDir, springArgs)) {
                var ledger = ctx.getBean(cn.chanrong.ledger.Ledger.class);
                var tx = ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class);
                var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
                long book = jdbc.sql("SELECT min(id) FROM institution").query(Long.class).single();
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
                for (int from = 0; from < count; from += batch) {
                    List<cn.chanrong.ledger.Ledger.Draft> drafts = new ArrayList<>();
                    for (int i = from; i < Math.min(count, from + batch); i++) {
                        drafts.add(new cn.chanrong.ledger.Ledger.Draft("基准转账 / bench transfer", "bench:" + run + ":batch:" + i,
                                lines(i)));
                    }
                    ledger.postAll(book, day, drafts, "bench");
                }
                double batched = count / ((System.nanoTime() - start) / 1e9);
                System.out.printf("batched, %,d per transaction: %,d transfers at %,.0f per second (%.1fx)%n", batch, count,
                        batched, batched / naive);
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
}
