package cn.chanrong.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry events reach statistics through the database-backed outbox. */
@IntegrationTest
class OutboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_registered_enterprise_is_counted_by_statistics_through_the_outbox() throws Exception {
        var r = Api.as(port, "admin").post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        long id = r.json().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long facts = 0;
        long published = 0;
        while (Instant.now().isBefore(deadline)) {
            facts = jdbc.sql("SELECT count(*) FROM stat_enterprise WHERE enterprise_id = :id").param("id", id)
                    .query(Long.class).single();
            // the publication is marked complete just after the listener's own transaction commits
            published = jdbc.sql("""
                            SELECT count(*) FROM event_publication WHERE event_type LIKE '%EnterpriseRegistered'
                            AND listener_id LIKE '%EnterpriseFacts%' AND serialized_event LIKE :id
                            AND completion_date IS NOT NULL""")
                    .param("id", "%\"enterpriseId\":" + id + ",%").query(Long.class).single();
            if (facts == 1 && published == 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(facts).isEqualTo(1);
        assertThat(published).isEqualTo(1);

        var gd = Api.as(port, "regulator-gd").get("/api/v1/statistics/enterprises").json();
        gd.forEach(row -> assertThat(row.get("provinceCode").asString()).isEqualTo("440000"));
        var national = Api.as(port, "regulator").get("/api/v1/statistics/enterprises").json();
        long fujianSmall = 0;
        for (var row : national) {
            if (row.get("provinceCode").asString().equals("350000") && row.get("sizeClass").asString().equals("SMALL")) {
                fujianSmall = row.get("count").asLong();
            }
        }
        assertThat(fujianSmall).isGreaterThanOrEqualTo(1);
    }
}
