package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.warning.domain.Contagion;
import cn.chanrong.warning.domain.Contagion.Channel;
import cn.chanrong.warning.domain.Contagion.Edge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The contagion rule on small graphs, one row per case: edges "from>to:weight:channel", shocks, threshold, depth. */
class ContagionTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                // a core (1) with a tier-1 supplier (2) selling it half its revenue, whose tier-2 supplier (3) depends on 2 for 40 %
                Arguments.of("chain of three tiers", "1>2:0.5:SUPPLY 2>3:0.4:SUPPLY", "1=1", 0.10, 6,
                        "1=1.0/0[1] 2=0.5/1[1,2] 3=0.2/2[1,2,3]"),
                Arguments.of("the threshold stops the tail", "1>2:0.5:SUPPLY 2>3:0.4:SUPPLY 3>4:0.9:SUPPLY", "1=1", 0.25, 6,
                        "1=1.0/0[1] 2=0.5/1[1,2]"),
                Arguments.of("the depth stops the tail", "1>2:1:SUPPLY 2>3:1:SUPPLY 3>4:1:SUPPLY", "1=1", 0.10, 2,
                        "1=1.0/0[1] 2=1.0/1[1,2] 3=1.0/2[1,2,3]"),
                // 4 depends a little on 1 directly and much on 2: the longer way wins, its depth is its own
                Arguments.of("the stronger way wins over the shorter", "1>2:0.8:SUPPLY 1>4:0.2:CLAIM 2>4:0.5:GUARANTEE", "1=1",
                        0.10, 6, "1=1.0/0[1] 2=0.8/1[1,2] 4=0.4/2[1,2,4]"),
                // a shared supplier (5) sells to two stressed buyers: the larger dependence counts, not the sum
                Arguments.of("a shared supplier takes its worst buyer", "1>2:0.5:SUPPLY 1>3:0.6:SUPPLY 2>5:0.5:SUPPLY 3>5:0.3:SUPPLY",
                        "1=1", 0.10, 6, "1=1.0/0[1] 2=0.5/1[1,2] 3=0.6/1[1,3] 5=0.25/2[1,2,5]"),
                // group members point at each other: the cycle ends where the product falls under the threshold
                Arguments.of("a group's cycle ends", "1>2:0.3:GROUP 2>1:0.3:GROUP 2>3:0.3:GROUP 3>2:0.3:GROUP", "1=1", 0.05, 8,
                        "1=1.0/0[1] 2=0.3/1[1,2] 3=0.09/2[1,2,3]"),
                // equal ways: the one through the smaller id
                Arguments.of("equal ways take the smaller ids", "1>3:0.5:SUPPLY 1>2:0.5:SUPPLY 3>4:0.5:SUPPLY 2>4:0.5:SUPPLY", "1=1",
                        0.10, 6, "1=1.0/0[1] 2=0.5/1[1,2] 3=0.5/1[1,3] 4=0.25/2[1,2,4]"),
                // a sector shock: two firms at 40 %; a firm shocked below the threshold is kept and passes nothing on
                Arguments.of("a sector shock", "1>3:0.5:SUPPLY 2>3:0.6:SUPPLY 6>7:1:SUPPLY", "1=0.4 2=0.4 6=0.05", 0.10, 6,
                        "1=0.4/0[1] 2=0.4/0[2] 6=0.05/0[6] 3=0.24/1[2,3]"),
                // a shocked firm reached harder through another shocked firm takes the larger impact
                Arguments.of("a shocked firm hit harder by another", "1>2:0.9:SUPPLY", "1=1 2=0.2", 0.10, 6,
                        "1=1.0/0[1] 2=0.9/1[1,2]"),
                Arguments.of("no edges", "", "9=1", 0.10, 6, "9=1.0/0[9]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void propagates(String name, String edges, String shocks, double threshold, int depth, String expected) {
        List<Edge> graph = parse(edges);
        var result = Contagion.propagate(shocks(shocks), firms -> graph.stream()
                .filter(e -> Arrays.binarySearch(firms, e.from()) >= 0).toList(), threshold, depth);
        String got = result.hits().values().stream()
                .map(h -> h.firm() + "=" + round(h.impact()) + "/" + h.depth() + Arrays.toString(h.path()).replace(" ", ""))
                .collect(Collectors.joining(" "));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void the_last_channel_is_kept_and_the_graph_is_read_once_per_round() {
        List<long[]> asked = new ArrayList<>();
        List<Edge> graph = parse("1>2:0.5:GUARANTEE 2>3:0.5:CLAIM");
        var result = Contagion.propagate(Map.of(1L, 1.0), firms -> {
            asked.add(firms);
            return graph.stream().filter(e -> Arrays.binarySearch(firms, e.from()) >= 0).toList();
        }, 0.1, 6);
        assertThat(result.hits().get(2L).channel()).isEqualTo(Channel.GUARANTEE);
        assertThat(result.hits().get(3L).channel()).isEqualTo(Channel.CLAIM);
        assertThat(result.hits().get(3L).via()).isEqualTo(2L);
        assertThat(asked).extracting(Arrays::toString).containsExactly("[1]", "[2]", "[3]");
        assertThat(result.rounds()).isEqualTo(3);
    }

    @Test
    void shocks_and_settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> Contagion.propagate(Map.of(1L, 1.5), f -> List.of(), 0.1, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contagion.propagate(Map.of(1L, 1.0), f -> List.of(), 0, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 1e6) / 1e6);
    }

    private static Map<Long, Double> shocks(String s) {
        Map<Long, Double> m = new java.util.LinkedHashMap<>();
        for (String part : s.split(" ")) {
            String[] kv = part.split("=");
            m.put(Long.parseLong(kv[0]), Double.parseDouble(kv[1]));
        }
        return m;
    }

    private static List<Edge> parse(String s) {
        List<Edge> edges = new ArrayList<>();
        for (String part : s.isBlank() ? new String[0] : s.split(" ")) {
            String[] a = part.split("[>:]");
            edges.add(new Edge(Long.parseLong(a[0]), Long.parseLong(a[1]), Double.parseDouble(a[2]), Channel.valueOf(a[3])));
        }
        return edges;
    }
}
