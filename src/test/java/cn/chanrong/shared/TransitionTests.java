package cn.chanrong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitionTests {

    enum Light { RED, GREEN }

    @Test
    void an_allowed_transition_gives_the_new_state() {
        Transition<Light> t = Transition.to(Light.GREEN);
        assertThat(t.allowed()).isTrue();
        assertThat(t.orThrow()).isEqualTo(Light.GREEN);
    }

    @Test
    void a_refused_transition_is_thrown_as_a_conflict_with_its_reason_or_as_the_caller_asks() {
        Transition<Light> t = Transition.refused("light.red", "status", "RED");
        assertThat(t.allowed()).isFalse();
        assertThatThrownBy(t::orThrow).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejected.Kind.CONFLICT);
            assertThat(r.rejections()).containsExactly(Rejection.of("light.red", "status", "RED"));
        });
        assertThatThrownBy(() -> t.orThrow(Rejected::invalid)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.kind()).isEqualTo(Rejected.Kind.INVALID));
    }
}
