package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.CreditPlans;
import cn.chanrong.lending.domain.ProvisionRatios;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CreditPlanService implements CreditPlans {

    private static final BigDecimal BILLION = new BigDecimal("1000000000000.00");

    private final CreditPlanStore store;
    private final ProvisionStore provisionStore;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    CreditPlanService(CreditPlanStore store, ProvisionStore provisionStore, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.provisionStore = provisionStore;
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
        return new Report(institutionId, name, year, plan(institutionId, year), actual(institutionId, year),
                provisions(institutionId));
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

    /** The institution's provisions today and their ratios against the floors in force. */
    private Provisions provisions(long institution) {
        LocalDate today = businessDate.today();
        ProvisionStore.Book b = provisionStore.book(institution);
        ProvisionRatios.Ratios r = ProvisionRatios.of(b.loans(), b.npl(), b.provisions(),
                provisionStore.floors(institution, today));
        return new Provisions(today, b.loans(), b.npl(), b.provisions(), r.coverage(), r.loanRatio(),
                r.floors().coverage(), r.floors().loanRatio(), r.coverageMet(), r.loanRatioMet(),
                new EnumMap<>(provisionStore.rates(institution, today).rates()));
    }

    @Override
    @Transactional
    public Provisions setProvisioning(Caller caller, ProvisioningRequest r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        if (r.validFrom() == null) {
            problems.add(Rejection.of("required", "validFrom"));
        } else if (r.validFrom().isBefore(today)) {
            problems.add(Rejection.of("date.too-early", "validFrom", r.validFrom(), today));
        }
        Map<Tier, BigDecimal> rates = new EnumMap<>(Tier.class);
        if (r.rates() != null) {
            r.rates().forEach((k, v) -> {
                Tier t = Arrays.stream(Tier.values()).filter(x -> x.name().equals(k)).findFirst().orElse(null);
                if (t == null) {
                    problems.add(Rejection.of("enum", "rates." + k, k, Arrays.toString(Tier.values())));
                } else {
                    BigDecimal rate = share(v, "rates." + k, problems);
                    if (rate != null) {
                        rates.put(t, rate);
                    }
                }
            });
        }
        ProvisionRatios.Floors floors = null;
        if (r.coverageFloor() != null || r.loanProvisionFloor() != null) {
            floors = floors(r.coverageFloor(), r.loanProvisionFloor(), problems);
        }
        if (rates.isEmpty() && floors == null && problems.isEmpty()) {
            problems.add(Rejection.of("required", "rates"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long institution = caller.institutionId();
        rates.forEach((t, rate) -> provisionStore.setRate(institution, t, rate, r.validFrom(), caller.username()));
        if (floors != null) {
            provisionStore.setFloors(institution, floors, r.validFrom(), caller.username());
        }
        audit.record(AuditEvent.success(caller.username(), "provisioning.set", "institution", String.valueOf(institution),
                "from " + r.validFrom() + " rates " + rates + (floors == null ? "" : ", floors " + floors.coverage() + " / "
                        + floors.loanRatio())));
        return provisions(institution);
    }

    /** The two floors, each within its regulatory range (银监发〔2018〕7号). */
    private static ProvisionRatios.Floors floors(BigDecimal coverage, BigDecimal loanRatio, List<Rejection> problems) {
        int before = problems.size();
        if (coverage == null) {
            problems.add(Rejection.of("required", "coverageFloor"));
        } else if (coverage.compareTo(ProvisionRatios.COVERAGE_FLOOR_MIN) < 0
                || coverage.compareTo(ProvisionRatios.COVERAGE_FLOOR_MAX) > 0) {
            problems.add(Rejection.of("range", "coverageFloor", ProvisionRatios.COVERAGE_FLOOR_MIN,
                    ProvisionRatios.COVERAGE_FLOOR_MAX, coverage.toPlainString()));
        }
        if (loanRatio == null) {
            problems.add(Rejection.of("required", "loanProvisionFloor"));
        } else if (loanRatio.compareTo(ProvisionRatios.LOAN_RATIO_FLOOR_MIN) < 0
                || loanRatio.compareTo(ProvisionRatios.LOAN_RATIO_FLOOR_MAX) > 0) {
            problems.add(Rejection.of("range", "loanProvisionFloor", ProvisionRatios.LOAN_RATIO_FLOOR_MIN,
                    ProvisionRatios.LOAN_RATIO_FLOOR_MAX, loanRatio.toPlainString()));
        }
        return problems.size() > before ? null : new ProvisionRatios.Floors(coverage, loanRatio);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
