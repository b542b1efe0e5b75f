package cn.chanrong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate tx;

    @Test
    void a_change_is_audited_with_actor_action_target_and_request_id() {
        var r = Api.as(port, "admin").header("X-Request-Id", "test-req-0001")
                .post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        assertThat(r.status()).isEqualTo(201);
        var entry = jdbc.sql("SELECT actor, action, target_type, outcome FROM audit_entry WHERE request_id = 'test-req-0001'")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        assertThat(entry).containsExactly("admin", "enterprise.create", "enterprise", "SUCCESS");
    }

    @Test
    void a_rejected_request_is_recorded_after_the_rollback() {
        var body = Fixtures.enterprise("91350100M000100Y44");
        var r = Api.as(port, "admin").header("X-Request-Id", "test-req-0002").post("/api/v1/enterprises", body);
        assertThat(r.status()).isEqualTo(422);
        var rows = jdbc.sql("SELECT outcome, detail FROM audit_entry WHERE request_id = 'test-req-0002'")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("REJECTED 422").contains("credit-code.check@creditCode");
    }

    @Test
    void entries_are_append_only() {
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = (SELECT min(id) FROM audit_entry)").update())
                .hasMessageContaining("cannot be deleted");
        trail.sealPending();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrent_changes_are_chained_without_gaps_and_verify_clean() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> Api.as(port, "admin").post("/api/v1/enterprises",
                        Fixtures.enterprise(Fixtures.freshCreditCode("440300"))).status());
            }
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        trail.sealPending();
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        long sealed = jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq IS NOT NULL").query(Long.class).single();
        long maxSeq = jdbc.sql("SELECT max(seq) FROM audit_entry").query(Long.class).single();
        assertThat(v.checked()).isEqualTo(sealed).isEqualTo(maxSeq);
    }

    @Test
    void tampering_is_reported_at_the_first_broken_link() {
        Api.as(port, "admin").post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        trail.sealPending();
        long target = jdbc.sql("SELECT max(seq) - 1 FROM audit_entry").query(Long.class).single();
        String original = jdbc.sql("SELECT actor FROM audit_entry WHERE seq = :s").param("s", target)
                .query(String.class).single();
        try {
            tamper(target, "mallory");
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(target);
            assertThat(v.checked()).isEqualTo(target - 1);
            var report = Api.as(port, "admin").get("/api/v1/audit/verification").json();
            assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(target);
        } finally {
            tamper(target, original);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    /** Bypasses the append-only trigger the way someone with database access could. */
    void tamper(long seq, String actor) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
            jdbc.sql("UPDATE audit_entry SET actor = :a WHERE seq = :s").param("a", actor).param("s", seq).update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        });
    }

    @Test
    void the_audit_endpoints_are_for_administrators() {
        assertThat(Api.as(port, "admin").get("/api/v1/audit/verification").status()).isEqualTo(200);
        assertThat(Api.as(port, "regulator").get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/v1/audit/entries?limit=5").json().size()).isEqualTo(5);
    }
}
