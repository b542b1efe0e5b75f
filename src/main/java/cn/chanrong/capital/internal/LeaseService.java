package cn.chanrong.capital.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.capital.Leases;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.lending.schedule.LeaseTerms;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a lease: who may (a financial leasing company's approver or administrator), what it carries (each field checked,
 * the terms by the schedule core's own rules), whether the equipment is free (the register: another party's ownership —
 * a lease, a factoring, a retention of title — refuses it, naming the filing), then the filing, the lease and its rentals
 * in one transaction with the audit entry.
 */
@Service
class LeaseService implements Leases {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000.00");

    private final LeaseStore store;
    private final CollateralRegistry registry;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    LeaseService(LeaseStore store, CollateralRegistry registry, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Lease sign(Caller caller, Draft d) {
        return sign(caller, d, businessDate.today());
    }

    /** As {@link #sign(Caller, Draft)}, signed on {@code today} (the demo's past). */
    @Transactional
    Lease sign(Caller caller, Draft d, LocalDate today) {
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null
                || !(caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("leasing.lessor-only", null));
        }
        var lessor = store.lessor(caller.institutionId());
        if (InstitutionType.parse(lessor.type()).filter(t -> t == InstitutionType.FINANCIAL_LEASING).isEmpty()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("leasing.lessor-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        Long lessee = null;
        String lesseeCode = d.lessee() == null ? null : d.lessee().strip();
        if (lesseeCode == null || lesseeCode.isEmpty()) {
            problems.add(Rejection.of("required", "lessee"));
        } else {
            lessee = store.enterprise(lesseeCode).orElse(null);
            if (lessee == null) {
                problems.add(Rejection.of("leasing.lessee-unknown", "lessee", lesseeCode));
            }
        }
        if (d.kind() == null) {
            problems.add(Rejection.of("required", "leaseKind"));
        }
        String equipment = d.equipment() == null ? null : d.equipment().strip();
        if (equipment == null || equipment.length() < 2 || equipment.length() > 500) {
            problems.add(Rejection.of("length", "equipment", 2, 500));
        }
        Set<String> serials = new LinkedHashSet<>();
        if (d.serialNumbers() == null || d.serialNumbers().isEmpty()) {
            problems.add(Rejection.of("required", "serialNumbers"));
        } else if (d.serialNumbers().size() > 200) {
            problems.add(Rejection.of("range", "serialNumbers", 1, 200, d.serialNumbers().size()));
        } else {
            for (String s : d.serialNumbers()) {
                String t = s == null ? "" : s.strip();
                if (!t.matches("[A-Za-z0-9][A-Za-z0-9\\-_/.]{1,63}")) {
                    problems.add(Rejection.of("leasing.serial", "serialNumbers", t.length() > 64 ? t.substring(0, 64) : t));
                } else if (!serials.add(t)) {
                    problems.add(Rejection.of("leasing.serial-twice", "serialNumbers", t));
                }
            }
        }
        BigDecimal down = d.downPayment() == null ? BigDecimal.ZERO.setScale(2) : d.downPayment();
        BigDecimal deposit = d.deposit() == null ? BigDecimal.ZERO.setScale(2) : d.deposit();
        BigDecimal residual = d.residual() == null ? BigDecimal.ZERO.setScale(2) : d.residual();
        if (d.cost() == null) {
            problems.add(Rejection.of("required", "cost"));
        } else if (d.cost().signum() <= 0 || d.cost().compareTo(MAX_AMOUNT) > 0) {
            problems.add(Rejection.of("range", "cost", "0.01", MAX_AMOUNT.toPlainString(), d.cost().toPlainString()));
        } else if (down.compareTo(d.cost()) >= 0) {
            problems.add(Rejection.of("leasing.down-payment", "downPayment", down.toPlainString(), d.cost().toPlainString()));
        }
        if (deposit.compareTo(MAX_AMOUNT) > 0) {
            problems.add(Rejection.of("range", "deposit", "0.00", MAX_AMOUNT.toPlainString(), deposit.toPlainString()));
        }
        if (d.months() == null) {
            problems.add(Rejection.of("required", "months"));
        } else if (d.months() < 1 || d.months() > 600) {
            problems.add(Rejection.of("range", "months", 1, 600, d.months()));
        }
        int period = d.periodMonths() == null ? 1 : d.periodMonths();
        if (period != 1 && period != 3) {
            problems.add(Rejection.of("leasing.period", "periodMonths", period));
        } else if (d.months() != null && d.months() % period != 0) {
            problems.add(Rejection.of("leasing.whole-periods", "months", d.months(), period));
        }
        if (d.annualRatePercent() == null) {
            problems.add(Rejection.of("required", "annualRatePercent"));
        } else if (d.annualRatePercent().signum() < 0 || d.annualRatePercent().compareTo(new BigDecimal("36")) > 0) {
            problems.add(Rejection.of("range", "annualRatePercent", 0, 36, d.annualRatePercent().toPlainString()));
        }
        if (d.timing() == null) {
            problems.add(Rejection.of("required", "timing"));
        }
        LocalDate start = d.startOn() == null ? today : d.startOn();
        if (start.isBefore(today.minusDays(30)) || start.isAfter(today.plusDays(180))) {
            problems.add(Rejection.of("leasing.start", "startOn", start, today.minusDays(30), today.plusDays(180)));
        }
        BigDecimal financed = d.cost() == null ? null : d.cost().subtract(down);
        if (financed != null && financed.signum() > 0 && residual.compareTo(financed) >= 0) {
            problems.add(Rejection.of("leasing.residual", "residual", residual.toPlainString(), financed.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var terms = new LeaseTerms(financed, d.months(), period, d.annualRatePercent(), d.timing(), residual, start);
        var schedule = ScheduleCalculator.calculate(terms);
        var request = new CollateralRegistry.Request(lesseeCode, CollateralType.FINANCIAL_LEASING.name(), equipment,
                List.copyOf(serials), null, d.months(), start, false);
        List<Conflict> conflicts = registry.check(lessor.id(), request);
        Conflict owning = conflicts.stream().filter(c -> CollateralType.parse(c.collateralType())
                .map(t -> t.nature() == CollateralType.Nature.OWNERSHIP).orElse(true)).findFirst().orElse(null);
        if (owning != null) {
            registry.recordRefused(lessor.id(), request, conflicts);
            throw Rejected.conflict(Rejection.of("leasing.ownership-conflict", "serialNumbers", owning.identifier(),
                    owning.number(), owning.securedPartyName(), owning.registeredOn()));
        }
        var filing = registry.file(lessor.id(), request, caller.username());
        var draft = new Draft(lesseeCode, d.kind(), equipment, List.copyOf(serials), d.cost(), down, d.months(), period,
                d.annualRatePercent(), d.timing(), deposit, residual, start, Boolean.TRUE.equals(d.equipmentRenewal()));
        long id = store.insert(lessor.id(), lessee, draft, terms, schedule, filing.number(), today, caller.username());
        audit.record(AuditEvent.success(caller.username(), "leasing.sign", "capital_lease", id,
                d.kind() + " " + financed.toPlainString() + " filed " + filing.number()));
        return store.lease(Caller.system(caller.username()), id).orElseThrow();
    }

    @Override
    public Page<Lease> leases(Caller caller, PageRequest page) {
        return store.leases(caller, page);
    }

    @Override
    public Lease lease(Caller caller, long id) {
        return store.lease(caller, id).orElseThrow(() -> Rejected.notFound("lease", id));
    }

    @Override
    public List<Rental> schedule(Caller caller, long id) {
        return store.rentals(lease(caller, id).id());
    }
}
