package cn.chanrong.reference;

import java.time.LocalDate;

/** One entry of a supported or controlled sector list, in force from {@code validFrom} until {@code validTo}. */
public record SectorListEntry(String listCode, String stance, String industryCode, String note,
                              LocalDate validFrom, LocalDate validTo) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
