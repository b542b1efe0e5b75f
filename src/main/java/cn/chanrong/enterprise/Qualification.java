package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.QualificationType;
import java.time.LocalDate;

/**
 * A qualification recorded on an enterprise; {@code validTo} null means open-ended. {@code confirmedBy}
 * names the regulator whose confirmation verifies it; null means the enterprise declared it, which is
 * shown as declared and buys nothing.
 */
public record Qualification(long id, QualificationType type, String issuer, String certificate, LocalDate validFrom,
                            LocalDate validTo, String confirmedBy) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    /** Verified by a regulator's confirmation (lists verify statuses of their own, {@link EnterpriseStatuses}). */
    public boolean confirmed() {
        return confirmedBy != null;
    }
}
