package cn.chanrong.matching.domain;

import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a pushed project at one institution (项目推送): pushed → contacted → due diligence →
 * approved → signed → disbursed, or declined (by the institution, with a reason) or withdrawn (by the
 * issuing regulator) from any step before disbursement. Going backwards is refused; skipping forward is
 * allowed, the skipped steps being recorded as implied.
 */
public enum DockingStep {
    PUSHED, CONTACTED, DUE_DILIGENCE, APPROVED, SIGNED, DISBURSED, DECLINED, WITHDRAWN;

    public boolean terminal() {
        return this == DISBURSED || this == DECLINED || this == WITHDRAWN;
    }

    boolean onPath() {
        return this != DECLINED && this != WITHDRAWN;
    }

    /** The move from one step to another: the steps it implies on the way, or why it is refused. */
    public record Move(List<DockingStep> implied, Rejection refused) {
        public boolean ok() {
            return refused == null;
        }
    }

    public static Move move(DockingStep from, DockingStep to) {
        if (from.terminal()) {
            return new Move(List.of(), Rejection.of("push.terminal", "status", from.name(), to.name()));
        }
        if (from == to) {
            return new Move(List.of(), Rejection.of("push.same", "status", to.name()));
        }
        if (!to.onPath() || to == PUSHED) {
            return to == PUSHED ? new Move(List.of(), Rejection.of("push.backwards", "status", from.name(), to.name()))
                    : new Move(List.of(), null);
        }
        if (to.ordinal() < from.ordinal()) {
            return new Move(List.of(), Rejection.of("push.backwards", "status", from.name(), to.name()));
        }
        List<DockingStep> implied = new ArrayList<>();
        for (int i = from.ordinal() + 1; i < to.ordinal(); i++) {
            implied.add(values()[i]);
        }
        return new Move(List.copyOf(implied), null);
    }

    /** Why an institution declines, as the lists' reports count them. */
    public enum DeclineReason { NO_NEED, FINANCED_ELSEWHERE, DOCUMENTS_INCOMPLETE, FAILS_CREDIT_POLICY, OTHER }

    /** The kinds of list regulators push. */
    public enum ListType { TECH_SME, TECH_TRANSFORMATION, EQUIPMENT_RENEWAL, KEY_CHAIN }
}
