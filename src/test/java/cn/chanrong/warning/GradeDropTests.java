package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.warning.domain.GradeDrop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The score-deterioration rule: notches below the year's best grade, firing at two. */
class GradeDropTests {

    @ParameterizedTest(name = "{0} → {1}: {2} notches")
    @CsvSource({
            "A, A, 0, false",
            "A, BBB, 1, false",
            "A, BB, 2, true",
            "AAA, CCC, 6, true",
            "BB, A, -2, false",
            "BBB, B, 2, true",
            "X, B, 0, false",
            "B, CCC, 1, false"})
    void counts_notches_and_fires_at_two(String best, String now, int notches, boolean fires) {
        assertThat(GradeDrop.notches(best, now)).isEqualTo(notches);
        assertThat(GradeDrop.fires(best, now)).isEqualTo(fires);
    }
}
