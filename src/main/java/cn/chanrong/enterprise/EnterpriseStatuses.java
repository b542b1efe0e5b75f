package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.StatusRules;
import java.time.LocalDate;
import java.util.List;

/**
 * Every status an enterprise holds — from a list, a regulator's confirmation or its own declaration —
 * with the standing they give it on {@code asOf}: verified and declared apart.
 */
public record EnterpriseStatuses(long enterpriseId, LocalDate asOf, List<StatusRules.Held> held, StatusRules.Standing standing) {

    public EnterpriseStatuses {
        held = List.copyOf(held);
    }
}
