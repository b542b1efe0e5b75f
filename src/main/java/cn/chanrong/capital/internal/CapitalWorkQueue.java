package cn.chanrong.capital.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A qualified investor's open equity needs and its deals in progress; an enterprise's deals in progress on it. */
@Component
class CapitalWorkQueue implements WorkQueue {

    private final CapitalService capital;

    CapitalWorkQueue(CapitalService capital) {
        this.capital = capital;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        List<Entry> out = new ArrayList<>();
        if (capital.qualifiedInvestor(caller)) {
            out.add(new Entry("capital-needs", "queue.capital-needs", capital.needs(caller, PageRequest.of(0, 1)).total(),
                    "/capital", false));
        }
        if (capital.qualifiedInvestor(caller) || caller.is(Role.ENTERPRISE)) {
            out.add(new Entry("capital-deals", "queue.capital-deals", capital.inProgress(caller), "/capital", false));
        }
        return out;
    }
}
