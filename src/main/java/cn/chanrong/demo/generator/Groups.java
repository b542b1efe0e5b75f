package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.ReferenceTables.Prefecture;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.SizeClass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enterprise groups and actual controllers. Half the large enterprises and 6 % of medium ones head a
 * group of subsidiaries drawn mostly from their own province with compatible ownership; 2 % of
 * private enterprises outside groups share their controller with another one. Every enterprise
 * points at the root whose owner controls it: itself, its group's parent, or the enterprise whose
 * founder also controls it. All shares are our assumptions.
 */
final class Groups {

    private static final double LARGE_PARENT_SHARE = 0.5;
    private static final double MEDIUM_PARENT_SHARE = 0.06;
    private static final double SAME_PROVINCE_SHARE = 0.6;
    private static final double PARENT_BRAND_SHARE = 0.7;
    private static final double SAME_CONTROLLER_SHARE = 0.02;

    final int[] groupOf;
    final int[] controllerOf;
    private final boolean[] hasDependants;
    private final IntList parents = new IntList();
    private final IntList memberOffsets = new IntList();
    private final IntList members = new IntList();
    private final Population p;
    private final PersonNames persons;

    private Groups(Population p) {
        this.p = p;
        this.persons = new PersonNames(p.seed);
        groupOf = new int[p.count];
        controllerOf = new int[p.count];
        hasDependants = new boolean[p.count];
    }

    static Groups build(Population p) {
        Groups g = new Groups(p);
        for (int i = 0; i < p.count; i++) {
            g.groupOf[i] = -1;
            g.controllerOf[i] = i;
        }
        for (int i = 0; i < p.count; i++) {
            Rng rng = new Rng(p.seed, i, Rng.Stream.GROUP);
            double share = switch (p.size(i)) {
                case LARGE -> LARGE_PARENT_SHARE;
                case MEDIUM -> MEDIUM_PARENT_SHARE;
                default -> 0;
            };
            if (share > 0 && rng.chance(share)) {
                g.groupOf[i] = g.parents.size();
                g.parents.add(i);
            }
        }
        Map<String, Integer> provinceIndex = new LinkedHashMap<>();
        int[] provinceOfRegion = new int[p.prefectures.length];
        for (int k = 0; k < p.prefectures.length; k++) {
            provinceOfRegion[k] = provinceIndex.computeIfAbsent(p.prefectures[k].province().code(), c -> provinceIndex.size());
        }
        Buckets byProvince = new Buckets(provinceIndex.size(), p.count, i -> provinceOfRegion[p.region[i]], i -> true);
        for (int group = 0; group < g.parents.size(); group++) {
            g.addMembers(group, byProvince, provinceOfRegion);
        }
        g.memberOffsets.add(g.members.size());
        g.shareControllers();
        return g;
    }

    private void addMembers(int group, Buckets byProvince, int[] provinceOfRegion) {
        int parent = parents.get(group);
        memberOffsets.add(members.size());
        Rng rng = new Rng(p.seed, parent, Rng.Stream.GROUP_MEMBERS);
        int wanted = p.size(parent) == SizeClass.LARGE ? rng.between(3, 10) : rng.between(2, 4);
        for (int slot = 0; slot < wanted; slot++) {
            for (int attempt = 0; attempt < 40; attempt++) {
                int j = rng.chance(SAME_PROVINCE_SHARE) ? byProvince.draw(provinceOfRegion[p.region[parent]], rng) : rng.below(p.count);
                if (j < 0 || groupOf[j] != -1 || !compatible(p.ownership(parent), p.ownership(j))
                        || (p.size(j) == SizeClass.LARGE && p.size(parent) != SizeClass.LARGE)) {
                    continue;
                }
                groupOf[j] = group;
                controllerOf[j] = parent;
                members.add(j);
                if (rng.chance(PARENT_BRAND_SHARE)) {
                    p.brand[j] = p.brand[parent];
                }
                break;
            }
        }
    }

    private static boolean compatible(Ownership parent, Ownership child) {
        return switch (parent) {
            case STATE_OWNED -> child == Ownership.STATE_OWNED || child == Ownership.MIXED;
            case MIXED -> child != Ownership.FOREIGN_INVESTED && child != Ownership.COLLECTIVE;
            case PRIVATE -> child == Ownership.PRIVATE || child == Ownership.MIXED;
            case FOREIGN_INVESTED -> child == Ownership.FOREIGN_INVESTED;
            case COLLECTIVE -> child == Ownership.COLLECTIVE || child == Ownership.PRIVATE;
        };
    }

    private void shareControllers() {
        for (int i = 0; i < p.count; i++) {
            if (groupOf[i] != -1 || p.ownership(i) != Ownership.PRIVATE || hasDependants[i]) {
                continue;
            }
            Rng rng = new Rng(p.seed, i, Rng.Stream.CONTROLLER);
            if (!rng.chance(SAME_CONTROLLER_SHARE)) {
                continue;
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                int j = rng.below(p.count);
                if (j != i && groupOf[j] == -1 && p.ownership(j) == Ownership.PRIVATE && controllerOf[j] == j) {
                    controllerOf[i] = j;
                    hasDependants[j] = true;
                    break;
                }
            }
        }
    }

    int count() {
        return parents.size();
    }

    int parent(int group) {
        return parents.get(group);
    }

    boolean isParent(int i) {
        return groupOf[i] != -1 && parents.get(groupOf[i]) == i;
    }

    static String code(int group) {
        String digits = Integer.toString(group + 1);
        return "G" + "0000000".substring(digits.length()) + digits;
    }

    String groupCode(int i) {
        return groupOf[i] == -1 ? "" : code(groupOf[i]);
    }

    /**
     * The actual controller's name: a natural person for private firms (and small mixed ones), the
     * competent state-owned assets commission for state-owned and larger mixed ones, the village
     * collective for collective ones; empty for foreign-invested firms, whose controller is abroad.
     */
    String controller(int i) {
        int root = controllerOf[i];
        Prefecture where = p.prefecture(root);
        SizeClass size = p.size(root);
        long h = Rng.finalise(p.seed ^ (root * 0x9E3779B97F4A7C15L));
        return switch (p.ownership(root)) {
            case PRIVATE -> persons.name(root);
            case MIXED -> size == SizeClass.LARGE || size == SizeClass.MEDIUM ? sasac(where, size, h) : persons.name(root);
            case STATE_OWNED -> sasac(where, size, h);
            case COLLECTIVE -> where.cityZh() + Brands.zh(Math.floorMod(h, Brands.twoCharCount())) + "村股份经济合作社";
            case FOREIGN_INVESTED -> "";
        };
    }

    private static String sasac(Prefecture where, SizeClass size, long h) {
        if (size == SizeClass.LARGE && Math.floorMod(h, 10) < 3) {
            return "国务院国有资产监督管理委员会";
        }
        if (size == SizeClass.LARGE || size == SizeClass.MEDIUM || where.outlying()) {
            return where.province().nameZh() + "人民政府国有资产监督管理委员会";
        }
        return where.cityZh() + "市人民政府国有资产监督管理委员会";
    }

    /** groups.csv and related_parties.csv, once names are final. */
    void write(CsvOut groupsOut, CsvOut relatedOut) {
        Map<String, Boolean> groupNames = new LinkedHashMap<>();
        for (int group = 0; group < count(); group++) {
            int parent = parents.get(group);
            Prefecture where = p.prefecture(parent);
            String zh = where.cityZh() + Brands.zh(p.brand[parent]) + "集团";
            String en = where.cityEn() + " " + Brands.en(p.brand[parent]) + " Group";
            if (groupNames.putIfAbsent(zh, true) != null) {
                zh = where.cityZh() + Brands.zh(p.brand[parent]) + "控股集团";
                en = where.cityEn() + " " + Brands.en(p.brand[parent]) + " Holding Group";
                groupNames.put(zh, true);
            }
            String parentCode = p.creditCode(parent);
            groupsOut.text(code(group)).text(zh).text(en).text(controller(parent)).text(parentCode).end();
            int from = memberOffsets.get(group);
            int to = memberOffsets.get(group + 1);
            String[] codes = new String[to - from];
            for (int k = from; k < to; k++) {
                codes[k - from] = p.creditCode(members.get(k));
                relatedOut.text(codes[k - from]).text(parentCode).text("PARENT").end();
                relatedOut.text(parentCode).text(codes[k - from]).text("SUBSIDIARY").end();
            }
            pairs(codes, "SAME_GROUP", relatedOut);
        }
        writeSharedControllers(relatedOut);
    }

    private void writeSharedControllers(CsvOut out) {
        Map<Integer, IntList> clusters = new LinkedHashMap<>();
        for (int i = 0; i < p.count; i++) {
            if (hasDependants[i]) {
                IntList l = new IntList();
                l.add(i);
                clusters.put(i, l);
            }
        }
        for (int i = 0; i < p.count; i++) {
            if (controllerOf[i] != i && groupOf[i] == -1) {
                clusters.get(controllerOf[i]).add(i);
            }
        }
        for (IntList cluster : clusters.values()) {
            String[] codes = new String[cluster.size()];
            for (int k = 0; k < codes.length; k++) {
                codes[k] = p.creditCode(cluster.get(k));
            }
            pairs(codes, "SAME_CONTROLLER", out);
        }
    }

    /** Every ordered pair of distinct enterprises, so each one finds its relations under its own code. */
    private static void pairs(String[] codes, String relation, CsvOut out) {
        for (int a = 0; a < codes.length; a++) {
            for (int b = 0; b < codes.length; b++) {
                if (a != b) {
                    out.text(codes[a]).text(codes[b]).text(relation).end();
                }
            }
        }
    }
}
