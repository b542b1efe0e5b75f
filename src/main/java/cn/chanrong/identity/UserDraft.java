package cn.chanrong.identity;

import java.util.Set;

/** A user to create: used by the demo loader and, later, by administrators. */
public record UserDraft(String username, String rawPassword, String displayName, Role role, Long enterpriseId,
                        Long institutionId, Set<String> authorities, String department, String regionCode) {
}
