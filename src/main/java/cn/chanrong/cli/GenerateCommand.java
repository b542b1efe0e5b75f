package cn.chanrong.cli;

import cn.chanrong.demo.generator.EconomyGenerator;
import cn.chanrong.demo.generator.GenerationProgress;
import cn.chanrong.demo.generator.GenerationSummary;
import cn.chanrong.demo.generator.GeneratorSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./chanrong generate --out DIR}: writes the deterministic demo economy as CSV files. Plain
 * Java: no Spring context, no database, so it runs anywhere and as fast as the disk allows.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a deterministic demo economy (enterprises, statements, qualifications, supply chains, "
                + "groups, institutions, products) as CSV files. The same count and seed give the same bytes.",
                "Progress goes to stderr, the summary to stdout."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--enterprises", paramLabel = "N", defaultValue = "" + GeneratorSettings.DEFAULT_ENTERPRISES,
            description = "Number of enterprises, 1 to " + GeneratorSettings.MAX_ENTERPRISES + " (default ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorSettings.DEFAULT_SEED,
            description = "Seed of every random draw (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write the CSV files into.")
    Path out;

    @Override
    public Integer call() {
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(enterprises, seed);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ProgressBar bar = new ProgressBar(System.err);
        GenerationSummary summary = EconomyGenerator.generate(settings, out, bar);
        bar.finish();
        printSummary(summary, System.out);
        return 0;
    }

    static void printSummary(GenerationSummary s, PrintStream to) {
        for (Map.Entry<String, Long> file : s.rowsPerFile().entrySet()) {
            to.printf(Locale.ROOT, "%-22s %,14d rows%n", file.getKey(), file.getValue());
        }
        to.printf(Locale.ROOT, "%-22s %,14d rows in %.1f s, %,.0f rows/s%n", "total", s.totalRows(), s.seconds(),
                s.rowsPerSecond());
    }

    /**
     * {@code \r[#####     ] 52% 520,000/1,000,000 enterprises, 410,000 rows/s}, redrawn in place at
     * every whole per cent of the enterprise pass.
     */
    static final class ProgressBar implements GenerationProgress {
        private static final int WIDTH = 30;
        private final PrintStream to;
        private final long started = System.nanoTime();

        ProgressBar(PrintStream to) {
            this.to = to;
        }

        @Override
        public void update(long done, long total, long rowsWritten) {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            int filled = percent * WIDTH / 100;
            double seconds = (System.nanoTime() - started) / 1e9;
            to.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d enterprises, %,.0f rows/s", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), percent, done, total, seconds > 0 ? rowsWritten / seconds : 0.0);
            to.flush();
        }

        void finish() {
            to.println();
        }
    }
}
