package cn.chanrong.institution.domain;

import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.PolicyTool;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which kinds of institution may take part in a structural monetary-policy tool (FACTS §1), judged on
 * the day the participation starts. The rules are data — effective-dated rows of
 * {@code institution_policy_tool_eligibility}, each citing the document it comes from — handed in by
 * the caller, so a change of the PBOC's list is a new row, not a new release.
 * <ul>
 *   <li>{@code institution.policy-tool.not-in-force}: no rule of the tool is in force on the day (before
 *       the tool was created, or after it ended), so no institution may take part.</li>
 *   <li>{@code institution.policy-tool.ineligible}: the tool is in force but the institution's type is
 *       not among the types its rules admit on the day (the tech re-lending and the carbon tool: the 21
 *       national banks; small-business re-lending: local corporate banks).</li>
 * </ul>
 * A rejection names the tool, the type and the eligible types in both languages (arguments
 * {@code 1,2} the tool, {@code 3,4} the type, {@code 5,6} the eligible types, Chinese then English,
 * {@code 7} the day), so the message a person reads never shows a code.
 */
public final class PolicyToolEligibility {

    private PolicyToolEligibility() {
    }

    /**
     * One row: institutions of {@code type} may take part in {@code tool} from {@code validFrom} until
     * the day before {@code validTo} (open-ended when null), as {@code source} says.
     */
    public record Rule(PolicyTool tool, InstitutionType type, LocalDate validFrom, LocalDate validTo, String source) {

        public Rule {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(validFrom, "validFrom");
            if (validTo != null && !validTo.isAfter(validFrom)) {
                throw new IllegalArgumentException("validTo " + validTo + " is not after validFrom " + validFrom);
            }
        }

        public boolean inForceOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }

    /** The types the rules admit to {@code tool} on {@code date}, in the list's order; empty when none is in force. */
    public static Set<InstitutionType> eligibleTypes(Collection<Rule> rules, PolicyTool tool, LocalDate date) {
        Set<InstitutionType> out = EnumSet.noneOf(InstitutionType.class);
        rules.stream().filter(r -> r.tool() == tool && r.inForceOn(date)).forEach(r -> out.add(r.type()));
        return out;
    }

    /**
     * Empty when an institution of {@code type} may take part in {@code tool} from {@code date};
     * otherwise why not, on the field {@code tool}.
     */
    public static Optional<Rejection> check(Collection<Rule> rules, PolicyTool tool, InstitutionType type, LocalDate date) {
        Set<InstitutionType> eligible = eligibleTypes(rules, tool, date);
        if (eligible.isEmpty()) {
            return Optional.of(Rejection.of("institution.policy-tool.not-in-force", "tool", tool.name(false),
                    tool.name(true), type.name(false), type.name(true), "", "", date.toString()));
        }
        if (eligible.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(Rejection.of("institution.policy-tool.ineligible", "tool", tool.name(false), tool.name(true),
                type.name(false), type.name(true), names(eligible, false), names(eligible, true), date.toString()));
    }

    private static String names(Set<InstitutionType> types, boolean english) {
        return types.stream().map(t -> t.name(english)).collect(Collectors.joining(english ? ", " : "、"));
    }
}
