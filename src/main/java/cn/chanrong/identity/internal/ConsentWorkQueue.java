package cn.chanrong.identity.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consent;
import cn.chanrong.identity.Consents;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.shared.PageRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** An enterprise's consent requests waiting for its answer. */
@Component
class ConsentWorkQueue implements WorkQueue {

    private final Consents consents;

    ConsentWorkQueue(Consents consents) {
        this.consents = consents;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            return List.of();
        }
        long n = consents.list(caller, Consent.Status.REQUESTED, caller.enterpriseId(), PageRequest.of(0, 1)).total();
        return List.of(new Entry("consent-requests", "queue.consent-requests", n,
                "/credit/enterprises/" + caller.enterpriseId(), false));
    }
}
