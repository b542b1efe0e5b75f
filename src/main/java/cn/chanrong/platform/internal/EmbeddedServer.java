package cn.chanrong.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory. Normally this process owns it: it takes the
 * directory lock, stops an orphaned postmaster left by a killed run, and starts the server with
 * fsync and synchronous commit on. A batch command may instead attach to the server of a platform
 * that is running on the same directory.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedServer(DataDirectoryLock lock, EmbeddedPostgres postgres, int port) {
        this.lock = lock;
        this.postgres = postgres;
        this.port = port;
    }

    record Settings(Path dataDir, boolean durable, Integer port, boolean attachIfRunning, boolean throwaway) {
    }

    static EmbeddedServer open(Settings s) throws IOException {
        Path pgDir = s.dataDir().resolve("pg");
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(s.dataDir());
        } catch (IllegalStateException busy) {
            if (s.attachIfRunning()) {
                Integer running = new OrphanPostmaster(pgDir).livePostmaster().map(p -> portOf(pgDir)).orElse(null);
                if (running != null) {
                    log.info("Attaching to the platform's running PostgreSQL on port {}", running);
                    return new EmbeddedServer(null, null, running);
                }
            }
            throw busy;
        }
        try {
            Files.createDirectories(pgDir);
            new OrphanPostmaster(pgDir).stopIfRunning();
            String onOff = s.durable() ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(s.throwaway())
                    // Spring closes the server after every bean that uses the database; a JVM hook of its own would race them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "100");
            if (s.port() != null && s.port() > 0) {
                builder.setPort(s.port());
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {} (durable={})", pg.getPort(), pgDir, s.durable());
            return new EmbeddedServer(lock, pg, pg.getPort());
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Line 4 of postmaster.pid is the port. */
    private static Integer portOf(Path pgDir) {
        try {
            List<String> lines = Files.readAllLines(pgDir.resolve("postmaster.pid"));
            return Integer.parseInt(lines.get(3).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
