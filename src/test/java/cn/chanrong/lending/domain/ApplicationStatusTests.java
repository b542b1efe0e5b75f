package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An application's transitions from every state: where it goes, or why it may not. */
class ApplicationStatusTests {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(delimiter = '|', value = {
            // from | transition | to, or the refusal's code
            "IN_PROGRESS | pass | IN_PROGRESS",
            "IN_PROGRESS | pass at the last step | APPROVED",
            "IN_PROGRESS | reject | REJECTED",
            "IN_PROGRESS | reject at the last step | REJECTED",
            "APPROVED | pass | lending.approval.closed",
            "REJECTED | reject | lending.approval.closed",
            "CONTRACTED | pass at the last step | lending.approval.closed",
            "WITHDRAWN | pass | lending.approval.closed",
            "APPROVED | contract | CONTRACTED",
            "IN_PROGRESS | contract | lending.contract.not-approved",
            "REJECTED | contract | lending.contract.not-approved",
            "CONTRACTED | contract | lending.contract.not-approved"})
    void every_transition_from_every_state(ApplicationStatus from, String transition, String expected) {
        Transition<ApplicationStatus> t = transition.equals("contract") ? from.contract()
                : from.act(transition.startsWith("pass"), transition.endsWith("last step"));
        if (expected.startsWith("lending.")) {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class, r -> {
                assertThat(r.rejection().code()).isEqualTo(expected);
                assertThat(r.rejection().args()).containsExactly(from.name());
            });
        } else {
            assertThat(t.orThrow()).isEqualTo(ApplicationStatus.valueOf(expected));
        }
    }
}
