package cn.chanrong.warning.internal;

import cn.chanrong.lending.LoanEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a loan turns non-performing, the platform propagates its obligor's default through the chain by itself, after
 * the classification commits (end of day is never slowed or rolled back by it): a scenario shared like a regulator's,
 * once a year per firm, only for a firm others depend on.
 */
@Component
class DefaultContagion {

    private static final Logger log = LoggerFactory.getLogger(DefaultContagion.class);

    private final ScenarioService scenarios;

    DefaultContagion(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @ApplicationModuleListener
    void on(LoanEvent.LoanClassified e) {
        if (e.from().nonPerforming() || !e.to().nonPerforming()) {
            return;
        }
        if (scenarios.onDefault(e.loanId(), e.to().label(false), e.businessDate())) {
            log.info("Loan {} classified {}: its obligor's default propagated", e.loanId(), e.to());
        }
    }
}
