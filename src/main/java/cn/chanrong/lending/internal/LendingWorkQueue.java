package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ApprovalStep;
import cn.chanrong.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A bank's staff: the applications at each step they act on, the loans past due; an enterprise: its loans past due and
 * the installments falling due in the next 30 days.
 */
@Component
class LendingWorkQueue implements WorkQueue {

    /** How far ahead an enterprise's dues are shown. */
    static final int DUE_DAYS = 30;

    private final LoanApplications applications;
    private final Loans loans;
    private final InstallmentStore installments;
    private final cn.chanrong.reference.BusinessDate businessDate;

    LendingWorkQueue(LoanApplications applications, Loans loans, InstallmentStore installments,
                     cn.chanrong.reference.BusinessDate businessDate) {
        this.applications = applications;
        this.loans = loans;
        this.installments = installments;
        this.businessDate = businessDate;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        List<Entry> out = new ArrayList<>();
        if (caller.is(Role.INSTITUTION)) {
            for (ApprovalStep step : ApprovalStep.values()) {
                if (caller.hasAuthority(step.authority())) {
                    long n = applications.search(caller, null, step.name(), PageRequest.of(0, 1)).total();
                    out.add(new Entry("applications-" + step.name().toLowerCase(java.util.Locale.ROOT),
                            "queue.applications." + step.name(), n, "/loan-applications?step=" + step.name(), false));
                }
            }
        }
        if (caller.is(Role.INSTITUTION) || caller.is(Role.ENTERPRISE)) {
            long overdue = loans.search(caller, new Loans.Filter(null, null, null, true), PageRequest.of(0, 1)).total();
            out.add(new Entry("overdue-loans", "queue.overdue-loans", overdue, "/loans?overdue=true", overdue > 0));
        }
        if (caller.is(Role.ENTERPRISE)) {
            out.add(new Entry("loan-dues", "queue.loan-dues", installments.dueWithin(caller, businessDate.today(), DUE_DAYS),
                    "/loans", false));
        }
        return out;
    }
}
