package cn.chanrong.enterprise;

/** Published (through the outbox) when an enterprise's profile changes; carries the new version's key facts. */
public record EnterpriseProfileChanged(long enterpriseId, int version, String regionCode, String industryCode,
                                       String sizeClass) {
}
