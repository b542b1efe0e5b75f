package cn.chanrong.policy.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.policy.CarbonReductions;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carbon-reduction loans: the bank's operator or approver records a green loan's verified CO2 reduction — the loan its
 * own and paid out, green, the tonnes above zero and at most 100 million a year, verified by a named body on a day not
 * after today — once; the disclosures sum them per bank.
 */
@Service
class CarbonService implements CarbonReductions {

    /** The most CO2 one loan's project is taken to avoid, in tonnes a year. */
    static final BigDecimal MAX_TONNES = new BigDecimal("100000000.00");

    private final CarbonStore store;
    private final Proceeds proceeds;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    CarbonService(CarbonStore store, Proceeds proceeds, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.proceeds = proceeds;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Reduction record(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.carbon.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        Proceeds.Disbursed loan = null;
        if (r.loan() == null || r.loan().isBlank()) {
            problems.add(Rejection.of("required", "loan"));
        } else {
            loan = proceeds.disbursedNumbered(caller.institutionId(), r.loan().strip()).orElse(null);
            if (loan == null) {
                problems.add(Rejection.of("policy.subsidy.loan", "loan", r.loan().strip()));
            } else if (!store.green(loan.loanId())) {
                problems.add(Rejection.of("policy.carbon.green", "loan", loan.number()));
            }
        }
        if (r.co2Tonnes() == null) {
            problems.add(Rejection.of("required", "co2Tonnes"));
        } else if (r.co2Tonnes().signum() <= 0 || r.co2Tonnes().compareTo(MAX_TONNES) > 0) {
            problems.add(Rejection.of("range", "co2Tonnes", "0.01", MAX_TONNES.toPlainString(), r.co2Tonnes().toPlainString()));
        }
        text(r.verifier(), "verifier", 200, problems);
        text(r.method(), "verificationMethod", 500, problems);
        LocalDate today = businessDate.today();
        if (r.verifiedOn() == null) {
            problems.add(Rejection.of("required", "verifiedOn"));
        } else if (r.verifiedOn().isAfter(today)) {
            problems.add(Rejection.of("policy.carbon.future", "verifiedOn", r.verifiedOn(), today));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Request clean = new Request(loan.number(), r.co2Tonnes(), r.verifier().strip(), r.verifiedOn(), r.method().strip());
        if (!store.insert(loan.loanId(), loan.number(), loan.institutionId(), loan.borrowerId(), clean, caller.username())) {
            throw Rejected.conflict(Rejection.of("policy.carbon.recorded", "loan", loan.number()));
        }
        audit.record(AuditEvent.success(caller.username(), "policy.carbon.record", "loan", loan.loanId(),
                clean.co2Tonnes().toPlainString() + " t CO2, " + clean.verifier()));
        return store.get(loan.loanId());
    }

    private static void text(String v, String field, int max, List<Rejection> problems) {
        if (v == null || v.strip().length() < 2 || v.strip().length() > max) {
            problems.add(Rejection.of("length", field, 2, max));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Candidate> candidates(Caller caller) {
        return caller.is(Role.INSTITUTION) && caller.institutionId() != null ? store.candidates(caller.institutionId())
                : List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Reduction> list(Caller caller, PageRequest page) {
        return store.list(caller, page);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Disclosure> disclosures(Caller caller, int year) {
        return store.disclosures(caller, year);
    }
}
