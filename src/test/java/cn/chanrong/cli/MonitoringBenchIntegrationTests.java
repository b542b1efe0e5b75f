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
        // the bench's synthetic firms are inserted without events, so statistics never learns their chains; they
        // keep their loans, but take their chain tags away so that no chain's recount sees a firm statistics cannot
        jdbc.sql("""
                        DELETE FROM enterprise_chain_tag WHERE enterprise_id IN
                          (SELECT enterprise_id FROM cash_account WHERE account_no LIKE :k)""")
                .param("k", p.references().substring(0, p.references().length() - 1) + "%").update();
    }

    @Test
    void the_same_detections_as_sql_per_event_find_what_the_detector_finds_in_memory() throws Exception {
        var stream = MonitoringStream.generate(new MonitoringStream.Shape(60, 4_000, 40, 0.01, 0.03, 0.03, 0.3, false, 0, 7),
                cn.chanrong.monitoring.domain.Detector.day(java.time.LocalDate.of(2026, 1, 1)));
        var memory = MonitoringBenchCommand.replay(stream, 1_024, false).found();

        var sql = MonitoringSideBenches.sql(ctx.getBean(javax.sql.DataSource.class), stream);

        assertThat(memory.total()).as("the stream has patterns to find").isPositive();
        assertThat(sql.found()).isEqualTo(memory);
        assertThat(sql.events()).isEqualTo(stream.events());
    }

    @Test
    void the_stream_through_kafka_finds_what_the_detector_finds_in_memory() throws Exception {
        var stream = MonitoringStream.generate(new MonitoringStream.Shape(80, 5_000, 40, 0.01, 0.03, 0.03, 0.3, false, 0, 11),
                cn.chanrong.monitoring.domain.Detector.day(java.time.LocalDate.of(2026, 1, 1)));
        var memory = MonitoringBenchCommand.replay(stream, 32, false).found();

        var kafka = MonitoringSideBenches.kafka(cn.chanrong.support.EmbeddedBroker.bootstrapServers(), 3, stream, 32);

        assertThat(memory.total()).isPositive();
        assertThat(kafka.events()).as("every record read back").isEqualTo(stream.events());
        assertThat(kafka.found()).as("JSON read and categorised, the same findings").isEqualTo(memory);
    }
}
