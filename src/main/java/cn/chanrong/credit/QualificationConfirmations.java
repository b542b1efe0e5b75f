package cn.chanrong.credit;

import cn.chanrong.enterprise.Qualification;
import cn.chanrong.identity.Caller;
import java.time.LocalDate;

/**
 * Rule-based evaluations only suggest qualifications; an MIIT-type regulator (within its region)
 * confirms one, which the platform then records on the enterprise as verified — and only when the rules
 * suggest it. A confirmation, like an issuing authority's list, is what makes a status verified.
 */
public interface QualificationConfirmations {

    /** {@code scheme}: {@code innovative_sme}, {@code specialised_sme} or {@code little_giant}. */
    record Request(String scheme, String certificate, LocalDate validFrom, LocalDate validTo) {
    }

    Qualification confirm(Caller regulator, long enterpriseId, Request request);
}
