package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.scf.domain.ConfirmationMessage.Decision;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConfirmationMessageTests {

    static ConfirmationMessage sample(BigDecimal amount, Instant at, Decision decision) {
        return new ConfirmationMessage("AR-2025-0001", "91350100M000100Y43", "91110000MA01ABCD2Q", amount, "CNY",
                LocalDate.of(2025, 12, 31), at, decision);
    }

    @Test
    void the_canonical_form_is_fixed_key_value_lines_in_utf8() {
        byte[] bytes = sample(new BigDecimal("1200000.5"), Instant.parse("2025-06-01T08:30:00.123456789Z"),
                Decision.CONFIRMED).canonical();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("""
                chanrong-receivable-confirmation-v1
                receivable=AR-2025-0001
                creditor=91350100M000100Y43
                debtor=91110000MA01ABCD2Q
                amount=1200000.50
                currency=CNY
                due=2025-12-31
                confirmed-at=2025-06-01T08:30:00Z
                decision=CONFIRMED
                """);
    }

    @Test
    void equal_values_give_equal_bytes_whatever_their_scale_or_fraction_of_a_second() {
        Instant at = Instant.parse("2025-06-01T08:30:00Z");
        assertThat(sample(new BigDecimal("100"), at, Decision.CONFIRMED).canonical())
                .isEqualTo(sample(new BigDecimal("100.000"), at.plusNanos(999_000), Decision.CONFIRMED).canonical())
                .isEqualTo(ConfirmationMessage.canonical("AR-2025-0001", "91350100M000100Y43", "91110000MA01ABCD2Q",
                        new BigDecimal("1E+2"), "CNY", LocalDate.of(2025, 12, 31), at, Decision.CONFIRMED));
    }

    @Test
    void every_field_changes_the_bytes() {
        Instant at = Instant.parse("2025-06-01T08:30:00Z");
        byte[] base = sample(BigDecimal.TEN, at, Decision.CONFIRMED).canonical();
        assertThat(sample(BigDecimal.TEN, at, Decision.DISPUTED).canonical()).isNotEqualTo(base);
        assertThat(sample(new BigDecimal("10.01"), at, Decision.CONFIRMED).canonical()).isNotEqualTo(base);
        assertThat(sample(BigDecimal.TEN, at.plusSeconds(1), Decision.CONFIRMED).canonical()).isNotEqualTo(base);
    }

    @Test
    void a_line_break_in_a_value_or_a_third_decimal_is_a_defect_not_a_message() {
        assertThatThrownBy(() -> new ConfirmationMessage("AR-1\ndecision=DISPUTED", "a", "b", BigDecimal.ONE, "CNY",
                LocalDate.of(2025, 1, 1), Instant.EPOCH, Decision.CONFIRMED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sample(new BigDecimal("1.005"), Instant.EPOCH, Decision.CONFIRMED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_signature_over_the_canonical_bytes_verifies_after_rebuilding_from_stored_fields() {
        Sm2Signer signer = new Sm2Signer();
        var creditor = signer.generate();
        Instant at = Instant.parse("2025-06-01T08:30:00.987654321Z");
        byte[] signature = signer.sign(creditor.getPrivate(), sample(new BigDecimal("88.8"), at, Decision.CONFIRMED).canonical());
        // Stored with microsecond precision and amount at scale 2, then rebuilt by a verifier.
        Instant stored = Instant.parse("2025-06-01T08:30:00.987654Z");
        byte[] rebuilt = sample(new BigDecimal("88.80"), stored, Decision.CONFIRMED).canonical();
        assertThat(signer.verify(creditor.getPublic(), rebuilt, signature)).isTrue();
    }
}
