package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.WarningReports;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a reported case in the reporting transaction (a second report of a case is refused) and reads them in scope. */
@Service
class WarningReportService implements WarningReports {

    private final WarningReportStore store;
    private final AuditTrail audit;

    WarningReportService(WarningReportStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void onReported(Monitoring.CaseReported e) {
        if (!store.insert(e)) {
            throw Rejected.conflict(Rejection.of("warning.report.already", null, e.caseNumber()));
        }
        audit.record(AuditEvent.success(e.by(), "warning.report", "loan", e.loanNumber(),
                e.caseNumber() + " (" + e.rule() + ") reported to the joint warning mechanism"));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Report> reports(Caller caller, PageRequest page) {
        return store.page(caller, page);
    }
}
