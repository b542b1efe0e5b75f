package cn.chanrong.enterprise;

/** Published (through the outbox) when a qualification is added to or removed from an enterprise. */
public record EnterpriseQualificationsChanged(long enterpriseId) {
}
