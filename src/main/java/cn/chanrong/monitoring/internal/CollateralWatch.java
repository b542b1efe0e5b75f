package cn.chanrong.monitoring.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.monitoring.domain.Rules;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.FilingEvent;
import java.time.temporal.ChronoUnit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the loan, a new filing against its collateral by another party (issue 18 §4): when the registry registers a
 * filing, every other party's active filing on the same asset ({@link CollateralRegistry#rankOf}) is looked at, and
 * each outstanding loan that filing secures raises {@code collateral-filing} for its lender, naming the new filing,
 * its day and who filed it. A party filing again on what it already holds, and national-registry filings imported
 * from search results, raise nothing here.
 */
@Component
class CollateralWatch {

    private static final Caller MONITORING = Caller.system("monitoring");

    private final CollateralRegistry registry;
    private final Proceeds proceeds;
    private final MonitoringAlertStore alerts;
    private final RuleStore rules;
    private final Enterprises enterprises;
    private final Institutions institutions;
    private final AuditTrail audit;

    CollateralWatch(CollateralRegistry registry, Proceeds proceeds, MonitoringAlertStore alerts, RuleStore rules,
                    Enterprises enterprises, Institutions institutions, AuditTrail audit) {
        this.registry = registry;
        this.proceeds = proceeds;
        this.alerts = alerts;
        this.rules = rules;
        this.enterprises = enterprises;
        this.institutions = institutions;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(FilingEvent.FilingRegistered filed) {
        var ranking = registry.rankOf(filed.number());
        var book = rules.book();
        String filer = institutions.list().stream().filter(i -> i.id() == filed.securedParty()).map(Institution::name)
                .findFirst().orElse(null);
        int raised = 0;
        for (Conflict c : ranking.covering()) {
            if (c.external() || c.securedParty() == filed.securedParty()) {
                continue;
            }
            for (Proceeds.Secured s : proceeds.securedBy(c.number())) {
                if (s.institutionId() == filed.securedParty()) {
                    continue;
                }
                Rules.OnOff rule = book.at(s.institutionId(), s.productId(), (int) filed.filedOn().toEpochDay()).collateralFiling();
                if (!rule.enabled()) {
                    continue;
                }
                long days = Math.max(0, ChronoUnit.DAYS.between(s.disbursedOn(), filed.filedOn()));
                if (alerts.raise(new MonitoringAlertStore.FilingRaise(s.institutionId(), s.loanId(), s.number(), s.borrowerId(),
                        enterprises.get(MONITORING, s.borrowerId()).name(), filed.number(), filed.filedOn(), filer,
                        Rules.COLLATERAL_FILING, rule.version(), days))) {
                    raised++;
                }
            }
        }
        if (raised > 0) {
            audit.record(AuditEvent.success("monitoring", "monitoring.collateral-filing", "filing", filed.number(),
                    raised + " alerts: a filing by another party on collateral of outstanding loans"));
        }
    }
}
