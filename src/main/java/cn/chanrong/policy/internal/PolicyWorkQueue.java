package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.policy.Pools;
import cn.chanrong.policy.Subsidies;
import cn.chanrong.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The policy money's decisions waiting: a bank's approver confirms compiled ledgers; the central bank approves confirmed
 * ones; the finance department settles subsidy claims and decides pool claims.
 */
@Component
class PolicyWorkQueue implements WorkQueue {

    private final Ledgers ledgers;
    private final Subsidies subsidies;
    private final Pools pools;

    PolicyWorkQueue(Ledgers ledgers, Subsidies subsidies, Pools pools) {
        this.ledgers = ledgers;
        this.subsidies = subsidies;
        this.pools = pools;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        List<Entry> out = new ArrayList<>();
        PageRequest one = PageRequest.of(0, 1);
        if (caller.is(Role.INSTITUTION) && caller.hasAuthority("approver")) {
            out.add(new Entry("ledgers-to-confirm", "queue.ledgers-to-confirm",
                    ledgers.list(caller, null, "COMPILED", one).total(), "/policy/ledgers", false));
        }
        if (caller.is(Role.REGULATOR) && "PBOC".equals(caller.department())) {
            out.add(new Entry("ledgers-to-approve", "queue.ledgers-to-approve",
                    ledgers.list(caller, null, "CONFIRMED", one).total(), "/policy/ledgers", false));
        }
        if (caller.is(Role.REGULATOR) && "MOF".equals(caller.department())) {
            out.add(new Entry("subsidy-claims", "queue.subsidy-claims",
                    subsidies.claims(caller, null, "SUBMITTED", one).total(), "/policy/subsidy-claims", false));
            out.add(new Entry("pool-claims", "queue.pool-claims", pools.claims(caller, null, "SUBMITTED", one).total(),
                    "/policy/pools", false));
        }
        return out;
    }
}
