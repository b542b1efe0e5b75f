package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.PenetrationTree.Part;
import cn.chanrong.scf.domain.PenetrationTree.Status;
import cn.chanrong.scf.domain.Settlement.Line;
import cn.chanrong.scf.domain.Settlement.LivePart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property-style: random histories of splits, transfers and discounts (fixed seeds, so a failure
 * reproduces) must conserve the face value to the fen, and settlement must hand out exactly what
 * the issuer paid.
 */
class VoucherConservationTests {

    static final long SEED = 20250615L;

    @RepeatedTest(40)
    void random_histories_conserve_value_through_the_tree_and_settlement(RepetitionInfo run) {
        Random random = new Random(SEED + run.getCurrentRepetition());
        long face = 1 + random.nextLong(run.getCurrentRepetition() % 4 == 0 ? 1_000 : 100_000_000_000L);
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("v", new Part("v", null, "T1", face, Status.LIVE, 1));
        int steps = 1 + random.nextInt(150);
        for (int step = 0; step < steps; step++) {
            List<Part> live = parts.values().stream().filter(p -> p.status() == Status.LIVE).toList();
            if (live.isEmpty()) {
                break;
            }
            Part part = live.get(random.nextInt(live.size()));
            int op = random.nextInt(10);
            if (op < 6 && part.amountFen() >= 2) {
                split(part, random, parts);
            } else if (op < 9) {
                replace(parts, part, Status.TRANSFERRED);
                String id = part.id() + ".t";
                parts.put(id, new Part(id, part.id(), "T" + (part.tier() + 1) + "-" + step, part.amountFen(), Status.LIVE,
                        part.tier() + 1));
            } else {
                replace(parts, part, Status.DISCOUNTED);
            }
        }

        List<Part> shuffled = new ArrayList<>(parts.values());
        Collections.shuffle(shuffled, random);
        PenetrationTree.Built built = PenetrationTree.build(shuffled);
        assertThat(built.rejections()).isEmpty();
        assertThat(PenetrationTree.check(built.root(), face)).isEmpty();
        assertThat(built.root().outstandingByTier().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(face);

        List<LivePart> outstanding = built.root().leaves().stream()
                .map(p -> new LivePart(p.id(), p.holderName(), p.amountFen(), p.status() == Status.DISCOUNTED ? "F" : null))
                .toList();
        long paid = random.nextInt(3) == 0 ? face : random.nextLong(face + 1);
        Settlement.Plan plan = Settlement.plan(paid, outstanding);
        assertThat(plan.rejections()).isEmpty();
        assertThat(plan.lines().stream().mapToLong(Line::paidFen).sum()).isEqualTo(paid);
        assertThat(plan.lines().stream().mapToLong(Line::shortfallFen).sum()).isEqualTo(face - paid);
        for (Line line : plan.lines()) {
            assertThat(line.paidFen()).isBetween(0L, line.dueFen());
            BigDecimal exact = BigDecimal.valueOf(paid).multiply(BigDecimal.valueOf(line.dueFen()))
                    .divide(BigDecimal.valueOf(face), 10, RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(line.paidFen()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }

        List<Part> settled = parts.values().stream().map(p -> p.status().leaf()
                ? new Part(p.id(), p.parentId(), p.holderName(), p.amountFen(), Status.SETTLED, p.tier()) : p).toList();
        assertThat(PenetrationTree.check(PenetrationTree.build(settled).root(), face)).isEmpty();
    }

    private static void split(Part part, Random random, Map<String, Part> parts) {
        int count = (int) Math.min(2 + random.nextInt(4), part.amountFen());
        TreeSet<Long> cuts = new TreeSet<>();
        while (cuts.size() < count - 1) {
            cuts.add(1 + random.nextLong(part.amountFen() - 1));
        }
        List<Long> pieces = new ArrayList<>();
        long previous = 0;
        for (long cut : cuts) {
            pieces.add(cut - previous);
            previous = cut;
        }
        pieces.add(part.amountFen() - previous);
        assertThat(VoucherParts.split(part.amountFen(), pieces)).isEmpty();

        // The same split off by one fen either way is refused.
        List<Long> tooMuch = new ArrayList<>(pieces);
        tooMuch.set(0, tooMuch.get(0) + 1);
        assertThat(VoucherParts.split(part.amountFen(), tooMuch)).extracting(r -> r.code()).containsExactly("voucher.split-sum");

        replace(parts, part, Status.SPLIT);
        for (int i = 0; i < pieces.size(); i++) {
            String id = part.id() + "." + i;
            parts.put(id, new Part(id, part.id(), part.holderName(), pieces.get(i), Status.LIVE, part.tier()));
        }
    }

    private static void replace(Map<String, Part> parts, Part part, Status status) {
        parts.put(part.id(), new Part(part.id(), part.parentId(), part.holderName(), part.amountFen(), status, part.tier()));
    }
}
