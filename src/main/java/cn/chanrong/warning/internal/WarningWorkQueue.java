package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.WarningLists;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A bank's high-risk exposures to answer; a regulator's exposures in scope still unanswered past their day; a local
 * industry office's coaching cases open past their day.
 */
@Component
class WarningWorkQueue implements WorkQueue {

    private final WarningLists lists;
    private final cn.chanrong.warning.CoachingCases cases;

    WarningWorkQueue(WarningLists lists, cn.chanrong.warning.CoachingCases cases) {
        this.lists = lists;
        this.cases = cases;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        if (caller.is(Role.INSTITUTION)) {
            long open = lists.exposures(caller, null, "OPEN", PageRequest.of(0, 1)).total();
            long overdue = lists.exposures(caller, null, "OVERDUE", PageRequest.of(0, 1)).total();
            return List.of(new Entry("warning-exposures", "queue.warning-exposures", open, "/warning/lists", overdue > 0));
        }
        if (caller.is(Role.REGULATOR)) {
            long overdue = lists.exposures(caller, null, "OVERDUE", PageRequest.of(0, 1)).total();
            Entry exposures = new Entry("warning-overdue", "queue.warning-overdue", overdue, "/warning/lists", overdue > 0);
            if (!"MIIT".equals(caller.department())) {
                return List.of(exposures);
            }
            var funnel = cases.funnel(caller);
            return List.of(exposures, new Entry("warning-cases", "queue.warning-cases", funnel.open(),
                    "/warning/cases?status=OPEN", funnel.overdueCases() > 0));
        }
        return List.of();
    }
}
