package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.policy.PolicyDashboard;
import cn.chanrong.policy.Pools;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's figures with the programmes' and banks' names. */
@Service
class DashboardService implements PolicyDashboard {

    private final DashboardStore store;
    private final ProgrammeStore programmes;
    private final Institutions institutions;
    private final Pools pools;

    DashboardService(DashboardStore store, ProgrammeStore programmes, Institutions institutions, Pools pools) {
        this.store = store;
        this.programmes = programmes;
        this.institutions = institutions;
        this.pools = pools;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(Caller caller) {
        if (caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.dashboard.not-enterprise", null));
        }
        Map<Long, String> banks = institutions.list().stream().collect(Collectors.toMap(Institution::id, Institution::name));
        Map<Long, String> names = new HashMap<>();
        java.util.function.Function<Long, String> name = id -> names.computeIfAbsent(id,
                k -> programmes.find(k, false).map(ProgrammeStore.Row::name).orElse(null));
        return new Figures(
                store.relending(caller).stream().map(r -> new Relending(r.programmeId(), name.apply(r.programmeId()),
                        r.institutionId(), banks.get(r.institutionId()), r.booked(), r.outstanding(), r.repaid(), r.pending())).toList(),
                store.subsidies(caller).stream().map(s -> new Subsidy(s.programmeId(), name.apply(s.programmeId()), s.loans(),
                        s.stopped(), s.accrued(), s.settled(), s.claimed(), s.claimSettled())).toList(),
                store.guarantees(caller).stream().map(g -> new Guarantee(g.programmeId(), name.apply(g.programmeId()),
                        g.guarantees(), g.outstanding(), g.losses(), g.agencyPaid(), g.reguarantorPaid(), g.fundPaid())).toList(),
                pools.pools(caller));
    }
}
