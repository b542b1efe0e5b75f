package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.Settlement.Line;
import cn.chanrong.scf.domain.Settlement.LivePart;
import cn.chanrong.shared.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTests {

    static final List<LivePart> PARTS = List.of(
            new LivePart("p1", "B", 500_000_00L, null),
            new LivePart("p2", "C", 100_000_00L, null),
            new LivePart("p3", "A", 400_000_00L, "银行X"));

    @Test
    void full_payment_goes_to_holders_and_to_the_funder_of_a_discounted_part() {
        Settlement.Plan plan = Settlement.plan(1_000_000_00L, PARTS);
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.lines()).containsExactly(
                new Line("p1", "B", false, 500_000_00L, 500_000_00L, 0),
                new Line("p2", "C", false, 100_000_00L, 100_000_00L, 0),
                new Line("p3", "银行X", true, 400_000_00L, 400_000_00L, 0));
        assertThat(plan.shortfallFen()).isZero();
    }

    @Test
    void a_short_payment_is_shared_pro_rata() {
        Settlement.Plan plan = Settlement.plan(800_000_00L, PARTS);
        assertThat(plan.lines()).extracting(Line::paidFen).containsExactly(400_000_00L, 80_000_00L, 320_000_00L);
        assertThat(plan.lines()).extracting(Line::shortfallFen).containsExactly(100_000_00L, 20_000_00L, 80_000_00L);
        assertThat(plan.shortfallFen()).isEqualTo(200_000_00L);
    }

    @Test
    void odd_fen_go_to_the_largest_remainders_so_the_sums_are_exact() {
        List<LivePart> thirds = List.of(new LivePart("a", "A", 1, null), new LivePart("b", "B", 1, null),
                new LivePart("c", "C", 1, null));
        assertThat(Settlement.plan(2, thirds).lines()).extracting(Line::paidFen).containsExactly(1L, 1L, 0L);

        // 10 fen paid on 7 + 3 + 5 = 15: exact shares 4.67, 2, 3.33 → floors 4, 2, 3; the fen left goes to a.
        List<LivePart> parts = List.of(new LivePart("a", "A", 7, null), new LivePart("b", "B", 3, null),
                new LivePart("c", "C", 5, null));
        Settlement.Plan plan = Settlement.plan(10, parts);
        assertThat(plan.lines()).extracting(Line::paidFen).containsExactly(5L, 2L, 3L);
        assertThat(plan.lines()).extracting(Line::shortfallFen).containsExactly(2L, 1L, 2L);
    }

    @Test
    void nothing_paid_means_everything_is_short() {
        Settlement.Plan plan = Settlement.plan(0, PARTS);
        assertThat(plan.lines()).allSatisfy(l -> assertThat(l.shortfallFen()).isEqualTo(l.dueFen()));
    }

    @Test
    void huge_amounts_do_not_overflow() {
        long big = 4_000_000_000_000_000L;
        List<LivePart> parts = List.of(new LivePart("a", "A", big, null), new LivePart("b", "B", big, null));
        Settlement.Plan plan = Settlement.plan(big + 1, parts);
        assertThat(plan.lines()).extracting(Line::paidFen).containsExactly(big / 2 + 1, big / 2);
    }

    @Test
    void impossible_plans_are_rejections() {
        assertThat(Settlement.plan(1, List.of()).rejections()).extracting(Rejection::code).containsExactly("settlement.no-parts");
        assertThat(Settlement.plan(-1, PARTS).rejections())
                .containsExactly(Rejection.of("settlement.paid-negative", "issuerPaidFen", -1L));
        assertThat(Settlement.plan(1_000_000_01L, PARTS).rejections())
                .containsExactly(Rejection.of("settlement.overpaid", "issuerPaidFen", 1_000_000_01L, 1_000_000_00L));
        assertThat(Settlement.plan(1, List.of(new LivePart("z", "Z", 0, null))).rejections())
                .containsExactly(Rejection.of("settlement.part-amount", "parts[0].amountFen", "z", 0L));
        assertThat(Settlement.plan(-1, PARTS).lines()).isEmpty();
    }
}
