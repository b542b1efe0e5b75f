package cn.chanrong.enterprise;

/** Published (through the outbox) when an enterprise joins the registry. */
public record EnterpriseRegistered(long enterpriseId, String creditCode, String regionCode, String industryCode,
                                   String sizeClass) {
}
