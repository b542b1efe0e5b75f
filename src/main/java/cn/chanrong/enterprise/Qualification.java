package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.QualificationType;
import java.time.LocalDate;

/** A qualification held by an enterprise; {@code validTo} null means open-ended. */
public record Qualification(long id, QualificationType type, String issuer, String certificate, LocalDate validFrom,
                            LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
