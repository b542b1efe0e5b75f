package cn.chanrong.lending.internal;

import cn.chanrong.identity.Consents;
import cn.chanrong.lending.LoanEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Post-loan monitoring consents last as long as their loan: a repaid loan ends them. */
@Component
class MonitoringConsentEnd {

    private final Consents consents;

    MonitoringConsentEnd(Consents consents) {
        this.consents = consents;
    }

    @ApplicationModuleListener
    void on(LoanEvent.LoanRepaid repaid) {
        consents.endForLoan(repaid.loanId());
    }
}
