package cn.chanrong.scf.domain;

import static cn.chanrong.scf.domain.PenetrationTree.Status.DISCOUNTED;
import static cn.chanrong.scf.domain.PenetrationTree.Status.LIVE;
import static cn.chanrong.scf.domain.PenetrationTree.Status.SETTLED;
import static cn.chanrong.scf.domain.PenetrationTree.Status.SPLIT;
import static cn.chanrong.scf.domain.PenetrationTree.Status.TRANSFERRED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.PenetrationTree.Part;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PenetrationTreeTests {

    static final long FACE = 1_000_000_00L;

    /**
     * Core enterprise issues 1,000,000.00 to tier-1 A. A splits 600,000 / 400,000, transfers the
     * 600,000 to tier-2 B and discounts the 400,000; B splits 500,000 / 100,000 and transfers the
     * 100,000 to tier-3 C.
     */
    static List<Part> chain() {
        return List.of(
                new Part("v", null, "A", FACE, SPLIT, 1),
                new Part("v.1", "v", "A", 600_000_00L, TRANSFERRED, 1),
                new Part("v.2", "v", "A", 400_000_00L, DISCOUNTED, 1),
                new Part("v.1.t", "v.1", "B", 600_000_00L, SPLIT, 2),
                new Part("v.1.t.1", "v.1.t", "B", 500_000_00L, LIVE, 2),
                new Part("v.1.t.2", "v.1.t", "B", 100_000_00L, TRANSFERRED, 2),
                new Part("v.1.t.2.t", "v.1.t.2", "C", 100_000_00L, LIVE, 3));
    }

    @Test
    void the_chain_builds_into_one_tree_that_conserves_the_face_value() {
        PenetrationTree.Built built = PenetrationTree.build(chain());
        assertThat(built.rejections()).isEmpty();
        PenetrationTree.Node root = built.root();
        assertThat(root.part().id()).isEqualTo("v");
        assertThat(root.children()).extracting(n -> n.part().id()).containsExactly("v.1", "v.2");
        assertThat(root.leaves()).extracting(Part::id).containsExactly("v.1.t.1", "v.1.t.2.t", "v.2");
        assertThat(PenetrationTree.check(root, FACE)).isEmpty();
        assertThat(root.outstandingByTier()).isEqualTo(Map.of(1, 400_000_00L, 2, 500_000_00L, 3, 100_000_00L));
    }

    @Test
    void settled_leaves_still_account_for_the_face_value() {
        List<Part> settled = chain().stream()
                .map(p -> p.status().leaf() ? new Part(p.id(), p.parentId(), p.holderName(), p.amountFen(), SETTLED, p.tier()) : p)
                .toList();
        PenetrationTree.Node root = PenetrationTree.build(settled).root();
        assertThat(PenetrationTree.check(root, FACE)).isEmpty();
        assertThat(root.outstandingByTier()).isEmpty();
    }

    @Test
    void a_leaf_that_vanished_breaks_the_split_and_the_leaf_sum() {
        List<Part> parts = new ArrayList<>(chain());
        parts.removeIf(p -> p.id().equals("v.1.t.1"));
        List<Rejection> rejections = PenetrationTree.check(PenetrationTree.build(parts).root(), FACE);
        assertThat(rejections).containsExactly(
                Rejection.of("voucher.tree-split", null, "v.1.t", 1, 100_000_00L, 600_000_00L),
                Rejection.of("voucher.tree-live-sum", null, 500_000_00L, FACE));
    }

    @Test
    void a_wrong_face_value_is_reported() {
        assertThat(PenetrationTree.check(PenetrationTree.build(chain()).root(), FACE + 1)).extracting(Rejection::code)
                .containsExactly("voucher.tree-face", "voucher.tree-live-sum");
    }

    @Test
    void transfers_move_one_tier_down_and_splits_stay_on_their_tier() {
        List<Part> parts = new ArrayList<>(chain());
        parts.set(6, new Part("v.1.t.2.t", "v.1.t.2", "C", 100_000_00L, LIVE, 2));
        parts.set(4, new Part("v.1.t.1", "v.1.t", "B", 500_000_00L, LIVE, 3));
        assertThat(PenetrationTree.check(PenetrationTree.build(parts).root(), FACE)).containsExactly(
                Rejection.of("voucher.tree-tier", null, "v.1.t.1", 2, 3),
                Rejection.of("voucher.tree-tier", null, "v.1.t.2.t", 3, 2));
    }

    @Test
    void statuses_must_match_the_shape() {
        List<Part> parts = new ArrayList<>(chain());
        parts.set(1, new Part("v.1", "v", "A", 600_000_00L, LIVE, 1));
        parts.add(new Part("w", "v.2", "A", 400_000_00L, LIVE, 1));
        parts.set(2, new Part("v.2", "v", "A", 400_000_00L, TRANSFERRED, 1));
        parts.set(6, new Part("v.1.t.2.t", "v.1.t.2", "C", 100_000_00L, SPLIT, 3));
        assertThat(PenetrationTree.check(PenetrationTree.build(parts).root(), FACE)).extracting(Rejection::code)
                .containsExactly("voucher.tree-leaf-children", "voucher.tree-childless", "voucher.tree-tier");
    }

    @Test
    void a_transfer_keeps_the_amount() {
        List<Part> parts = new ArrayList<>(chain());
        parts.set(6, new Part("v.1.t.2.t", "v.1.t.2", "C", 99_999_99L, LIVE, 3));
        assertThat(PenetrationTree.check(PenetrationTree.build(parts).root(), FACE)).extracting(Rejection::code)
                .containsExactly("voucher.tree-transfer", "voucher.tree-live-sum");
    }

    @Test
    void structural_faults_are_reported_without_a_tree() {
        List<Part> duplicate = new ArrayList<>(chain());
        duplicate.add(new Part("v.2", "v", "A", 1, LIVE, 1));
        assertThat(PenetrationTree.build(duplicate).rejections())
                .containsExactly(Rejection.of("voucher.tree-duplicate-id", "parts[7].id", "v.2"));

        List<Part> twoRoots = new ArrayList<>(chain());
        twoRoots.add(new Part("x", null, "Z", 1, LIVE, 1));
        assertThat(PenetrationTree.build(twoRoots).rejections()).containsExactly(Rejection.of("voucher.tree-root", "parentId", 2));
        assertThat(PenetrationTree.build(List.of()).rejections()).containsExactly(Rejection.of("voucher.tree-root", "parentId", 0));

        List<Part> orphan = new ArrayList<>(chain());
        orphan.add(new Part("o", "nowhere", "Z", 1, LIVE, 1));
        assertThat(PenetrationTree.build(orphan).rejections())
                .containsExactly(Rejection.of("voucher.tree-orphan", "parts[7].parentId", "o", "nowhere"));
        assertThat(PenetrationTree.build(orphan).root()).isNull();
    }

    @Test
    void a_cycle_is_found_and_named() {
        List<Part> cycle = new ArrayList<>(chain());
        cycle.add(new Part("c1", "c2", "Z", 1, SPLIT, 1));
        cycle.add(new Part("c2", "c1", "Z", 1, SPLIT, 1));
        PenetrationTree.Built built = PenetrationTree.build(cycle);
        assertThat(built.root()).isNull();
        assertThat(built.rejections()).containsExactly(
                Rejection.of("voucher.tree-cycle", "parts[7].parentId", "c1"),
                Rejection.of("voucher.tree-cycle", "parts[8].parentId", "c2"));
    }
}
