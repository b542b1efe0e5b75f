package cn.chanrong.capital.internal;

import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.reference.BusinessDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Leases and first-of-a-kind insurance on the home queue: a lessor's leases with rentals overdue, a lessee's rentals due
 * in the next 30 days; a maker's policies whose subsidy is not yet claimed, the industry department's claims to confirm,
 * the finance department's claims to pay, an insurer's failures to settle.
 */
@Component
class InstrumentWorkQueue implements WorkQueue {

    static final int DUE_DAYS = 30;

    private final LeaseStore leases;
    private final InsuranceStore insurance;
    private final InsuranceService underwriting;
    private final BusinessDate businessDate;

    InstrumentWorkQueue(LeaseStore leases, InsuranceStore insurance, InsuranceService underwriting,
                        BusinessDate businessDate) {
        this.leases = leases;
        this.insurance = insurance;
        this.underwriting = underwriting;
        this.businessDate = businessDate;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        List<Entry> out = new ArrayList<>();
        var today = businessDate.today();
        if (caller.is(Role.INSTITUTION) && caller.institutionId() != null) {
            long overdue = leases.overdue(caller, today);
            if (overdue > 0) {
                out.add(new Entry("lease-overdue", "queue.lease-overdue", overdue, "/leasing", true));
            }
            if (underwriting.underwrites(caller)) {
                out.add(new Entry("insurance-losses", "queue.insurance-losses", insurance.lossesOpen(caller), "/insurance",
                        false));
            }
        }
        if (caller.is(Role.ENTERPRISE) && caller.enterpriseId() != null) {
            long due = leases.dueWithin(caller, today, DUE_DAYS);
            if (due > 0) {
                out.add(new Entry("lease-rentals-due", "queue.lease-rentals-due", due, "/leasing", false));
            }
            long unclaimed = insurance.unclaimed(caller);
            if (unclaimed > 0) {
                out.add(new Entry("insurance-subsidy-unclaimed", "queue.insurance-subsidy-unclaimed", unclaimed, "/insurance",
                        false));
            }
        }
        if (caller.is(Role.REGULATOR) && "MIIT".equals(caller.department())) {
            out.add(new Entry("insurance-claims-to-confirm", "queue.insurance-claims-to-confirm",
                    insurance.claims(caller, SubsidyClaimStatus.CLAIMED), "/insurance", false));
        }
        if (caller.is(Role.REGULATOR) && "MOF".equals(caller.department())) {
            out.add(new Entry("insurance-claims-to-pay", "queue.insurance-claims-to-pay",
                    insurance.claims(caller, SubsidyClaimStatus.CONFIRMED), "/insurance", false));
        }
        return out;
    }
}
