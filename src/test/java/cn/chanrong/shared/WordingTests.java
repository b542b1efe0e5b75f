package cn.chanrong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WordingTests {

    private final Wording sample = Wording.of("sample");

    @Test
    void both_languages_are_joined_with_arguments_as_plain_text() {
        assertThat(sample.both("memo", new BigDecimal("1E+6")))
                .isEqualTo("放款 1000000 元 / disbursement of 1000000 yuan, the borrower's");
        assertThat(sample.in(true, "memo", "5")).isEqualTo("disbursement of 5 yuan, the borrower's");
        assertThat(sample.in(false, "memo", "5")).isEqualTo("放款 5 元");
    }

    @Test
    void a_missing_key_names_itself() {
        assertThatThrownBy(() -> sample.zh("nothing")).hasMessageContaining("nothing");
    }
}
