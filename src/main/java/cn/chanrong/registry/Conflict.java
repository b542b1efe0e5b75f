package cn.chanrong.registry;

/** An active filing by another secured party that covers what was asked about, and how it covers it. */
public record Conflict(String number, long seq, long securedParty, String collateralType, String reason,
                       String identifier) {

    public static final String IDENTIFIER = "IDENTIFIER";
    public static final String BLANKET = "BLANKET";
}
