package cn.chanrong.policy.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A programme's versions and the one in force (pure): on a day, the version with the latest first day on or before
 * it (a later version of the same day wins); none before the first.
 */
public final class ProgrammeVersions {

    /** One version: its number, first day, terms and eligibility. */
    public record Version(int version, LocalDate effectiveFrom, Terms terms, Eligibility eligibility) {
    }

    private ProgrammeVersions() {
    }

    public static Optional<Version> inForce(List<Version> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Version::effectiveFrom).thenComparingInt(Version::version));
    }
}
