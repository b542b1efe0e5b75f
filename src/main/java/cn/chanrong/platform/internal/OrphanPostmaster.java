package cn.chanrong.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the platform's JVM is killed, the embedded postmaster lives on in its own session and holds
 * {@code postmaster.pid}. Called while holding the data-directory lock (so no live platform owns
 * the cluster), this stops such an orphan cleanly with {@code pg_ctl stop -m fast}: a fast shutdown
 * rolls back open transactions and keeps every committed one. The pid file is never deleted and the
 * server never SIGKILLed.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private final Path pgDir;

    OrphanPostmaster(Path pgDir) {
        this.pgDir = pgDir;
    }

    void stopIfRunning() throws IOException {
        Optional<ProcessHandle> live = livePostmaster();
        if (live.isEmpty()) {
            return;
        }
        long pid = live.get().pid();
        Path pgCtl = Path.of("/proc", Long.toString(pid), "exe").toRealPath().resolveSibling("pg_ctl");
        log.warn("An orphaned PostgreSQL (pid {}) still runs on {}; stopping it with pg_ctl stop -m fast", pid, pgDir);
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // pg_ctl refuses to run as root; like the embedded server itself, run it in a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", pgDir.toString(), "-m", "fast", "-w", "-t", "120", "stop"));
        boolean stopped = run(command);
        if (!stopped && live.get().isAlive()) {
            // What pg_ctl stop -m fast does: SIGINT to the postmaster, a fast shutdown that rolls back
            // open transactions and keeps every committed one.
            log.warn("pg_ctl could not stop pid {}; sending it the fast-shutdown signal (SIGINT) directly", pid);
            run(List.of("kill", "-INT", Long.toString(pid)));
        }
        try {
            live.get().onExit().get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL on " + pgDir + " did not exit", e);
        }
        log.info("The orphaned PostgreSQL stopped cleanly; starting again on {}", pgDir);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            boolean ok = p.waitFor(150, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok && !out.isEmpty()) {
                log.warn("{}: {}", String.join(" ", command), out);
            }
            return ok;
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command.get(0), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The postmaster named by the pid file when it is alive and really runs on this directory. */
    Optional<ProcessHandle> livePostmaster() throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        String command = handle.get().info().command().orElse("");
        boolean isPostgres = command.endsWith("/postgres") || command.endsWith("/postmaster");
        boolean sameDir = Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                .equals(pgDir.toAbsolutePath().normalize());
        return isPostgres && sameDir ? handle : Optional.empty();
    }

}
