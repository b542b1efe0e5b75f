package cn.chanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform as a user runs it, in child JVMs on one data directory: a committed enterprise
 * survives {@code kill -9} of the application (whose embedded postmaster is left orphaned), the
 * next start stops the orphan cleanly and comes up with every committed row, an idempotent retry
 * after the restart still replays, and {@code audit verify} finds the chain intact.
 */
class CrashRestartTests {

    Path dataDir;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dataDir = Files.createTempDirectory("chanrong-crash-");
    }

    @AfterEach
    void tearDown() throws Exception {
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

    @Test
    void committed_rows_survive_kill_minus_9_and_restart() throws Exception {
        int port1 = freePort();
        Process first = start("serve", "--server.port=" + port1);
        awaitHealthy(port1, first);

        var info = Api.as(port1, "admin").get("/actuator/info").json().get("database");
        assertThat(info.get("fsync").asString()).isEqualTo("on");
        assertThat(info.get("synchronousCommit").asString()).isEqualTo("on");
        assertThat(info.get("embedded").asBoolean()).isTrue();

        String code = Fixtures.freshCreditCode("350100");
        String key = "crash-" + UUID.randomUUID();
        Api keyed = Api.as(port1, "admin").header("Idempotency-Key", key);
        var created = keyed.post("/api/v1/enterprises", Fixtures.enterprise(code));
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(postmaster()).as("the embedded postmaster outlives the killed JVM").isPresent();

        int port2 = freePort();
        Process second = start("serve", "--server.port=" + port2);
        awaitHealthy(port2, second);
        var read = Api.as(port2, "admin").get(location);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("creditCode").asString()).isEqualTo(code);

        var retried = Api.as(port2, "admin").header("Idempotency-Key", key).post("/api/v1/enterprises",
                Fixtures.enterprise(code));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(created.body());
        assertThat(Api.as(port2, "admin").get("/api/v1/enterprises?creditCode=" + code).json().get("total").asLong())
                .isEqualTo(1);

        Process verify = start("audit", "verify", "--data-dir=" + dataDir);
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log(verify));
        assertThat(verify.exitValue()).as(out).isZero();
        assertThat(out).contains("audit chain intact");

        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(postmaster()).as("a clean stop stops PostgreSQL too").isEmpty();
    }

    Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "cn.chanrong.cli.Chanrong"));
        cmd.addAll(List.of(args));
        cmd.add("--chanrong.data-dir=" + dataDir);
        cmd.add("--logging.level.root=WARN");
        cmd.add("--chanrong.demo.enterprises=60");
        Path log = dataDir.resolve("child-" + children.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        logs.put(p, log);
        return p;
    }

    private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

    Path log(Process p) {
        return logs.get(p);
    }

    void awaitHealthy(int port, Process p) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (Instant.now().isBefore(deadline)) {
            assertThat(p.isAlive()).as("child exited early:\n%s", Files.readString(log(p))).isTrue();
            try {
                if (Api.anonymous(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("platform did not become healthy:\n" + Files.readString(log(p)));
    }

    Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        long n = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        return ProcessHandle.of(n).filter(ProcessHandle::isAlive);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
