package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoucherPartsTests {

    @Test
    void pieces_that_add_up_to_the_part_are_a_split() {
        assertThat(VoucherParts.split(100_000_00, List.of(60_000_00L, 39_999_99L, 1L))).isEmpty();
        assertThat(VoucherParts.split(2, List.of(1L, 1L))).isEmpty();
    }

    @Test
    void the_sum_must_match_to_the_fen_with_both_figures_reported() {
        assertThat(VoucherParts.split(100_000_00, List.of(60_000_00L, 40_000_01L)))
                .containsExactly(Rejection.of("voucher.split-sum", "pieces", 100_000_01L, 100_000_00L));
        assertThat(VoucherParts.split(100_000_00, List.of(60_000_00L, 39_999_99L)))
                .containsExactly(Rejection.of("voucher.split-sum", "pieces", 99_999_99L, 100_000_00L));
    }

    @Test
    void every_piece_is_at_least_one_fen() {
        assertThat(VoucherParts.split(100, Arrays.asList(101L, 0L, -1L, null))).containsExactly(
                Rejection.of("voucher.split-min", "pieces[1]", 1, 0L),
                Rejection.of("voucher.split-min", "pieces[2]", 2, -1L),
                Rejection.of("voucher.split-min", "pieces[3]", 3, "null"));
    }

    @Test
    void one_piece_or_none_is_not_a_split() {
        assertThat(VoucherParts.split(100, List.of(100L))).containsExactly(Rejection.of("voucher.split-count", "pieces", 2, 1));
        assertThat(VoucherParts.split(100, List.of())).extracting(Rejection::code).containsExactly("voucher.split-count");
        assertThat(VoucherParts.split(100, null)).extracting(Rejection::code).containsExactly("voucher.split-count");
    }

    @Test
    void pieces_beyond_a_long_neither_wrap_nor_saturate_into_a_match() {
        long max = Long.MAX_VALUE;
        // Wrapping: MAX + MAX + 1 + 1 == 0 (mod 2^64); saturating: MAX + 1 == MAX. Both are wrong sums.
        assertThat(VoucherParts.split(0, List.of(max, max, 1L, 1L))).extracting(Rejection::code)
                .containsExactly("voucher.split-sum");
        assertThat(VoucherParts.split(max, List.of(max, 1L))).containsExactly(
                Rejection.of("voucher.split-sum", "pieces", java.math.BigInteger.valueOf(max).add(java.math.BigInteger.ONE), max));
        assertThat(VoucherParts.split(max, List.of(max - 1, 1L))).isEmpty();
    }
}
