package cn.chanrong.capital.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.capital.Leases;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.lending.domain.ClassificationRules;
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
 * in one transaction with the audit entry and the lessor's journal entry. Payments received go to the rentals due,
 * oldest first, interest before principal, the interest earned out of the unearned finance income.
 */
@Service
class LeaseService implements Leases {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000.00");

    /** Rentals overdue classify as loans do; no technical grace. */
    static final ClassificationRules CLASSIFICATION = new ClassificationRules(0);

    private final LeaseStore store;
    private final CollateralRegistry registry;
    private final Ledger ledger;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    LeaseService(LeaseStore store, CollateralRegistry registry, Ledger ledger, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.ledger = ledger;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    /** The lease with the tier its days past due give it under the loans' classification rules. */
    private static Lease classified(Lease l) {
        var r = CLASSIFICATION.classify(new ClassificationRules.Facts(l.daysPastDue(), null, null, null, null));
        return new Lease(l.id(), l.number(), l.lessorId(), l.lessorName(), l.lesseeId(), l.lesseeName(), l.kind(),
                l.equipment(), l.serialNumbers(), l.cost(), l.downPayment(), l.financed(), l.months(), l.periodMonths(),
                l.annualRatePercent(), l.timing(), l.deposit(), l.residual(), l.startOn(), l.maturity(),
                l.equipmentRenewal(), l.filingNumber(), l.status(), l.totalRent(), l.outstanding(), l.overdue(),
                l.daysPastDue(), r.tier(), r.rule());
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
                problems.add(Rejection.of("leasing.lessee-unknown", "lessee",
                        lesseeCode.length() > 40 ? lesseeCode.substring(0, 40) : lesseeCode));
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
        } else if (d.serialNumbers().size() > 100) {
            problems.add(Rejection.of("range", "serialNumbers", 1, 100, d.serialNumbers().size()));
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
        // the register does not stand between a lessor and its own filings: a machine it leases already is refused here
        store.leasedBy(lessor.id(), List.copyOf(serials)).ifPresent(earlier -> {
            throw Rejected.conflict(Rejection.of("leasing.already-leased", "serialNumbers", earlier.serial(),
                    earlier.number()));
        });
        var filing = registry.file(lessor.id(), request, caller.username());
        var draft = new Draft(lesseeCode, d.kind(), equipment, List.copyOf(serials), d.cost(), down, d.months(), period,
                d.annualRatePercent(), d.timing(), deposit, residual, start, Boolean.TRUE.equals(d.equipmentRenewal()));
        long id = store.insert(lessor.id(), lessee, draft, terms, schedule, filing.number(), today, caller.username());
        // the lessor's books: the lease payments receivable gross, the finance income not yet earned, the price paid out
        // for the equipment; the deposit held
        List<EntryLine> lines = new ArrayList<>(List.of(EntryLine.debit("1531", schedule.totalPayment(), null),
                EntryLine.credit("1011", financed, null)));
        if (schedule.totalInterest().signum() > 0) {
            lines.add(EntryLine.credit("1532", schedule.totalInterest(), null));
        }
        if (deposit.signum() > 0) {
            lines.add(EntryLine.debit("1011", deposit, null));
            lines.add(EntryLine.credit("2244", deposit, null));
        }
        ledger.post(lessor.id(), today, "融资租赁起租 / lease commenced " + id, "lease:" + id + ":start", lines,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "leasing.sign", "capital_lease", id,
                d.kind() + " " + financed.toPlainString() + " filed " + filing.number()));
        return lease(Caller.system(caller.username()), id);
    }

    @Override
    @Transactional
    public Lease receive(Caller caller, long id, Payment payment) {
        return receive(caller, id, payment, businessDate.today());
    }

    /** As {@link #receive(Caller, long, Payment)}, on {@code today} (the demo's past). */
    @Transactional
    Lease receive(Caller caller, long id, Payment payment, LocalDate today) {
        var lease = store.lease(caller, id, today, true).orElseThrow(() -> Rejected.notFound("lease", id));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null || caller.institutionId() != lease.lessorId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("leasing.payment.lessor-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (payment.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (payment.amount().signum() <= 0) {
            problems.add(Rejection.of("range", "amount", "0.01", MAX_AMOUNT.toPlainString(), payment.amount().toPlainString()));
        }
        LocalDate on = payment.receivedOn() == null ? today : payment.receivedOn();
        if (on.isAfter(today) || on.isBefore(lease.startOn())) {
            problems.add(Rejection.of("leasing.payment.day", "receivedOn", on, lease.startOn(), today));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        // what is due on the day: every rental due on or before it not yet paid; nothing is paid before it falls due
        var open = store.open(id);
        BigDecimal due = open.stream().filter(r -> !r.dueOn().isAfter(on)).map(r -> r.rent().subtract(r.paid()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (payment.amount().compareTo(due) > 0) {
            throw Rejected.invalid(Rejection.of("leasing.payment.exceeds-due", "amount", payment.amount().toPlainString(),
                    due.toPlainString(), on));
        }
        BigDecimal left = payment.amount();
        BigDecimal interest = BigDecimal.ZERO;
        for (var r : open) {
            if (left.signum() == 0 || r.dueOn().isAfter(on)) {
                break;
            }
            BigDecimal part = left.min(r.rent().subtract(r.paid()));
            BigDecimal toInterest = part.min(r.interest().subtract(r.interestPaid()));
            store.pay(id, r.period(), part, toInterest, on);
            interest = interest.add(toInterest);
            left = left.subtract(part);
        }
        List<EntryLine> lines = new ArrayList<>(List.of(EntryLine.debit("1011", payment.amount(), null),
                EntryLine.credit("1531", payment.amount(), null)));
        if (interest.signum() > 0) {
            lines.add(EntryLine.debit("1532", interest, null));
            lines.add(EntryLine.credit("6011", interest, null));
        }
        var entry = ledger.post(lease.lessorId(), on, "租金收取 / rental received " + lease.number(),
                store.nextPaymentSource(id), lines, caller.username());
        String number = store.insertPayment(id, payment.amount(), interest, on, entry.id(), caller.username());
        if (store.boughtOut(id)) {
            // the lessee owns the machine now: the lessor is to cancel its filing
            registry.raiseCancellationTask(lease.filingNumber(), "融资租赁合同" + lease.number() + "已留购结清");
        }
        audit.record(AuditEvent.success(caller.username(), "leasing.payment", "capital_lease", id,
                number + " " + payment.amount().toPlainString() + " interest " + interest.toPlainString()));
        return lease(caller, id);
    }

    @Override
    public Page<Lease> leases(Caller caller, PageRequest page) {
        return store.leases(caller, businessDate.today(), page).map(LeaseService::classified);
    }

    @Override
    public Lease lease(Caller caller, long id) {
        return store.lease(caller, id, businessDate.today(), false).map(LeaseService::classified)
                .orElseThrow(() -> Rejected.notFound("lease", id));
    }

    @Override
    public List<Rental> schedule(Caller caller, long id) {
        return store.rentals(lease(caller, id).id());
    }
}
