package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cli.MonitoringStream.Planted;
import cn.chanrong.support.IntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench monitoring}'s database part, small: reports through the monitoring service raise exactly the alerts
 * the detector finds in memory on the same events, and those include every planted pattern.
 */
@IntegrationTest
class MonitoringBenchIntegrationTests {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_service_path_raises_the_alerts_the_detector_finds_in_memory() {
        var shape = new MonitoringStream.Shape(12, 600, 8, 0, 0.05, 0.05, 0.5, true, 100_000_000L, 3);
        StringWriter text = new StringWriter();

        var p = MonitoringBenchCommand.persisted(ctx, shape, 100, 0, new PrintWriter(text));

        assertThat(p.sound()).as(text.toString()).isTrue();
        assertThat(p.events()).isBetween(600, 700);
        assertThat(p.accepted()).isEqualTo(p.events());
        assertThat(p.memory().prohibitedUse()).isEqualTo(p.planted().get(Planted.PROHIBITED_USE).longValue()).isPositive();
        assertThat(p.memory().roundTrip()).isEqualTo(p.planted().get(Planted.ROUND_TRIP).longValue()).isPositive();
        assertThat(p.memory().fanOut()).isGreaterThanOrEqualTo(p.planted().get(Planted.FAN_OUT).longValue()).isPositive();
        assertThat(p.alerts()).isEqualTo(p.memory().total());
        // in the store, per rule, on the payments of this run
        var stored = jdbc.sql("""
                        SELECT a.rule, count(*) FROM monitoring_alert a JOIN monitoring_payment m ON m.id = a.payment_id
                        WHERE m.bank_reference LIKE :r GROUP BY a.rule""").param("r", p.references() + "%")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list();
        assertThat(stored).containsExactlyInAnyOrder(java.util.Map.entry("prohibited-use", p.memory().prohibitedUse()),
                java.util.Map.entry("round-trip", p.memory().roundTrip()), java.util.Map.entry("fan-out", p.memory().fanOut()));
        assertThat(text.toString()).contains("through the service into PostgreSQL");
    }
}
