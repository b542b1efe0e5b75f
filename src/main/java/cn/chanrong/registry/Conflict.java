package cn.chanrong.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A filing by another secured party that covers what was asked about, and how it covers it. An
 * {@code external} conflict is a national-registry filing imported from its search results: it has
 * no sequence on this platform ({@code seq} 0) and names its secured party instead of an institution id.
 * When a ranking lists it, {@code rule} says why it ranks ahead ({@code REGISTRATION_ORDER},
 * {@code PURCHASE_MONEY}) and {@code bindsOrdinaryCourseBuyer} whether a buyer of the goods in the
 * ordinary course of business takes them subject to it (not so for a mortgage, Civil Code 404).
 */
public record Conflict(String number, long seq, long securedParty, String collateralType, String reason,
                       String identifier, boolean external, String securedPartyName, Instant registeredAt,
                       LocalDate registeredOn, boolean purchaseMoney, LocalDate deliveredOn, String rule,
                       boolean bindsOrdinaryCourseBuyer) {

    public static final String IDENTIFIER = "IDENTIFIER";
    public static final String BLANKET = "BLANKET";

    /** The same conflict as one that ranks ahead by {@code rule}. */
    public Conflict ranked(String rule, boolean bindsBuyer) {
        return new Conflict(number, seq, securedParty, collateralType, reason, identifier, external, securedPartyName,
                registeredAt, registeredOn, purchaseMoney, deliveredOn, rule, bindsBuyer);
    }
}
