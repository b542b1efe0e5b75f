package cn.chanrong.registry;

import cn.chanrong.registry.domain.FilingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered filing as it stands now (identifiers removed by an amendment are gone, the term
 * includes extensions), with its amendments and objections. {@code seq} orders all registrations;
 * {@code number} is what the certificate shows. {@code registeredOn} is the business day of registration;
 * a purchase-money interest states the goods' {@code deliveredOn}, which decides its priority.
 */
public record Filing(long id, String number, long seq, Instant registeredAt, String grantor, long securedParty,
                     String collateralType, String description, List<String> identifiers, String blanketScope,
                     int termMonths, LocalDate expiresOn, String status, List<Amendment> amendments,
                     List<Objection> objections, LocalDate registeredOn, boolean purchaseMoney, LocalDate deliveredOn) {

    /** {@code status} (stored and shown as text) as the domain's status, whose transitions guard every change. */
    public FilingStatus state() {
        return FilingStatus.of(status);
    }

    /** An amendment or extension, in the registration sequence. */
    public record Amendment(long seq, String kind, String description, List<String> added, List<String> removed,
                            Integer extendedMonths, Instant registeredAt, String filedBy) {
    }

    /** An objection by the grantor or another interested party; open until resolved. */
    public record Objection(long id, String raisedBy, String reason, Instant raisedAt, String resolution,
                            String resolvedBy, Instant resolvedAt) {
        public boolean open() {
            return resolvedAt == null;
        }
    }
}
