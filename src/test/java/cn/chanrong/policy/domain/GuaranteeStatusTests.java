package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuaranteeStatusTests {

    @ParameterizedTest(name = "{0} claims, {1} paid: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | ACTIVE
            1 | 0 | CLAIMING
            1 | 1 | CLAIMING
            3 | 2 | CLAIMING
            3 | 3 | SETTLED
            """)
    void a_guarantee_stands_where_its_claims_put_it(int claims, int paid, GuaranteeStatus expected) {
        assertThat(GuaranteeStatus.of(claims, paid)).isEqualTo(expected);
    }
}
