package cn.chanrong.audit.internal;

import cn.chanrong.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The single sealer: a scheduled job that chains newly committed entries once a second. */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private final AuditTrail trail;

    AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(fixedDelayString = "${chanrong.audit.seal-interval-ms:1000}")
    void seal() {
        try {
            int n;
            do {
                n = trail.sealPending();
            } while (n >= 5000);
        } catch (RuntimeException e) {
            log.warn("Audit sealing failed, will retry: {}", e.getMessage());
        }
    }
}
