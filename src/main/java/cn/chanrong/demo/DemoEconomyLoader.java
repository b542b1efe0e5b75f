package cn.chanrong.demo;

import cn.chanrong.demo.generator.EconomyGenerator;
import cn.chanrong.demo.generator.GenerationProgress;
import cn.chanrong.demo.generator.GeneratorSettings;
import cn.chanrong.platform.DemoContributor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Generates the demo economy ({@code chanrong.demo.enterprises}, default 2,000, with a fixed seed)
 * and hands it to every module's {@link DemoContributor}: the foreground part before the platform
 * reports UP, the long histories afterwards on a background thread whose progress is kept here.
 */
@Component
class DemoEconomyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoEconomyLoader.class);

    private final List<DemoContributor> contributors;
    private final int enterprises;
    private final long seed;
    private final AtomicReference<DemoProgress> progress = new AtomicReference<>(DemoProgress.IDLE);

    DemoEconomyLoader(List<DemoContributor> contributors,
                      @Value("${chanrong.demo.enterprises:" + GeneratorSettings.DEFAULT_ENTERPRISES + "}") int enterprises,
                      @Value("${chanrong.demo.seed:" + GeneratorSettings.DEFAULT_SEED + "}") long seed) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).toList();
        this.enterprises = enterprises;
        this.seed = seed;
    }

    DemoProgress progress() {
        return progress.get();
    }

    /** Loads the foreground part now and starts the background part; returns the generated directory. */
    void load() {
        if (enterprises <= 0) {
            progress.set(new DemoProgress("DONE", 1.0, 0, null));
            return;
        }
        long started = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("chanrong-demo-economy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var summary = EconomyGenerator.generate(new GeneratorSettings(enterprises, seed), dir, GenerationProgress.NONE);
        for (DemoContributor c : contributors) {
            c.contribute(dir);
        }
        log.info("Demo economy loaded: {} generated rows, {} enterprises, in {} ms; histories follow in the background",
                summary.totalRows(), enterprises, (System.nanoTime() - started) / 1_000_000);
        progress.set(new DemoProgress("LOADING", 0.0, enterprises, null));
        Thread background = new Thread(() -> background(dir), "demo-histories");
        background.setDaemon(true);
        background.start();
    }

    private void background(Path dir) {
        try {
            int n = contributors.size();
            for (int i = 0; i < n; i++) {
                int index = i;
                contributors.get(i).background(dir, f -> {
                    double overall = (index + Math.min(1.0, Math.max(0.0, f))) / n;
                    DemoProgress before = progress.getAndSet(new DemoProgress("LOADING", overall, enterprises, null));
                    if ((int) (overall * 10) != (int) (before.fraction() * 10)) {
                        log.info("Demo histories {}% loaded", (int) (overall * 100));
                    }
                });
            }
            progress.set(new DemoProgress("DONE", 1.0, enterprises, null));
            log.info("Demo histories loaded");
        } catch (RuntimeException e) {
            progress.set(new DemoProgress("FAILED", progress.get().fraction(), enterprises, e.getMessage()));
            log.error("Loading the demo histories failed", e);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    /** Where the background load stands. */
    record DemoProgress(String state, double fraction, int enterprises, String error) {
        static final DemoProgress IDLE = new DemoProgress("IDLE", 0.0, 0, null);
    }
}
