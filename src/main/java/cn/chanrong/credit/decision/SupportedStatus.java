package cn.chanrong.credit.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which status makes an enterprise "supported" — unsecured credit and the long terms of the policy
 * (issue 17 §4): a technology or specialised-SME qualification, or one of the eight key chains of
 * measure (一), and only as <b>verified</b> on the day (an issuing authority's list or a regulator's
 * confirmation within its validity). The same status merely declared by the enterprise buys nothing;
 * it is named in the verdict so that the decision can say why it did not count.
 */
public final class SupportedStatus {

    /** The qualifications that support, once verified. */
    public static final Set<String> QUALIFICATIONS = Set.of("HIGH_TECH", "TECH_SME", "INNOVATIVE_SME", "SPECIALISED_SME",
            "LITTLE_GIANT", "SINGLE_CHAMPION");

    /** The eight key chains of measure (一) as chain-tag codes. */
    public static final Set<String> KEY_CHAINS = Set.of("IC", "MACHINE_TOOLS", "MEDICAL_EQUIPMENT", "SERVERS", "INSTRUMENTS",
            "BASIC_SOFTWARE", "INDUSTRIAL_SOFTWARE", "ADVANCED_MATERIALS");

    private SupportedStatus() {
    }

    /**
     * {@code verifiedBy}: the verified statuses that support (key chains as {@code KEY_CHAIN:<tag>});
     * {@code declaredOnly}: those the enterprise declared that would support if they were verified.
     */
    public record Verdict(boolean supported, List<String> verifiedBy, List<String> declaredOnly) {
        public Verdict {
            verifiedBy = List.copyOf(verifiedBy);
            declaredOnly = List.copyOf(declaredOnly);
        }
    }

    /**
     * The verdict from the status as the enterprise module gives it, verified and declared apart
     * ({@code declaredChainTags}: every tag given, of which only the key chains could ever count).
     */
    public static Verdict of(Set<String> verifiedQualifications, Set<String> verifiedKeyChains,
                             Set<String> declaredQualifications, Set<String> declaredChainTags) {
        List<String> by = new ArrayList<>();
        new TreeSet<>(verifiedQualifications).stream().filter(QUALIFICATIONS::contains).forEach(by::add);
        new TreeSet<>(verifiedKeyChains).stream().filter(KEY_CHAINS::contains).forEach(t -> by.add("KEY_CHAIN:" + t));
        List<String> declared = new ArrayList<>();
        new TreeSet<>(declaredQualifications).stream().filter(QUALIFICATIONS::contains)
                .filter(q -> !verifiedQualifications.contains(q)).forEach(declared::add);
        new TreeSet<>(declaredChainTags).stream().filter(KEY_CHAINS::contains).filter(t -> !verifiedKeyChains.contains(t))
                .forEach(t -> declared.add("KEY_CHAIN:" + t));
        return new Verdict(!by.isEmpty(), by, declared);
    }
}
