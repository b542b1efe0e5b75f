package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The penetration view (穿透) of one e-voucher: every part ever cut from it, as a tree from the
 * voucher the core enterprise issued down to the parts held today at each tier of the chain. A
 * funder reads it to see who holds what; the platform checks it to prove nothing was created or
 * lost along the way.
 * <p>
 * A part that was {@link Status#SPLIT} has two or more children at its own tier that sum to it; a
 * part that was {@link Status#TRANSFERRED} has exactly one child of the same amount one tier down
 * (a partial transfer is a split followed by a transfer). {@link Status#LIVE},
 * {@link Status#DISCOUNTED} and {@link Status#SETTLED} parts are leaves.
 * <p>
 * Codes from {@link #build}: {@code voucher.tree-duplicate-id} (parts[i].id): id;
 * {@code voucher.tree-root} (parentId): number of roots; {@code voucher.tree-orphan} (parts[i].parentId):
 * id, missing parent; {@code voucher.tree-cycle} (parts[i].parentId): id. From {@link #check}:
 * {@code voucher.tree-face} (amountFen): root amount, face value; {@code voucher.tree-amount}: id,
 * amount; {@code voucher.tree-leaf-children} / {@code voucher.tree-childless}: id, status;
 * {@code voucher.tree-split}: id, children, their sum, amount; {@code voucher.tree-transfer}: id;
 * {@code voucher.tree-tier}: id, expected, actual; {@code voucher.tree-live-sum}: leaf sum, face value.
 */
public final class PenetrationTree {

    private PenetrationTree() {
    }

    /** Where a part is in its life. */
    public enum Status {
        LIVE, SPLIT, TRANSFERRED, DISCOUNTED, SETTLED;

        /** Held as it is (or paid out): a leaf of the tree. */
        public boolean leaf() {
            return this == LIVE || this == DISCOUNTED || this == SETTLED;
        }

        /** Still owed by the issuer: a holder or a funder is waiting for maturity. */
        public boolean outstanding() {
            return this == LIVE || this == DISCOUNTED;
        }
    }

    /** One part as stored: {@code parentId} is null for the voucher as issued. */
    public record Part(String id, String parentId, String holderName, long amountFen, Status status, int tier) {
    }

    /** A part with the parts cut from it, in input order. */
    public record Node(Part part, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }

        /** The leaves below (or at) this node, depth first. */
        public List<Part> leaves() {
            List<Part> out = new ArrayList<>();
            collect(this, out);
            return out;
        }

        private static void collect(Node node, List<Part> out) {
            if (node.children.isEmpty()) {
                out.add(node.part);
            }
            node.children.forEach(child -> collect(child, out));
        }

        /** Outstanding fen held at each tier: the figure a penetration report shows. */
        public Map<Integer, Long> outstandingByTier() {
            Map<Integer, Long> out = new TreeMap<>();
            leaves().stream().filter(p -> p.status().outstanding())
                    .forEach(p -> out.merge(p.tier(), p.amountFen(), Long::sum));
            return out;
        }
    }

    /** The tree, or a null root and the reasons the parts do not form one. */
    public record Built(Node root, List<Rejection> rejections) {
        public Built {
            rejections = List.copyOf(rejections);
        }
    }

    /** Links the parts into one tree rooted at the part without a parent. */
    public static Built build(List<Part> parts) {
        List<Rejection> out = new ArrayList<>();
        Map<String, Part> byId = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (byId.putIfAbsent(parts.get(i).id(), parts.get(i)) != null) {
                out.add(Rejection.of("voucher.tree-duplicate-id", "parts[" + i + "].id", parts.get(i).id()));
            }
            index.putIfAbsent(parts.get(i).id(), i);
        }
        List<Part> roots = parts.stream().filter(p -> p.parentId() == null).toList();
        if (roots.size() != 1) {
            out.add(Rejection.of("voucher.tree-root", "parentId", roots.size()));
        }
        Map<String, List<Part>> children = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.parentId() != null && !byId.containsKey(p.parentId())) {
                out.add(Rejection.of("voucher.tree-orphan", "parts[" + i + "].parentId", p.id(), p.parentId()));
            } else if (p.parentId() != null) {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            }
        }
        if (!out.isEmpty()) {
            return new Built(null, out);
        }
        Set<String> reached = new HashSet<>();
        Node root = node(roots.getFirst(), children, reached);
        for (Part p : parts) {
            if (!reached.contains(p.id())) {
                // Unique ids and known parents: what the root cannot reach hangs in a cycle.
                out.add(Rejection.of("voucher.tree-cycle", "parts[" + index.get(p.id()) + "].parentId", p.id()));
            }
        }
        return out.isEmpty() ? new Built(root, List.of()) : new Built(null, out);
    }

    private static Node node(Part part, Map<String, List<Part>> children, Set<String> reached) {
        reached.add(part.id());
        List<Node> below = new ArrayList<>();
        for (Part child : children.getOrDefault(part.id(), List.of())) {
            below.add(node(child, children, reached));
        }
        return new Node(part, below);
    }

    /** Why the tree does not conserve the voucher's face value; empty when it does. */
    public static List<Rejection> check(Node root, long faceValueFen) {
        List<Rejection> out = new ArrayList<>();
        if (root.part().amountFen() != faceValueFen) {
            out.add(Rejection.of("voucher.tree-face", "amountFen", root.part().amountFen(), faceValueFen));
        }
        checkNode(root, out);
        long leafSum = root.leaves().stream().mapToLong(Part::amountFen).sum();
        if (leafSum != faceValueFen) {
            out.add(Rejection.of("voucher.tree-live-sum", null, leafSum, faceValueFen));
        }
        return List.copyOf(out);
    }

    private static void checkNode(Node node, List<Rejection> out) {
        Part p = node.part();
        if (p.amountFen() < VoucherParts.MIN_PIECE_FEN) {
            out.add(Rejection.of("voucher.tree-amount", null, p.id(), p.amountFen()));
        }
        if (p.status().leaf() && !node.children().isEmpty()) {
            out.add(Rejection.of("voucher.tree-leaf-children", null, p.id(), p.status()));
        } else if (!p.status().leaf() && node.children().isEmpty()) {
            out.add(Rejection.of("voucher.tree-childless", null, p.id(), p.status()));
        } else if (p.status() == Status.SPLIT) {
            long sum = node.children().stream().mapToLong(c -> c.part().amountFen()).sum();
            if (node.children().size() < 2 || sum != p.amountFen()) {
                out.add(Rejection.of("voucher.tree-split", null, p.id(), node.children().size(), sum, p.amountFen()));
            }
            node.children().forEach(c -> tier(c.part(), p.tier(), out));
        } else if (p.status() == Status.TRANSFERRED) {
            if (node.children().size() != 1 || node.children().getFirst().part().amountFen() != p.amountFen()) {
                out.add(Rejection.of("voucher.tree-transfer", null, p.id()));
            }
            node.children().forEach(c -> tier(c.part(), p.tier() + 1, out));
        }
        node.children().forEach(child -> checkNode(child, out));
    }

    private static void tier(Part child, int expected, List<Rejection> out) {
        if (child.tier() != expected) {
            out.add(Rejection.of("voucher.tree-tier", null, child.id(), expected, child.tier()));
        }
    }
}
