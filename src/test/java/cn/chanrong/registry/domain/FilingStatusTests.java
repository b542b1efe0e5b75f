package cn.chanrong.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilingStatusTests {

    @ParameterizedTest(name = "{0}: cancel → {1}, change → {2}")
    @CsvSource({
            "ACTIVE,    CANCELLED,                  ACTIVE",
            "CANCELLED, registry.already-cancelled, registry.already-cancelled"})
    void only_an_active_filing_is_cancelled_or_changed(FilingStatus from, String cancel, String change) {
        assertThat(outcome(from.cancel("202606300000000001"))).isEqualTo(cancel);
        assertThat(outcome(from.change("202606300000000001"))).isEqualTo(change);
    }

    static String outcome(Transition<FilingStatus> t) {
        return switch (t) {
            case Transition.To<FilingStatus> to -> to.state().name();
            case Transition.Refused<FilingStatus> refused -> refused.rejection().code();
        };
    }

    @Test
    void a_cancelled_filing_cannot_be_cancelled_again_and_the_refusal_names_it() {
        Transition<FilingStatus> again = FilingStatus.CANCELLED.cancel("202606300000000001");
        assertThat(again.allowed()).isFalse();
        assertThatThrownBy(again::orThrow).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejected.Kind.CONFLICT);
            assertThat(r.rejections().getFirst().field()).isEqualTo("number");
            assertThat(r.rejections().getFirst().args()).containsExactly("202606300000000001");
        });
    }

    @Test
    void the_stored_text_maps_to_the_status() {
        assertThat(FilingStatus.of("ACTIVE")).isEqualTo(FilingStatus.ACTIVE);
        assertThat(FilingStatus.of("CANCELLED")).isEqualTo(FilingStatus.CANCELLED);
        assertThatThrownBy(() -> FilingStatus.of("EXPIRED")).isInstanceOf(IllegalArgumentException.class);
    }
}
