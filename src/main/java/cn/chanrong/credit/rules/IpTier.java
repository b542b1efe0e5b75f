package cn.chanrong.credit.rules;

/**
 * The enterprise's best intellectual-property tier, as both schemes rank it: class I high-value, then
 * self-developed class I, then any class I, then class II. {@link #level()} is the number looked up in band
 * tables (4 best, 0 none).
 */
enum IpTier {
    NONE("none"),
    CLASS_2("class II"),
    CLASS_1("class I"),
    SELF_DEVELOPED_CLASS_1("self-developed class I"),
    HIGH_VALUE_CLASS_1("class I high-value");

    private final String label;

    IpTier(String label) {
        this.label = label;
    }

    int level() {
        return ordinal();
    }

    String label() {
        return label;
    }

    /**
     * The tier, or null when it cannot be told: the class I count is unknown, or there is no class I IP and
     * the class II count is unknown. Unknown high-value / self-developed flags count as "no" because they only
     * raise a tier the counts already establish.
     */
    static IpTier of(EvaluationInputs in) {
        if (in.ipClass1() == null) {
            return null;
        }
        if (in.ipClass1() > 0) {
            if (Boolean.TRUE.equals(in.highValueIp())) {
                return HIGH_VALUE_CLASS_1;
            }
            return Boolean.TRUE.equals(in.selfDevelopedIp()) ? SELF_DEVELOPED_CLASS_1 : CLASS_1;
        }
        if (in.ipClass2() == null) {
            return null;
        }
        return in.ipClass2() > 0 ? CLASS_2 : NONE;
    }
}
