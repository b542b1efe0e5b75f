package cn.chanrong.registry;

/**
 * A filing by another secured party that covers what was asked about, and how it covers it. An
 * {@code external} conflict is a national-registry filing imported from its search results: it has
 * no sequence on this platform ({@code seq} 0) and names its secured party instead of an institution id.
 */
public record Conflict(String number, long seq, long securedParty, String collateralType, String reason,
                       String identifier, boolean external, String securedPartyName) {

    public static final String IDENTIFIER = "IDENTIFIER";
    public static final String BLANKET = "BLANKET";

    public Conflict(String number, long seq, long securedParty, String collateralType, String reason, String identifier) {
        this(number, seq, securedParty, collateralType, reason, identifier, false, null);
    }
}
