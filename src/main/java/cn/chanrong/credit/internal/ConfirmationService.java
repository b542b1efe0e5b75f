package cn.chanrong.credit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.QualificationConfirmations;
import cn.chanrong.credit.rules.Evaluation;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.enterprise.Qualification;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MIIT-type regulators confirm what the rules suggest; the qualification is recorded with the regulator
 * as issuer and as the one who confirmed it, which makes it verified (a declaration buys nothing).
 */
@Service
class ConfirmationService implements QualificationConfirmations {

    static final Map<String, String> TYPES = Map.of("innovative_sme", "INNOVATIVE_SME", "specialised_sme", "SPECIALISED_SME",
            "little_giant", "LITTLE_GIANT");

    private final EnterpriseDetails details;
    private final ReportService reports;
    private final AuditTrail audit;

    ConfirmationService(EnterpriseDetails details, ReportService reports, AuditTrail audit) {
        this.details = details;
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Qualification confirm(Caller caller, long enterpriseId, Request r) {
        if (!caller.is(Role.REGULATOR) || !"MIIT".equals(caller.department())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.confirm.miit-only", null));
        }
        String type = r == null || r.scheme() == null ? null : TYPES.get(r.scheme());
        if (type == null) {
            throw Rejected.invalid(Rejection.of("enum", "scheme", r == null ? "" : String.valueOf(r.scheme()),
                    "innovative_sme, specialised_sme, little_giant"));
        }
        // the regulator's own view: a provincial bureau sees only its province's enterprises
        EnterpriseFacts facts = details.facts(caller, enterpriseId);
        Evaluation e = reports.evaluations(Caller.system("credit"), enterpriseId, facts).stream()
                .filter(x -> x.scheme().equals(r.scheme())).findFirst().orElse(null);
        if (e == null || !e.suggestsQualification()) {
            List<String> why = new ArrayList<>();
            if (e != null) {
                why.addAll(e.conditionsFailed());
                e.missing().forEach(m -> why.add(m + "?"));
            }
            throw Rejected.invalid(Rejection.of("credit.confirm.not-suggested", "scheme", r.scheme(), String.join(", ", why)));
        }
        String issuer = caller.regionCode() == null ? "工业和信息化部 / MIIT" : "工业和信息化主管部门 " + caller.regionCode() + " / MIIT";
        Qualification q = details.confirmQualification(caller, enterpriseId, type, issuer, r.certificate(), r.validFrom(),
                r.validTo());
        audit.record(AuditEvent.success(caller.username(), "credit.confirm-qualification", "enterprise", enterpriseId,
                type + " (" + e.total() + "/" + e.max() + ")"));
        return q;
    }
}
