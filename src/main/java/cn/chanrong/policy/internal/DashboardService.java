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
    private final cn.chanrong.reference.FinanceCatalogues catalogues;
    private final cn.chanrong.reference.ReferenceData reference;
    private final cn.chanrong.reference.BusinessDate businessDate;

    DashboardService(DashboardStore store, ProgrammeStore programmes, Institutions institutions, Pools pools,
                     cn.chanrong.reference.FinanceCatalogues catalogues, cn.chanrong.reference.ReferenceData reference,
                     cn.chanrong.reference.BusinessDate businessDate) {
        this.catalogues = catalogues;
        this.reference = reference;
        this.businessDate = businessDate;
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
                        g.guarantees(), g.outstanding(), g.losses(), g.agencyPaid(), g.reguarantorPaid(), g.fundPaid(),
                        g.averageFeePercent(), feeTarget(g.programmeId()))).toList(),
                pools.pools(caller), green(caller));
    }

    /** The scheme's fee target in the version in force today. */
    private java.math.BigDecimal feeTarget(long programmeId) {
        return cn.chanrong.policy.domain.ProgrammeVersions.inForce(programmes.parsedVersions(programmeId,
                        cn.chanrong.policy.domain.ProgrammeKind.GUARANTEE_SCHEME), businessDate.today())
                .map(v -> v.terms().decimal("feeTargetPercent")).orElse(null);
    }

    /** Green figures by chain and by province, with both names. */
    private java.util.List<Green> green(Caller caller) {
        java.time.LocalDate today = businessDate.today();
        var transition = catalogues.sectors(cn.chanrong.reference.FinanceCatalogues.Kind.TRANSITION, today);
        var intensive = catalogues.sectors(cn.chanrong.reference.FinanceCatalogues.Kind.ENERGY_INTENSIVE, today);
        java.util.List<Green> out = new java.util.ArrayList<>();
        for (boolean byChain : new boolean[]{true, false}) {
            for (Green g : store.green(caller, byChain, transition, intensive)) {
                String[] name = byChain ? java.util.Arrays.stream(cn.chanrong.enterprise.domain.ChainTag.values())
                        .filter(t -> t.name().equals(g.key())).findFirst()
                        .map(t -> new String[]{t.name(false), t.name(true)}).orElse(new String[]{g.key(), g.key()})
                        : reference.region(g.key()).map(r -> new String[]{r.nameZh(), r.nameEn()})
                                .orElse(new String[]{g.key(), g.key()});
                out.add(new Green(g.dimension(), g.key(), name[0], name[1], g.greenLoans(), g.greenBalance(), g.transitionLoans(),
                        g.transitionBalance(), g.energyIntensiveLoans(), g.energyIntensiveBalance(),
                        g.energyIntensiveGreenBalance(), g.carbonLoans(), g.carbonBalance(), g.co2Tonnes()));
            }
        }
        return out;
    }
}
