package cn.chanrong.matching.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.matching.ProjectLists;
import java.util.List;
import org.springframework.stereotype.Component;

/** Pushed project items past their contact day: a bank's own to contact, a regulator's in its scope to chase. */
@Component
class MatchingWorkQueue implements WorkQueue {

    private final ProjectLists lists;

    MatchingWorkQueue(ProjectLists lists) {
        this.lists = lists;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        if (!caller.is(Role.INSTITUTION) && !caller.is(Role.REGULATOR)) {
            return List.of();
        }
        long n = lists.overdue(caller).size();
        return List.of(new Entry("overdue-project-items", "queue.overdue-project-items", n, "/project-lists", n > 0));
    }
}
