package cn.chanrong.policy.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.policy.Pools;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.PoolRules;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.policy.domain.ProgrammeVersions;
import cn.chanrong.policy.domain.Terms;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk-compensation pools: claims judged against the pool version in force at the loan's payout and its trigger,
 * compensation within the caps and what the pool holds (pure {@link PoolRules}), paid on the administrator's approval
 * into the bank's book, the pool's share of later recoveries returned.
 */
@Service
class PoolService implements Pools {

    /** Who records a pool's compensation on a written-off loan: recoveries recorded so are not returned or shared. */
    static final String ACTOR = "pool:";
    static final String HELD = "2243";
    private static final BigDecimal MAX = new BigDecimal("100000000000.00");

    private final PoolStore store;
    private final ProgrammeStore programmes;
    private final Proceeds proceeds;
    private final Loans loans;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final Ledger ledger;
    private final AuditTrail audit;

    PoolService(PoolStore store, ProgrammeStore programmes, Proceeds proceeds, Loans loans, Institutions institutions,
                Enterprises enterprises, BusinessDate businessDate, Ledger ledger, AuditTrail audit) {
        this.store = store;
        this.programmes = programmes;
        this.proceeds = proceeds;
        this.loans = loans;
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.ledger = ledger;
        this.audit = audit;
    }

    static String number(long id, LocalDate on) {
        return "BC%d%06d".formatted(on.getYear(), id);
    }

    private List<ProgrammeVersions.Version> versions(long id) {
        return programmes.parsedVersions(id, ProgrammeKind.RISK_POOL);
    }

    private ProgrammeStore.Row pool(String code, String field) {
        ProgrammeStore.Row p = code == null || code.isBlank() ? null : programmes.byCode(code.strip()).orElse(null);
        if (p == null) {
            throw Rejected.invalid(Rejection.of("policy.ledger.programme", field, code));
        }
        if (ProgrammeKind.valueOf(p.kind()) != ProgrammeKind.RISK_POOL) {
            throw Rejected.invalid(Rejection.of("policy.pool.not-pool", field, p.code()));
        }
        return p;
    }

    private static void requireAdministrator(Caller caller, ProgrammeStore.Row p) {
        boolean finance = caller.isAdmin() || caller.is(Role.REGULATOR) && "MOF".equals(caller.department())
                && (caller.regionCode() == null || p.regionCode() == null || p.regionCode().startsWith(caller.regionCode()));
        if (!finance) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.pool.administrator-only", null));
        }
    }

    private Pool view(ProgrammeStore.Row p) {
        LocalDate today = businessDate.today();
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions(p.id()), today).orElse(null);
        PoolStore.Figures f = store.figures(p.id(), today.getYear());
        Terms t = v == null ? null : v.terms();
        return new Pool(p.code(), p.name(), p.nameEn(), t == null ? null : t.decimal("sharePercent"),
                t == null ? null : t.decimal("capPerLoanYuan"), t == null ? null : t.decimal("capPerYearYuan"),
                t == null ? 0 : t.whole("triggerDaysPastDue"), v == null ? List.of() : v.eligibility().regions(), f.funded(),
                f.paid(), f.returned(), f.balance(), f.paidInYear());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Pool> pools(Caller caller) {
        return programmes.list(ProgrammeKind.RISK_POOL.name(), PageRequest.of(0, 200)).items().stream()
                .map(this::view).toList();
    }

    @Override
    @Transactional
    public Pool fund(Caller caller, String code, BigDecimal amount, String note) {
        ProgrammeStore.Row p = pool(code, "pool");
        requireAdministrator(caller, p);
        List<Rejection> problems = new ArrayList<>();
        if (amount == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
            problems.add(Rejection.of("range", "amount", "0.01", MAX.toPlainString(), amount.toPlainString()));
        }
        String why = note == null ? "" : note.strip();
        if (why.length() < 2 || why.length() > 200) {
            problems.add(Rejection.of("length", "note", 2, 200));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        store.fund(p.id(), amount, businessDate.today(), why, caller.username());
        audit.record(AuditEvent.success(caller.username(), "policy.pool.fund", "programme", p.code(), amount.toPlainString()));
        return view(p);
    }

    @Override
    @Transactional
    public Claim claim(Caller caller, String code, String loanNumber) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.approver-only", null));
        }
        ProgrammeStore.Row p = pool(code, "pool");
        Proceeds.Disbursed d = loanNumber == null || loanNumber.isBlank() ? null
                : proceeds.disbursedNumbered(caller.institutionId(), loanNumber.strip()).orElse(null);
        if (d == null) {
            throw Rejected.invalid(Rejection.of("policy.subsidy.loan", "loan", loanNumber));
        }
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions(p.id()), d.disbursedOn()).orElseThrow(() ->
                Rejected.invalid(Rejection.of("policy.ledger.before-programme", "loan", p.code(), d.disbursedOn())));
        Institution bank = institutions.list().stream().filter(i -> i.id() == caller.institutionId()).findFirst().orElseThrow();
        Enterprise borrower = enterprises.get(Caller.system("policy"), d.borrowerId());
        Eligibility e = v.eligibility();
        List<Rejection> reasons = new ArrayList<>();
        if (!e.institutionTypes().isEmpty() && !e.institutionTypes().contains(bank.type().name())
                || !e.institutions().isEmpty() && !e.institutions().contains(bank.creditCode())) {
            reasons.add(Rejection.of("policy.ledger.institution-type", "pool", p.code(), bank.type().name()));
        }
        if (!e.regions().isEmpty() && (borrower.regionCode() == null
                || e.regions().stream().noneMatch(borrower.regionCode()::startsWith))) {
            reasons.add(Rejection.of("policy.subsidy.region", "loan", borrower.regionCode(), String.join(", ", e.regions())));
        }
        if (!e.purposes().isEmpty() && !e.purposes().contains(d.purpose())) {
            reasons.add(Rejection.of("policy.line.purpose", "loan", d.purpose()));
        }
        if (e.loansFrom() != null && d.disbursedOn().isBefore(e.loansFrom())
                || e.loansTo() != null && d.disbursedOn().isAfter(e.loansTo())) {
            reasons.add(Rejection.of("policy.line.period", "loan", d.disbursedOn().toString()));
        }
        var loan = loans.get(caller, d.loanId());
        int trigger = v.terms().whole("triggerDaysPastDue");
        boolean writtenOff = loan.status() == cn.chanrong.lending.domain.LoanStatus.WRITTEN_OFF;
        if (!writtenOff && loan.daysPastDue() < trigger) {
            reasons.add(Rejection.of("policy.pool.not-triggered", "loan", loan.number(), loan.daysPastDue(), trigger));
        }
        if (!reasons.isEmpty()) {
            throw Rejected.invalid(reasons);
        }
        BigDecimal loss = writtenOff
                ? LoanLosses.principalWrittenOff(loans, caller, d.loanId()).subtract(loan.recovered())
                : loan.principalOutstanding();
        if (loss.signum() <= 0) {
            throw Rejected.conflict(Rejection.of("policy.guarantee.no-loss", "loan", loan.number()));
        }
        LocalDate today = businessDate.today();
        PoolRules.Compensation c = PoolRules.compensation(loss, v.terms().decimal("sharePercent"),
                v.terms().decimal("capPerLoanYuan"), null, null);
        long id = store.insert(p.id(), d.loanId(), d.number(), bank.id(), d.borrowerId(), borrower.name(),
                        cn.chanrong.policy.domain.PoolTrigger.of(writtenOff), loan.daysPastDue(), loss, v.terms().decimal("sharePercent"),
                        c.amount(), c.cappedBy(), today, caller.username())
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.pool.claimed", "loan", loan.number(), p.code())));
        audit.record(AuditEvent.success(caller.username(), "policy.pool.claim", "loan", loan.number(),
                p.code() + ": " + c.amount().toPlainString() + " of the loss " + loss.toPlainString()));
        return get(caller, id);
    }

    @Override
    @Transactional
    public Claim approve(Caller caller, long id) {
        PoolStore.Row c = store.find(caller, id, true).orElseThrow(() -> Rejected.notFound("claim", id));
        ProgrammeStore.Row p = programmes.find(c.programmeId(), true).orElseThrow();
        requireAdministrator(caller, p);
        String number = number(id, c.claimedOn());
        c.status().pay().orThrow(r -> Rejected.conflict(Rejection.of("policy.subsidy.claim-decided", null, number,
                c.status().name())));
        LocalDate today = businessDate.today();
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions(p.id()), today).orElseThrow();
        PoolStore.Figures f = store.figures(p.id(), today.getYear());
        BigDecimal cap = v.terms().decimal("capPerYearYuan");
        // the caps and the balance as they stand today (the programme row is locked: approvals go one by one)
        PoolRules.Compensation comp = PoolRules.compensation(c.loss(), c.sharePercent(), v.terms().decimal("capPerLoanYuan"),
                cap == null ? null : cap.subtract(f.paidInYear()), f.balance());
        if (comp.amount().signum() <= 0) {
            throw Rejected.conflict(Rejection.of("policy.pool.exhausted", null, p.code(), comp.cappedBy()));
        }
        String what = "风险补偿 " + number + " / risk compensation " + number;
        long entry;
        if (c.trigger() == cn.chanrong.policy.domain.PoolTrigger.WRITTEN_OFF) {
            Caller bank = new Caller(ACTOR + caller.username(), Role.INSTITUTION, null, c.institutionId(), null, null,
                    Set.of("operator", "approver"));
            entry = loans.recover(bank, c.loanId(), comp.amount(), today).entryId();
        } else {
            // held against the loan until its loss is final
            entry = ledger.post(c.institutionId(), today, what, "policy:pool-claim:" + id + ":paid",
                    List.of(EntryLine.debit("1003", comp.amount(), null), EntryLine.credit(HELD, comp.amount(), null)),
                    caller.username()).id();
        }
        store.paid(id, comp.amount(), comp.cappedBy(), today, caller.username(), entry);
        audit.record(AuditEvent.success(caller.username(), "policy.pool.approve", "claim", number, comp.amount().toPlainString()
                + (comp.cappedBy() == null ? "" : " (capped by " + comp.cappedBy() + ")")));
        return get(caller, id);
    }

    @Override
    @Transactional
    public Claim reject(Caller caller, long id, String reason) {
        PoolStore.Row c = store.find(caller, id, true).orElseThrow(() -> Rejected.notFound("claim", id));
        ProgrammeStore.Row p = programmes.find(c.programmeId(), false).orElseThrow();
        requireAdministrator(caller, p);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw Rejected.invalid(Rejection.of("length", "reason", 2, 500));
        }
        c.status().reject().orThrow(r -> Rejected.conflict(Rejection.of("policy.subsidy.claim-decided", null,
                number(id, c.claimedOn()), c.status().name())));
        store.rejected(id, businessDate.today(), caller.username(), why);
        audit.record(AuditEvent.success(caller.username(), "policy.pool.reject", "claim", number(id, c.claimedOn()), why));
        return get(caller, id);
    }

    /** A recovery on a loan the pool compensated returns the pool's share, up to what it paid and has not had back. */
    @EventListener
    void onRecovery(LoanEvent.LoanRecovered e) {
        if (e.actor().startsWith(ACTOR) || e.actor().startsWith(GuaranteeService.ACTOR)) {
            return;
        }
        for (PoolStore.Row c : store.paidOn(e.loanId())) {
            BigDecimal back = PoolRules.returned(e.amount(), c.sharePercent(), c.amount().subtract(c.returned()));
            if (back.signum() <= 0) {
                continue;
            }
            String number = number(c.id(), c.claimedOn());
            long entry = ledger.post(c.institutionId(), e.valueDate(), "风险补偿金返还 " + number + " / returned to the pool",
                    "policy:pool-claim:" + c.id() + ":return:" + c.returned().toPlainString(),
                    List.of(EntryLine.debit(GuaranteeService.RECOVERIES_PASSED, back, null),
                            EntryLine.credit("1003", back, null)), e.actor()).id();
            store.returned(c.id(), e.valueDate(), back, entry);
        }
    }

    private Claim view(PoolStore.Row c, Map<Long, String> banks) {
        ProgrammeStore.Row p = programmes.find(c.programmeId(), false).orElseThrow();
        return new Claim(c.id(), number(c.id(), c.claimedOn()), p.code(), p.name(), c.loanId(), c.loanNumber(), c.institutionId(),
                banks.get(c.institutionId()), c.borrowerName(), c.trigger(), c.daysPastDue(), c.loss(), c.sharePercent(),
                c.amount(), c.cappedBy(), c.status(), c.claimedOn(), c.claimedBy(), c.decidedOn(), c.decidedBy(), c.reason(),
                c.returned());
    }

    private Map<Long, String> banks() {
        return institutions.list().stream().collect(Collectors.toMap(Institution::id, Institution::name));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Claim> claims(Caller caller, String pool, String status, PageRequest page) {
        Long programme = pool == null || pool.isBlank() ? null : pool(pool, "pool").id();
        String st = status == null || status.isBlank() ? null : status.strip();
        if (st != null && !List.of("SUBMITTED", "PAID", "REJECTED").contains(st)) {
            throw Rejected.invalid(Rejection.of("enum", "status", status, "SUBMITTED, PAID, REJECTED"));
        }
        Map<Long, String> banks = banks();
        var rows = store.list(caller, programme, st, page);
        return new Page<>(rows.items().stream().map(c -> view(c, banks)).toList(), rows.page(), rows.size(), rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Claim get(Caller caller, long id) {
        return view(store.find(caller, id, false).orElseThrow(() -> Rejected.notFound("claim", id)), banks());
    }
}
