package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertStatusTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            OPEN      | confirm | CONFIRMED
            OPEN      | dismiss | DISMISSED
            CONFIRMED | confirm | -
            CONFIRMED | dismiss | -
            DISMISSED | confirm | -
            DISMISSED | dismiss | -
            """)
    void an_open_alert_is_decided_once(AlertStatus from, String act, AlertStatus to) {
        Transition<AlertStatus> t = "confirm".equals(act) ? from.confirm() : from.dismiss();
        if (to == null) {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class,
                    r -> assertThat(r.rejection().code()).isEqualTo("monitoring.alert.decided"));
            assertThat(from.open()).isFalse();
        } else {
            assertThat(t).isEqualTo(Transition.to(to));
            assertThat(from.open()).isTrue();
        }
    }
}
