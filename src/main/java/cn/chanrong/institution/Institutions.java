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

    InstitutionDetails.Participation addPolicyTool(Caller caller, long institutionId, String tool,
                                                   java.time.LocalDate validFrom, java.time.LocalDate validTo);
}
