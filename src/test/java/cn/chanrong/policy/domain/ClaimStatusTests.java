package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimStatusTests {

    /** Each decision once, from the state that allows it ("-": refused). */
    @ParameterizedTest(name = "{0}: settle {1}, pay {2}, reject {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SUBMITTED | SETTLED | PAID | REJECTED
            CLAIMED   | -       | PAID | -
            SETTLED   | -       | -    | -
            PAID      | -       | -    | -
            REJECTED  | -       | -    | -
            """)
    void a_claim_is_decided_once(ClaimStatus from, String settle, String pay, String reject) {
        assertThat(outcome(from.settle())).isEqualTo(settle);
        assertThat(outcome(from.pay())).isEqualTo(pay);
        assertThat(outcome(from.reject())).isEqualTo(reject);
    }

    private static String outcome(cn.chanrong.shared.Transition<ClaimStatus> t) {
        return t instanceof cn.chanrong.shared.Transition.To<ClaimStatus> to ? to.state().name() : "-";
    }
}
