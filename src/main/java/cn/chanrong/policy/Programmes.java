package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The policy programmes (issue 19 §1): every login reads them; the issuing department's national regulators (the
 * PBOC for re-lending, the carbon tool and rediscount; the finance ministry for subsidies and guarantee schemes) and
 * a region's finance regulators for local subsidies and pools write them, and administrators any. A programme
 * changes by a new version from a day not in the past; what applied before stays as it was.
 */
public interface Programmes {

    /** One version as read: its terms as stored (decimals and dates as text), its eligibility, why, who, when. */
    record Version(int version, LocalDate effectiveFrom, Map<String, Object> terms, Eligibility eligibility, String note,
                   String createdBy, Instant createdAt) {
    }

    /**
     * A programme with the version in force on the day asked (null before its first) and, when read one by one,
     * every version, oldest first.
     */
    record Programme(long id, String code, ProgrammeKind kind, String issuer, String regionCode, String name, String nameEn,
                     String source, Version inForce, List<Version> versions) {
    }

    Page<Programme> list(Caller caller, String kind, LocalDate on, PageRequest page);

    Programme get(Caller caller, long id, LocalDate on);

    /** A new programme with its first version. */
    record Draft(String code, String kind, String name, String nameEn, String source, LocalDate effectiveFrom,
                 Map<String, Object> terms, Map<String, Object> eligibility, String note) {
    }

    Programme create(Caller caller, Draft draft);

    /** A new version of a programme, in force from {@code effectiveFrom} (not before the business date). */
    record VersionDraft(LocalDate effectiveFrom, Map<String, Object> terms, Map<String, Object> eligibility, String note) {
    }

    Programme addVersion(Caller caller, long id, VersionDraft draft);
}
