package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.warning.domain.SignalRule;
import cn.chanrong.warning.domain.WarningLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarningLevelTests {

    static final Map<String, Integer> WEIGHTS = Map.of("DISHONEST_DEBTOR", 40, "LITIGATION", 10, "ABNORMAL_OPERATION", 15,
            "CONFIRMED_DIVERSION", 30, "LEVEL_WATCH", 10, "LEVEL_ALERT", 30, "LEVEL_SEVERE", 60);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no signal                                | -                                          | 0  | NONE
            one lawsuit reaches watch                | LITIGATION                                 | 10 | WATCH
            the same rule twice counts once          | LITIGATION LITIGATION                      | 10 | WATCH
            abnormal operation and a lawsuit         | ABNORMAL_OPERATION LITIGATION              | 25 | WATCH
            a dishonest debtor is an alert           | DISHONEST_DEBTOR                           | 40 | ALERT
            dishonest and diverted: severe           | DISHONEST_DEBTOR CONFIRMED_DIVERSION       | 70 | SEVERE
            a rule without a setting weighs nothing  | RESTRICTED_SECTOR                          | 0  | NONE
            """)
    void signals_combine_by_their_weights_into_a_level(String name, String rules, int score, WarningLevel level) {
        List<SignalRule> fired = rules == null ? List.of() : Arrays.stream(rules.split(" ")).map(SignalRule::valueOf).toList();
        WarningLevel.Scored s = WarningLevel.of(fired, WEIGHTS);
        assertThat(s.score()).isEqualTo(score);
        assertThat(s.level()).isEqualTo(level);
    }
}
