package cn.chanrong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform as a user runs it: {@code ./chanrong} commands in child JVMs on one data directory,
 * so tests can kill them with SIGKILL and start them again. {@link #close()} stops what is left,
 * including an orphaned embedded postmaster, and deletes the directory.
 */
public final class ChildPlatform implements AutoCloseable {

    private final Path dataDir;
    private final List<String> common;
    private List<String> jvmOptions = List.of("-Xmx512m");
    private final List<Process> children = new ArrayList<>();
    private final Map<Process, Path> logs = new HashMap<>();

    public ChildPlatform(String... commonArgs) throws IOException {
        this.dataDir = Files.createTempDirectory("chanrong-child-");
        this.common = List.of(commonArgs);
    }

    /**
     * Options for the child JVMs started from now on, in place of the default {@code -Xmx512m}: a
     * small {@code -Xmx} to prove a bound on the heap, {@code -Xlog:gc:stdout} to read what it used.
     */
    public ChildPlatform jvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.chanrong.cli.Chanrong"));
        cmd.addAll(List.of(args));
        cmd.add("--chanrong.data-dir=" + dataDir);
        cmd.add("--logging.level.root=WARN");
        cmd.addAll(common);
        Path log = dataDir.resolve("child-" + children.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // a child platform lives on its own data directory, so on its own embedded server: an external
        // database given to the tests (CI's second pass) belongs to the parent
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE_"));
        Process p = builder.start();
        children.add(p);
        logs.put(p, log);
        return p;
    }

    public String output(Process p) throws IOException {
        return Files.readString(logs.get(p));
    }

    /** Waits until the child's output contains {@code text}. */
    public void awaitOutput(Process p, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output(p).contains(text)) {
                return;
            }
            assertThat(p.isAlive()).as("child exited early:\n%s", output(p)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + text + "\" in:\n" + output(p));
    }

    public void awaitHealthy(int port, Process p) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertThat(p.isAlive()).as("child exited early:\n%s", output(p)).isTrue();
            try {
                if (Api.anonymous(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("platform did not become healthy:\n" + output(p));
    }

    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        long n = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        return ProcessHandle.of(n).filter(ProcessHandle::isAlive);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : children) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isPresent()) {
            Path pgCtl = Path.of("/proc", Long.toString(orphan.get().pid()), "exe").toRealPath().resolveSibling("pg_ctl");
            new ProcessBuilder(pgCtl.toString(), "-D", dataDir.resolve("pg").toString(), "-m", "fast", "stop")
                    .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
