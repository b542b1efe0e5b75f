package cn.chanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.ChildPlatform;
import cn.chanrong.support.Fixtures;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The platform as a user runs it, in child JVMs on one data directory: a committed enterprise
 * survives {@code kill -9} of the application (whose embedded postmaster is left orphaned), the
 * next start stops the orphan cleanly and comes up with every committed row, an idempotent retry
 * after the restart still replays, and {@code audit verify} finds the chain intact.
 */
class CrashRestartTests {

    @Test
    void committed_rows_survive_kill_minus_9_and_restart() throws Exception {
        try (ChildPlatform platform = new ChildPlatform("--chanrong.demo.enterprises=60")) {
            int port1 = ChildPlatform.freePort();
            Process first = platform.start("serve", "--server.port=" + port1);
            platform.awaitHealthy(port1, first);

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
            assertThat(platform.postmaster()).as("the embedded postmaster outlives the killed JVM").isPresent();

            int port2 = ChildPlatform.freePort();
            Process second = platform.start("serve", "--server.port=" + port2);
            platform.awaitHealthy(port2, second);
            var read = Api.as(port2, "admin").get(location);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("creditCode").asString()).isEqualTo(code);

            var retried = Api.as(port2, "admin").header("Idempotency-Key", key).post("/api/v1/enterprises",
                    Fixtures.enterprise(code));
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(created.body());
            assertThat(Api.as(port2, "admin").get("/api/v1/enterprises?creditCode=" + code).json().get("total").asLong())
                    .isEqualTo(1);

            Process verify = platform.start("audit", "verify", "--data-dir=" + platform.dataDir());
            assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = platform.output(verify);
            assertThat(verify.exitValue()).as(out).isZero();
            assertThat(out).contains("audit chain intact");

            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(platform.postmaster()).as("a clean stop stops PostgreSQL too").isEmpty();
        }
    }
}
