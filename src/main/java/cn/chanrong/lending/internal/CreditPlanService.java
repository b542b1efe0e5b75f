package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.CreditPlans;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CreditPlanService implements CreditPlans {

    private static final BigDecimal BILLION = new BigDecimal("1000000000000.00");

    private final CreditPlanStore store;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    CreditPlanService(CreditPlanStore store, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Plan set(Caller caller, int year, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (year < 2020 || year > 2100) {
            problems.add(Rejection.of("range", "year", 2020, 2100, year));
        }
        BigDecimal net = Amounts.check(r.netIncreaseTarget(), "netIncreaseTarget", true, BILLION, problems);
        BigDecimal mlt = share(r.mltShareTarget(), "mltShareTarget", problems);
        BigDecimal credit = share(r.creditShareTarget(), "creditShareTarget", problems);
        BigDecimal chain = Amounts.check(r.keyChainBalanceTarget(), "keyChainBalanceTarget", false, BILLION, problems);
        if (r.firstLoanTarget() != null && r.firstLoanTarget() < 0) {
            problems.add(Rejection.of("range", "firstLoanTarget", 0, 1000000, r.firstLoanTarget()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        store.set(caller.institutionId(), year, net, mlt, credit, r.firstLoanTarget(), chain, caller.username());
        audit.record(AuditEvent.success(caller.username(), "credit-plan.set", "credit-plan",
                caller.institutionId() + "/" + year, "net " + net + ", MLT " + mlt + ", credit " + credit + ", key chain " + chain));
        return plan(caller.institutionId(), year);
    }

    /** A share as a fraction of one, in hundredths (0.45 = 45 %). */
    private static BigDecimal share(BigDecimal value, String field, List<Rejection> problems) {
        return Amounts.check(value, field, false, BigDecimal.ONE, problems);
    }

    private Plan plan(long institution, int year) {
        return store.plan(institution, year);
    }

    @Override
    @Transactional(readOnly = true)
    public Report report(Caller caller, long institutionId, int year) {
        String name = store.institutionName(caller, institutionId)
                .orElseThrow(() -> Rejected.notFound("credit plan", institutionId + "/" + year));
        return new Report(institutionId, name, year, plan(institutionId, year), actual(institutionId, year));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Report> reports(Caller caller, int year) {
        if (!caller.isAdmin() && !caller.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.regulators-only", null));
        }
        return store.reporting(caller, year).stream().map(id -> report(caller, id, year)).toList();
    }

    /** Balances of manufacturing loans read from the principal movements, at the year start and on the as-of date. */
    private Actual actual(long institution, int year) {
        LocalDate today = businessDate.today();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;
        LocalDate start = LocalDate.of(year - 1, 12, 31);
        CreditPlanStore.Balances b = store.balances(institution, start, asOf);
        BigDecimal atStart = b.atStart();
        BigDecimal balance = b.atDate();
        return new Actual(asOf, atStart, balance, balance.subtract(atStart), ratio(b.mediumLongTerm(), balance),
                ratio(b.unsecured(), balance), b.firstLoanBorrowers(), b.keyChain(), b.loans());
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
