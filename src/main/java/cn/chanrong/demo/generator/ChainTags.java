package cn.chanrong.demo.generator;

import static cn.chanrong.enterprise.domain.ChainTag.*;

import cn.chanrong.enterprise.domain.ChainTag;
import java.util.List;

/**
 * Which chain tags an enterprise carries, from its industry class: each rule gives a tag to a share of
 * the classes under a code prefix (shares are our assumption). Tags are an int bit set in
 * {@link ChainTag} order, derived from (seed, index) alone so any phase can recompute them.
 */
final class ChainTags {

    record Rule(String prefix, ChainTag tag, double share) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("C3973", IC, 1.0), new Rule("C3972", IC, 0.6), new Rule("C3562", IC, 0.7),
            new Rule("I6520", IC, 1.0), new Rule("C3985", IC, 0.3),
            new Rule("C3421", MACHINE_TOOLS, 1.0), new Rule("C3422", MACHINE_TOOLS, 1.0), new Rule("C3425", MACHINE_TOOLS, 0.9),
            new Rule("C3424", MACHINE_TOOLS, 0.5), new Rule("C3423", MACHINE_TOOLS, 0.3), new Rule("C3429", MACHINE_TOOLS, 0.4),
            new Rule("C3321", MACHINE_TOOLS, 0.5), new Rule("C3493", MACHINE_TOOLS, 0.3),
            new Rule("C358", MEDICAL_EQUIPMENT, 1.0),
            new Rule("C3911", SERVERS, 1.0), new Rule("C3912", SERVERS, 0.4), new Rule("C3914", SERVERS, 0.2),
            new Rule("C40", INSTRUMENTS, 0.9),
            new Rule("I6511", BASIC_SOFTWARE, 1.0), new Rule("I6512", BASIC_SOFTWARE, 0.7),
            new Rule("I6513", INDUSTRIAL_SOFTWARE, 0.5), new Rule("I6531", INDUSTRIAL_SOFTWARE, 0.3),
            new Rule("C3914", INDUSTRIAL_SOFTWARE, 0.3),
            new Rule("C265", ADVANCED_MATERIALS, 0.3), new Rule("C2661", ADVANCED_MATERIALS, 0.4),
            new Rule("C2662", ADVANCED_MATERIALS, 0.4), new Rule("C2664", ADVANCED_MATERIALS, 0.5),
            new Rule("C2665", ADVANCED_MATERIALS, 0.5), new Rule("C2669", ADVANCED_MATERIALS, 0.3),
            new Rule("C28", ADVANCED_MATERIALS, 0.2), new Rule("C306", ADVANCED_MATERIALS, 0.45),
            new Rule("C3073", ADVANCED_MATERIALS, 0.6), new Rule("C3091", ADVANCED_MATERIALS, 0.5),
            new Rule("C3099", ADVANCED_MATERIALS, 0.3), new Rule("C3140", ADVANCED_MATERIALS, 0.2),
            new Rule("C3232", ADVANCED_MATERIALS, 0.6), new Rule("C3240", ADVANCED_MATERIALS, 0.5),
            new Rule("C325", ADVANCED_MATERIALS, 0.3), new Rule("C3985", ADVANCED_MATERIALS, 0.6),
            new Rule("C39", NEW_GEN_IT, 0.6), new Rule("I65", NEW_GEN_IT, 0.5),
            new Rule("I65", SOFTWARE, 0.9),
            new Rule("C3611", INTELLIGENT_VEHICLES, 0.4), new Rule("C3612", INTELLIGENT_VEHICLES, 0.8),
            new Rule("C3670", INTELLIGENT_VEHICLES, 0.3),
            new Rule("C384", NEW_ENERGY, 0.6), new Rule("C3825", NEW_ENERGY, 0.9), new Rule("C3415", NEW_ENERGY, 0.9),
            new Rule("C3612", NEW_ENERGY, 0.9), new Rule("C3862", NEW_ENERGY, 0.5),
            new Rule("C26", NEW_MATERIALS, 0.15), new Rule("C28", NEW_MATERIALS, 0.3), new Rule("C30", NEW_MATERIALS, 0.1),
            new Rule("C32", NEW_MATERIALS, 0.2), new Rule("C3985", NEW_MATERIALS, 0.6),
            new Rule("C342", HIGH_END_EQUIPMENT, 0.6), new Rule("C349", HIGH_END_EQUIPMENT, 0.7),
            new Rule("C35", HIGH_END_EQUIPMENT, 0.25), new Rule("C37", HIGH_END_EQUIPMENT, 0.5),
            new Rule("C34", HIGH_END_EQUIPMENT, 0.1),
            new Rule("I6571", SPATIO_TEMPORAL, 1.0), new Rule("C4023", SPATIO_TEMPORAL, 0.6),
            new Rule("C3921", SPATIO_TEMPORAL, 0.05),
            new Rule("C374", COMMERCIAL_SPACE, 0.5), new Rule("C3742", COMMERCIAL_SPACE, 0.9),
            new Rule("C27", BIOMEDICINE, 0.8), new Rule("C358", BIOMEDICINE, 0.3),
            new Rule("C3915", CYBER_DATA_SECURITY, 1.0), new Rule("I6513", CYBER_DATA_SECURITY, 0.1),
            new Rule("I6531", CYBER_DATA_SECURITY, 0.15),
            new Rule("C3491", FUTURE_MANUFACTURING, 0.3), new Rule("C3492", FUTURE_MANUFACTURING, 0.4),
            new Rule("C3493", FUTURE_MANUFACTURING, 0.4),
            new Rule("C3973", FUTURE_INFORMATION, 0.1), new Rule("C3921", FUTURE_INFORMATION, 0.1),
            new Rule("I6520", FUTURE_INFORMATION, 0.1), new Rule("C3919", FUTURE_INFORMATION, 0.1),
            new Rule("C3985", FUTURE_MATERIALS, 0.15), new Rule("C3091", FUTURE_MATERIALS, 0.15),
            new Rule("C3841", FUTURE_ENERGY, 0.1), new Rule("C3825", FUTURE_ENERGY, 0.1), new Rule("C3415", FUTURE_ENERGY, 0.05),
            new Rule("C374", FUTURE_SPACE, 0.2),
            new Rule("C27", FUTURE_HEALTH, 0.1), new Rule("C358", FUTURE_HEALTH, 0.1));

    private static final ChainTag[] TAGS = ChainTag.values();

    private ChainTags() {
    }

    static int of(long seed, int index, String industryCode) {
        Rng rng = new Rng(seed, index, Rng.Stream.TAGS);
        int bits = 0;
        for (Rule r : RULES) {
            if (industryCode.startsWith(r.prefix()) && rng.chance(r.share())) {
                bits |= 1 << r.tag().ordinal();
            }
        }
        return bits;
    }

    static boolean has(int bits, ChainTag tag) {
        return (bits & (1 << tag.ordinal())) != 0;
    }

    static boolean anyKeyChain(int bits) {
        for (ChainTag t : TAGS) {
            if (t.kind() == ChainTag.Kind.KEY_CHAIN && has(bits, t)) {
                return true;
            }
        }
        return false;
    }

    /** "IC;NEW_GEN_IT" in enum order; empty for none. */
    static String format(int bits) {
        if (bits == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(32);
        for (ChainTag t : TAGS) {
            if (has(bits, t)) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(t.name());
            }
        }
        return b.toString();
    }
}
