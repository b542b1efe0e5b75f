package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cli.MonitoringStream.Planted;
import cn.chanrong.monitoring.domain.Detector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench monitoring}'s part in memory, small: what it reports adds up and the detector finds what was planted. */
class BenchCommandTests {

    static Map<String, String> result(String output, String name) {
        String line = output.lines().filter(l -> l.startsWith("RESULT " + name + " ")).findFirst().orElseThrow();
        Map<String, String> r = new HashMap<>();
        for (String kv : line.substring(("RESULT " + name + " ").length()).split(" ")) {
            r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return r;
    }

    @Test
    void the_monitoring_bench_in_memory_finds_every_planted_pattern_and_names_the_baseline() {
        StringWriter text = new StringWriter();
        int code = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text)).execute("monitoring",
                "--events", "30000", "--accounts", "300", "--days", "40", "--prohibited-share", "0.02",
                "--round-trip-share", "0.02", "--fan-out-share", "0.2", "--persisted-events", "0", "--sql-events", "0");

        assertThat(code).as(text.toString()).isZero();
        Map<String, String> r = result(text.toString(), "monitoring");
        assertThat(r).containsEntry("sound", "true").containsEntry("persisted_events_per_s", "-")
                .containsEntry("kafka_events_per_s", "-").containsEntry("sql_events_per_s", "-")
                .containsEntry("tazama_tps", "2500").containsEntry("tazama_vms", "30").containsEntry("accounts", "300");
        assertThat(Long.parseLong(r.get("events"))).isBetween(30_000L, 31_000L);
        assertThat(Double.parseDouble(r.get("events_per_s"))).isPositive();
        assertThat(Double.parseDouble(r.get("p99_ms"))).isGreaterThanOrEqualTo(Double.parseDouble(r.get("p50_ms")));
        assertThat(text.toString()).contains("Tazama about 2,500 transactions/s on about 30 cloud VMs");
    }

    @Test
    void every_prohibited_payment_and_round_trip_planted_is_found_once_and_every_fan_out() {
        var shape = new MonitoringStream.Shape(200, 20_000, 45, 0.01, 0.03, 0.03, 0.3, false, 0, 5);
        var stream = MonitoringStream.generate(shape, Detector.day(java.time.LocalDate.of(2026, 3, 1)));

        var found = MonitoringBenchCommand.replay(stream, 64, false).found();

        assertThat(stream.planted().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(found.prohibitedUse()).isEqualTo(stream.planted().get(Planted.PROHIBITED_USE).longValue());
        assertThat(found.roundTrip()).isEqualTo(stream.planted().get(Planted.ROUND_TRIP).longValue());
        assertThat(found.fanOut()).isGreaterThanOrEqualTo(stream.planted().get(Planted.FAN_OUT).longValue());
    }

    @Test
    void ordinary_trade_pays_no_prohibited_payee_and_gets_nothing_back() {
        var shape = new MonitoringStream.Shape(200, 20_000, 45, 0.01, 0, 0, 0, false, 0, 5);
        var stream = MonitoringStream.generate(shape, Detector.day(java.time.LocalDate.of(2026, 3, 1)));

        var found = MonitoringBenchCommand.replay(stream, 64, false).found();

        // customers who pay in are never the suppliers paid; a busy account may still scatter a loan by itself
        assertThat(found.prohibitedUse()).isZero();
        assertThat(found.roundTrip()).isZero();
    }

    @Test
    void the_same_shape_and_seed_give_the_same_stream() {
        var shape = new MonitoringStream.Shape(50, 2_000, 10, 0.01, 0.02, 0.02, 0.2, true, 100_000_000L, 9);
        var a = MonitoringStream.generate(shape, 20_000);
        var b = MonitoringStream.generate(shape, 20_000);

        assertThat(a.items()).isEqualTo(b.items());
        assertThat(a.loans()).as("one loan per account on the first day").isEqualTo(50);
        assertThat(a.items().stream().filter(i -> i.loan() != null))
                .allSatisfy(i -> assertThat(i.loan().disbursedOn()).isEqualTo(20_000));
        assertThat(a.items().stream().filter(i -> i.event() != null))
                .allSatisfy(i -> assertThat(i.event().valueDate()).isBetween(20_000, 20_009));
    }
}
