package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.LoanSecurity;
import cn.chanrong.lending.Loans;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Filing;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Collateral and guarantees on loans. A pledge or collateral may cite the institution's own active
 * registry filing; when the loan is repaid, each cited filing gets a cancellation task in the registry.
 */
@Component
class SecurityService {

    private final SecurityStore store;
    private final LoanStore loans;
    private final CollateralRegistry registry;
    private final AuditTrail audit;

    SecurityService(SecurityStore store, LoanStore loans, CollateralRegistry registry, AuditTrail audit) {
        this.store = store;
        this.loans = loans;
        this.registry = registry;
        this.audit = audit;
    }

    LoanSecurity attach(Caller caller, Loan l, Loans.SecurityRequest r) {
        List<Rejection> problems = new ArrayList<>();
        String kind = ApplicationService.oneOf(r.kind(), "kind", List.of("COLLATERAL", "PLEDGE", "GUARANTEE"), problems);
        if (r.description() == null || r.description().strip().length() < 2 || r.description().strip().length() > 500) {
            problems.add(Rejection.of("length", "description", 2, 500));
        }
        BigDecimal value = Amounts.check(r.value(), "value", false, FacilityService.MAX_AMOUNT, problems);
        String guarantor = r.guarantor() == null || r.guarantor().isBlank() ? null : r.guarantor().strip();
        if ("GUARANTEE".equals(kind) && guarantor == null) {
            problems.add(Rejection.of("required", "guarantor"));
        }
        String filing = r.filingNumber() == null || r.filingNumber().isBlank() ? null : r.filingNumber().strip();
        if (filing != null) {
            Filing f = registry.byNumber(filing).orElse(null);
            if (f == null || f.securedParty() != l.institutionId() || !"ACTIVE".equals(f.status())) {
                problems.add(Rejection.of("lending.security.filing", "filingNumber", filing));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.attach(l.id(), kind, r.description().strip(), value, guarantor, filing, caller.username());
        audit.record(AuditEvent.success(caller.username(), "loan.security", "loan", l.number(),
                kind + " " + value + (filing == null ? "" : " filing " + filing)));
        return list(l.id()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    List<LoanSecurity> list(long loanId) {
        return store.of(loanId);
    }

    /** A repaid loan's filings are to be cancelled by the secured party: the registry raises the tasks. */
    @ApplicationModuleListener
    void on(LoanEvent.LoanRepaid repaid) {
        String number = loans.number(repaid.loanId());
        for (LoanSecurity s : list(repaid.loanId())) {
            if (s.filingNumber() != null) {
                registry.raiseCancellationTask(s.filingNumber(),
                        Postings.WORDS.both("task.cancel-filing", number, repaid.valueDate()));
            }
        }
    }
}
