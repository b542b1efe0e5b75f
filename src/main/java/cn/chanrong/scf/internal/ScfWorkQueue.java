package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.scf.Receivables;
import cn.chanrong.shared.PageRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Supply-chain work: a debtor's receivables to confirm or dispute and a creditor's financing offers to accept; a
 * funder's financing requests to answer.
 */
@Component
class ScfWorkQueue implements WorkQueue {

    private final Receivables receivables;

    ScfWorkQueue(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        PageRequest one = PageRequest.of(0, 1);
        if (caller.is(Role.ENTERPRISE)) {
            long toConfirm = receivables.search(caller, new Receivables.Filter("UPLOADED", "DEBTOR"), one).total();
            long offers = receivables.offers(caller, null, "OFFERED", one).total();
            return List.of(new Entry("receivables-to-confirm", "queue.receivables-to-confirm", toConfirm, "/scf", false),
                    new Entry("offers-received", "queue.offers-received", offers, "/scf", false));
        }
        if (caller.is(Role.INSTITUTION)) {
            return List.of(new Entry("financing-requests", "queue.financing-requests",
                    receivables.offers(caller, null, "REQUESTED", one).total(), "/scf", false));
        }
        return List.of();
    }
}
