package cn.chanrong.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A registered filing. {@code seq} orders all filings; {@code number} is what the certificate shows. */
public record Filing(long id, String number, long seq, Instant registeredAt, String grantor, long securedParty,
                     String collateralType, String description, List<String> identifiers, String blanketScope,
                     int termMonths, LocalDate expiresOn, String status) {
}
