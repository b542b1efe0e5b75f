package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An enterprise's details beyond the profile. Chain tags and qualifications are public; annual
 * statements are seen by the enterprise, administrators and regulators in scope, and by
 * institutions only once the enterprise publishes them (consent-based access comes with the credit
 * module); supply relationships are not shown to institutions.
 */
public interface EnterpriseDetails {

    /** The public facts eligibility rules may use; "not found" when the caller may not see the enterprise. */
    EnterpriseFacts facts(Caller caller, long enterpriseId);

    /**
     * The same facts for many enterprises at once, for system jobs such as precomputed matching; not
     * for answering a person, whose visibility {@link #facts} checks.
     */
    java.util.Map<Long, EnterpriseFacts> factsOf(java.util.Collection<Long> ids);

    List<AnnualStatement> statements(Caller caller, long enterpriseId);

    AnnualStatement saveStatement(Caller caller, long enterpriseId, StatementRules.Input input);

    List<Qualification> qualifications(Caller caller, long enterpriseId);

    Qualification addQualification(Caller caller, long enterpriseId, String type, String issuer, String certificate,
                                   LocalDate validFrom, LocalDate validTo);

    /**
     * A regulator's confirmation of a qualification, which verifies it: a declaration with the same type
     * and start becomes verified, or the confirmed qualification is recorded.
     */
    Qualification confirmQualification(Caller regulator, long enterpriseId, String type, String issuer, String certificate,
                                       LocalDate validFrom, LocalDate validTo);

    void removeQualification(Caller caller, long enterpriseId, long qualificationId);

    /** Every status held, from lists, confirmations and declarations, and the standing they give today. */
    EnterpriseStatuses statuses(Caller caller, long enterpriseId);

    Set<ChainTag> chainTags(Caller caller, long enterpriseId);

    Set<ChainTag> setChainTags(Caller caller, long enterpriseId, List<String> tags);

    List<SupplyLink> supplyLinks(Caller caller, long enterpriseId);

    Affiliation affiliation(Caller caller, long enterpriseId);

    SupplyLink declareSupplyLink(Caller caller, long enterpriseId, String counterpartyCreditCode, SupplyLink.Role role,
                                 BigDecimal annualVolume);
}
