package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Transition;
import cn.chanrong.warning.domain.CaseStatus;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseStatusTests {

    @ParameterizedTest(name = "{0}: finance → {1}, overdue on 2026-07-01 when due 2026-06-30: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN     | FINANCED | true
            FINANCED | refused  | false
            CLOSED   | refused  | false
            """)
    void only_an_open_case_takes_its_financing_and_only_an_open_one_is_overdue(CaseStatus from, String to, boolean overdue) {
        Transition<CaseStatus> t = from.finance();
        assertThat(t instanceof Transition.To<CaseStatus> ok ? ok.state().name() : "refused").isEqualTo(to);
        assertThat(from.overdue(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1))).isEqualTo(overdue);
        assertThat(from.overdue(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30))).isFalse();
    }
}
