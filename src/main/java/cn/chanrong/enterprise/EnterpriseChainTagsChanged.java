package cn.chanrong.enterprise;

import java.util.List;

/** Published (through the outbox) when an enterprise's chain tags are replaced; carries the full new set. */
public record EnterpriseChainTagsChanged(long enterpriseId, List<String> tags) {
}
