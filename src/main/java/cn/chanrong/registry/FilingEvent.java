package cn.chanrong.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Events the collateral registry publishes through the outbox. Filing itself stays a synchronous call
 * inside the financing's transaction (a financing must never exist without its filing); these inform
 * the modules that react later (statistics, monitoring, warning).
 */
public sealed interface FilingEvent {

    /** The filing's registration number. */
    String number();

    /** A filing registered for {@code securedParty} against {@code grantor}. */
    record FilingRegistered(long filingId, String number, long seq, String grantor, long securedParty,
                            String collateralType, List<String> identifiers, String blanketScope, LocalDate filedOn,
                            LocalDate expiresOn) implements FilingEvent {
    }

    /** A filing cancelled by its secured party, with the reason it gave. */
    record FilingCancelled(long filingId, String number, String grantor, long securedParty, String collateralType,
                           String reason, LocalDate cancelledOn) implements FilingEvent {
    }
}
