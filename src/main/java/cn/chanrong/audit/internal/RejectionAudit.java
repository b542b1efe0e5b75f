package cn.chanrong.audit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.RejectedRequestRecorder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class RejectionAudit implements RejectedRequestRecorder {

    private final JdbcAuditTrail trail;

    RejectionAudit(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordRejected(String actor, String action, String targetType, String targetId, String reason) {
        trail.insert(new AuditEvent(actor, action, targetType, targetId, AuditEvent.Outcome.REJECTED, reason));
    }
}
