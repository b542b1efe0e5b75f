package cn.chanrong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

    static final String VALID = "91350100M000100Y43";

    @Test
    void the_published_example_is_valid() {
        assertThat(CreditCode.check(VALID, "creditCode")).isEmpty();
        assertThat(new CreditCode(VALID).divisionCode()).isEqualTo("350100");
    }

    @Test
    void every_single_character_corruption_is_rejected() {
        int corruptions = 0;
        for (int pos = 0; pos < 18; pos++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (c == VALID.charAt(pos)) {
                    continue;
                }
                String corrupt = VALID.substring(0, pos) + c + VALID.substring(pos + 1);
                Optional<Rejection> r = CreditCode.check(corrupt, "creditCode");
                assertThat(r).as("corruption %s", corrupt).isPresent();
                assertThat(r.get().code()).isEqualTo("credit-code.check");
                corruptions++;
            }
        }
        assertThat(corruptions).isEqualTo(18 * 30);
    }

    @Test
    void a_wrong_check_character_names_position_18_and_the_expected_one() {
        Rejection r = CreditCode.check("91350100M000100Y44", "creditCode").orElseThrow();
        assertThat(r.field()).isEqualTo("creditCode");
        assertThat(r.args()).containsExactly(18, "3", "4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z", "a", "-", "中"})
    void characters_outside_the_alphabet_are_rejected_with_their_position(String bad) {
        String code = VALID.substring(0, 5) + bad + VALID.substring(6);
        Rejection r = CreditCode.check(code, "creditCode").orElseThrow();
        assertThat(r.code()).isEqualTo("credit-code.alphabet");
        assertThat(r.args()).containsExactly(6, bad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433"})
    void wrong_lengths_are_rejected(String code) {
        Rejection r = CreditCode.check(code, "creditCode").orElseThrow();
        assertThat(r.code()).isEqualTo("credit-code.length");
        assertThat(r.args()).containsExactly(18, code.length());
    }

    @Test
    void complete_appends_the_check_character() {
        assertThat(CreditCode.complete("91350100M000100Y4").value()).isEqualTo(VALID);
        assertThat(CreditCode.failsOnlyCheck("91350100M000100Y40")).isTrue();
        assertThat(CreditCode.failsOnlyCheck("91350100M00010OY43")).isFalse();
        assertThatThrownBy(() -> new CreditCode("91350100M000100Y40")).isInstanceOf(IllegalArgumentException.class);
    }
}
