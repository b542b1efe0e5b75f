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

/** Micro-benchmarks that need no database: {@code ./chanrong bench eligibility}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks without a database.",
        subcommands = {BenchCommand.Eligibility.class})
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
}
