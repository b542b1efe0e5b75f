package cn.chanrong.institution;

import cn.chanrong.identity.Caller;
import java.util.Optional;

/** The institution directory. */
public interface Institutions {

    Institution register(Caller caller, String creditCode, String name, String nameEn, InstitutionType type);

    Optional<Institution> byCreditCode(String creditCode);

    /** Every institution, by name. */
    java.util.List<Institution> list();

    /** Branches and policy-tool participation; "not found" for an unknown id. */
    InstitutionDetails details(long id);

    InstitutionDetails.Branch addBranch(Caller caller, long institutionId, String name, String regionCode);

    /**
     * Records participation in a policy tool; refused unless the institution's type may take part in the
     * tool on {@code validFrom} ({@link cn.chanrong.institution.domain.PolicyToolEligibility}).
     */
    InstitutionDetails.Participation addPolicyTool(Caller caller, long institutionId, String tool,
                                                   java.time.LocalDate validFrom, java.time.LocalDate validTo);

    /** Every institution's policy-tool participation, by institution id (none: absent). */
    java.util.Map<Long, java.util.List<InstitutionDetails.Participation>> participations();

    /**
     * Which institution types may take part in which policy tool, effective-dated, as the platform holds
     * it: filtered by tool, institution type and the day in force (each optional, as text checked here),
     * tools and types in the order of their lists.
     */
    cn.chanrong.shared.Page<cn.chanrong.institution.domain.PolicyToolEligibility.Rule> toolEligibility(
            EligibilityQuery query, cn.chanrong.shared.PageRequest page);

    /** The filters of {@link #toolEligibility}: codes and an ISO date, any of them null. */
    record EligibilityQuery(String tool, String institutionType, String on) {
    }
}
