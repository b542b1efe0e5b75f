package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VoucherTermsTests {

    static final LocalDate ISSUED = LocalDate.of(2025, 7, 1);

    @ParameterizedTest(name = "{0} → {1} allowed={2}: {3}")
    @CsvSource({
            "2025-07-01, 2025-07-02, false, ",
            "2025-07-01, 2026-01-01, false, ",
            "2025-07-01, 2026-01-02, false, voucher.term-over-6",
            "2025-07-01, 2026-01-02, true, ",
            "2025-07-01, 2026-07-01, true, ",
            "2025-07-01, 2026-07-02, true, voucher.term-max-12",
            "2025-07-01, 2026-07-02, false, voucher.term-max-12",
            "2025-07-01, 2025-07-01, false, voucher.term-order",
            "2025-07-01, 2025-06-30, true, voucher.term-order",
            "2025-08-31, 2026-02-28, false, ",
            "2025-08-31, 2026-03-01, false, voucher.term-over-6",
            "2024-02-29, 2025-02-28, true, ",
            "2024-02-29, 2025-03-01, true, voucher.term-max-12",
    })
    void terms_table(LocalDate issued, LocalDate maturity, boolean allowed, String expected) {
        var rejections = VoucherTerms.check(issued, maturity, allowed);
        if (expected == null) {
            assertThat(rejections).isEmpty();
        } else {
            assertThat(rejections).extracting(Rejection::code).containsExactly(expected);
            assertThat(rejections.getFirst().field()).isEqualTo("maturity");
        }
    }

    @Test
    void the_rejections_carry_the_latest_allowed_maturity() {
        assertThat(VoucherTerms.check(ISSUED, LocalDate.of(2026, 3, 1), false))
                .containsExactly(Rejection.of("voucher.term-over-6", "maturity", 6, LocalDate.of(2026, 1, 1)));
        assertThat(VoucherTerms.check(ISSUED, LocalDate.of(2027, 1, 1), true))
                .containsExactly(Rejection.of("voucher.term-max-12", "maturity", LocalDate.of(2026, 7, 1)));
    }

    @Test
    void the_default_ceiling_is_a_parameter_but_a_year_is_absolute() {
        assertThat(VoucherTerms.check(ISSUED, LocalDate.of(2025, 11, 1), 3, false))
                .extracting(Rejection::code).containsExactly("voucher.term-over-6");
        assertThat(VoucherTerms.check(ISSUED, LocalDate.of(2025, 11, 1), 3, true)).isEmpty();
        assertThatThrownBy(() -> VoucherTerms.check(ISSUED, ISSUED.plusDays(1), 13, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missing_dates_are_named() {
        assertThat(VoucherTerms.check(null, null, false)).containsExactly(
                Rejection.of("voucher.required", "issuedOn"), Rejection.of("voucher.required", "maturity"));
    }
}
