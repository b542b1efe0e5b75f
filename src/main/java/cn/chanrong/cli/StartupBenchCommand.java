package cn.chanrong.cli;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start-up as an operator meets it: the platform started in a JVM of its own on a fresh data directory
 * (embedded PostgreSQL initialised, schema migrated, demo loaded), timed to health UP and to the demo's
 * named cast answering; stopped; started again on the same directory and timed to health UP.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Start the platform in a child JVM on a fresh data directory: seconds to health UP and to the demo's named cast, then the restart on the same directory; ends with RESULT startup.")
final class StartupBenchCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "A data directory to start on (default: a fresh temporary one, removed after)")
    String dataDir;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds to wait for each start")
    int timeoutSeconds;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? Path.of(dataDir) : Files.createTempDirectory("chanrong-startup-");
        boolean temporary = dataDir == null;
        try {
            int port = freePort();
            long t0 = System.nanoTime();
            Process first = start(dir, port);
            try {
                double up = waitFor(() -> healthy(port), t0, first);
                double cast = waitFor(() -> castAnswers(port), t0, first);
                System.out.printf("first start on %s: health UP in %.1f s, the demo's named cast answering in %.1f s%n",
                        dir, up, cast);
                String heap = heapMb(port);
                stop(first);
                long t1 = System.nanoTime();
                Process second = start(dir, port);
                try {
                    double restart = waitFor(() -> healthy(port), t1, second);
                    System.out.printf("restart on the same directory: health UP in %.1f s%n", restart);
                    System.out.printf("RESULT startup restart_seconds=%.1f first_start_seconds=%.1f cast_ready_seconds=%.1f heap_mb=%s%n",
                            restart, up, cast, heap);
                } finally {
                    stop(second);
                }
            } finally {
                if (first.isAlive()) {
                    stop(first);
                }
            }
            return 0;
        } finally {
            if (temporary) {
                delete(dir.toFile());
                Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + "-startup.log"));
            }
        }
    }

    /** This jar, run by this JVM's java, with the platform's serve command. */
    private Process start(Path dir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", System.getProperty("java.class.path"), "serve",
                "--server.port=" + port, "--chanrong.data-dir=" + dir.toAbsolutePath()));
        Path log = dir.resolveSibling(dir.getFileName() + "-startup.log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private double waitFor(BooleanSupplier ready, long since, Process p) throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!ready.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the platform stopped with exit code " + p.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private boolean healthy(int port) {
        return get(port, "/actuator/health", null).contains("\"UP\"");
    }

    /** The SME's finance manager and the bank's officer can log in and read their first page. */
    private boolean castAnswers(int port) {
        return get(port, "/api/v1/loans?size=1", "bank").startsWith("{") && get(port, "/api/v1/enterprises?size=1",
                "enterprise").startsWith("{");
    }

    /** The heap in use once the cast answers, from the platform's Prometheus metrics (admin). */
    private String heapMb(int port) {
        double bytes = 0;
        for (String line : get(port, "/actuator/prometheus", "admin").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes == 0 ? "-" : String.format("%.0f", bytes / 1024 / 1024);
    }

    private String get(int port, String path, String user) {
        try {
            var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A clean stop (SIGTERM: the embedded server shuts down with the JVM), waited for. */
    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                delete(c);
            }
        }
        f.delete();
    }
}
