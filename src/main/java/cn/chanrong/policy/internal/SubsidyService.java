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
import cn.chanrong.lending.DayClose;
import cn.chanrong.lending.InterestSubsidies;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.policy.Subsidies;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.LedgerRules;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.policy.domain.ProgrammeVersions;
import cn.chanrong.policy.domain.SubsidyAccrual;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interest subsidies: enrolment against the programme version in force at the loan's payout, the accrual and
 * settlement inside end of day's chunks ({@link DayClose}), the stop on a confirmed diversion, the banks' quarterly
 * claims and the treasuries' prepayments, each booked in the bank's book.
 */
@Service
class SubsidyService implements Subsidies, DayClose {

    static final Set<ProgrammeKind> SUBSIDIES = Set.of(ProgrammeKind.CENTRAL_SUBSIDY, ProgrammeKind.LOCAL_SUBSIDY);
    private static final String ACTOR = "end-of-day";
    private static final Caller POLICY = Caller.system("policy");
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})Q([1-4])");
    /** The most a prepayment may hold. */
    private static final BigDecimal MAX_PREPAYMENT = new BigDecimal("100000000000.00");

    private final SubsidyStore store;
    private final ProgrammeStore programmes;
    private final LedgerStore facts;
    private final Proceeds proceeds;
    private final InterestSubsidies netting;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final Ledger ledger;
    private final AuditTrail audit;

    SubsidyService(SubsidyStore store, ProgrammeStore programmes, LedgerStore facts, Proceeds proceeds,
                   InterestSubsidies netting, Institutions institutions, Enterprises enterprises, BusinessDate businessDate,
                   Ledger ledger, AuditTrail audit) {
        this.store = store;
        this.programmes = programmes;
        this.facts = facts;
        this.proceeds = proceeds;
        this.netting = netting;
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.ledger = ledger;
        this.audit = audit;
    }

    static String number(long id, LocalDate enrolledOn) {
        return "TX%d%06d".formatted(enrolledOn.getYear(), id);
    }

    static String claimNumber(long id, LocalDate on) {
        return "TQ%d%06d".formatted(on.getYear(), id);
    }

    private List<ProgrammeVersions.Version> versions(long programmeId, ProgrammeKind kind) {
        return programmes.parsedVersions(programmeId, kind);
    }

    private ProgrammeStore.Row subsidyProgramme(String code, List<Rejection> problems) {
        ProgrammeStore.Row p = code == null || code.isBlank() ? null : programmes.byCode(code.strip()).orElse(null);
        if (code == null || code.isBlank()) {
            problems.add(Rejection.of("required", "programme"));
        } else if (p == null) {
            problems.add(Rejection.of("policy.ledger.programme", "programme", code));
        } else if (!SUBSIDIES.contains(ProgrammeKind.valueOf(p.kind()))) {
            problems.add(Rejection.of("policy.subsidy.not-subsidy", "programme", p.code()));
            return null;
        }
        return p;
    }

    // --- enrolment

    @Override
    @Transactional
    public Subsidy enrol(Caller caller, Enrol r, Locale locale) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        ProgrammeStore.Row p = subsidyProgramme(r.programme(), problems);
        Proceeds.Disbursed loan = null;
        if (r.loan() == null || r.loan().isBlank()) {
            problems.add(Rejection.of("required", "loan"));
        } else {
            loan = proceeds.disbursedNumbered(caller.institutionId(), r.loan().strip()).orElse(null);
            if (loan == null) {
                problems.add(Rejection.of("policy.subsidy.loan", "loan", r.loan().strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        ProgrammeKind kind = ProgrammeKind.valueOf(p.kind());
        List<ProgrammeVersions.Version> versions = versions(p.id(), kind);
        final Proceeds.Disbursed d = loan;
        // the loan is judged by the programme as it stood the day it was paid out
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions, d.disbursedOn()).orElseThrow(() -> Rejected.invalid(
                Rejection.of("policy.ledger.before-programme", "loan", p.code(), d.disbursedOn())));
        Institution bank = institutions.list().stream().filter(i -> i.id() == caller.institutionId()).findFirst().orElseThrow();
        Enterprise borrower = enterprises.get(POLICY, d.borrowerId());
        Eligibility e = v.eligibility();
        List<Rejection> reasons = new ArrayList<>();
        if (!e.institutionTypes().isEmpty() && !e.institutionTypes().contains(bank.type().name())
                || !e.institutions().isEmpty() && !e.institutions().contains(bank.creditCode())) {
            reasons.add(Rejection.of("policy.ledger.institution-type", "programme", p.code(), bank.type().name()));
        }
        if (!e.regions().isEmpty() && (borrower.regionCode() == null
                || e.regions().stream().noneMatch(borrower.regionCode()::startsWith))) {
            reasons.add(Rejection.of("policy.subsidy.region", "loan", borrower.regionCode(), String.join(", ", e.regions())));
        }
        if (p.regionCode() != null && (borrower.regionCode() == null || !borrower.regionCode().startsWith(p.regionCode()))) {
            reasons.add(Rejection.of("policy.subsidy.region", "loan", borrower.regionCode(), p.regionCode()));
        }
        LedgerStore.Facts f = facts.facts(bank.id(), List.of(d.loanId())).get(d.loanId());
        if (f != null) {
            var c = f.candidate(d);
            for (LedgerRules.Reason why : LedgerRules.reasons(c, e)) {
                reasons.add(Rejection.of(why.rule(), "loan", why.found()));
            }
        }
        Integer years = v.terms().whole("maxYears");
        LocalDate last = d.disbursedOn().plusYears(years).minusDays(1);
        LocalDate validTo = (LocalDate) v.terms().values().get("validTo");
        if (validTo != null && validTo.isBefore(last)) {
            last = validTo;
        }
        LocalDate today = businessDate.today();
        if (last.isBefore(d.disbursedOn()) || last.isBefore(today)) {
            reasons.add(Rejection.of("policy.subsidy.term-over", "loan", d.disbursedOn(), last));
        }
        if (!reasons.isEmpty()) {
            throw Rejected.invalid(reasons);
        }
        String settlement = v.terms().values().get("settlement") instanceof String s ? s : "NET";
        BigDecimal cap = v.terms().values().containsKey("capPerLoanYuan") ? v.terms().decimal("capPerLoanYuan") : null;
        long id = store.insert(p.id(), d.loanId(), d.number(), bank.id(), d.borrowerId(), borrower.name(), settlement,
                        d.disbursedOn(), last, cap, today, caller.username())
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.subsidy.already", "loan", d.number(), p.code())));
        audit.record(AuditEvent.success(caller.username(), "policy.subsidy.enrol", "loan", d.number(),
                p.code() + " v" + v.version() + " from " + d.disbursedOn() + " to " + last + ", " + settlement));
        return subsidy(store.find(caller, id).orElseThrow(), names());
    }

    // --- end of day

    @Override
    public void closed(LocalDate date, List<ClosedLoan> loans) {
        Map<Long, ClosedLoan> byLoan = loans.stream().collect(Collectors.toMap(ClosedLoan::loanId, l -> l, (a, b) -> a));
        List<SubsidyStore.Row> active = store.activeFor(List.copyOf(byLoan.keySet()));
        if (active.isEmpty()) {
            return;
        }
        Map<Long, ProgrammeStore.Row> progs = new HashMap<>();
        Map<Long, List<ProgrammeVersions.Version>> versions = new HashMap<>();
        for (SubsidyStore.Row s : active) {
            ProgrammeStore.Row p = progs.computeIfAbsent(s.programmeId(), id -> programmes.find(id, false).orElseThrow());
            List<ProgrammeVersions.Version> vs = versions.computeIfAbsent(s.programmeId(),
                    id -> versions(id, ProgrammeKind.valueOf(p.kind())));
            close(s, p, vs, byLoan.get(s.loanId()), date);
        }
    }

    /** Accrues one subsidy through {@code date} and settles what is due: the same path for every closing day. */
    void close(SubsidyStore.Row s, ProgrammeStore.Row p, List<ProgrammeVersions.Version> versions, ClosedLoan loan,
               LocalDate date) {
        if (s.accruedThrough().isBefore(date)) {
            SubsidyAccrual.Result r = SubsidyAccrual.accrue(loan.schedule(), s.accruedThrough(), date, s.firstDay(), s.lastDay(),
                    day -> ProgrammeVersions.inForce(versions, day).map(v -> v.terms().decimal("subsidyPoints")).orElse(null),
                    loan.daysPastDue(), loan.tier().nonPerforming());
            BigDecimal exact = s.accruedExact().add(r.exact());
            BigDecimal fen = SubsidyAccrual.fen(exact, s.cap());
            if (!store.accrued(s, date, r, exact, fen)) {
                return;
            }
            s = new SubsidyStore.Row(s.id(), s.programmeId(), s.loanId(), s.loanNumber(), s.institutionId(), s.borrowerId(),
                    s.borrowerName(), s.settlement(), s.firstDay(), s.lastDay(), s.cap(), s.status(), s.stoppedOn(),
                    s.stopRule(), s.stopDetail(), date, exact, fen, s.settled(), s.daysAccrued() + r.days(),
                    s.daysSuspended() + r.suspended(), s.daysCapped() + r.capped(), s.enrolledOn(), s.enrolledBy());
        }
        BigDecimal open = s.accrued().subtract(s.settled());
        if (open.signum() <= 0) {
            return;
        }
        LocalDate tomorrow = date.plusDays(1);
        if ("NET".equals(s.settlement())) {
            boolean falls = loan.schedule().stream().map(Installment::due).anyMatch(tomorrow::equals);
            if (falls) {
                BigDecimal netted = netting.net(s.loanId(), tomorrow, date, open, number(s.id(), s.enrolledOn()), ACTOR);
                if (netted.signum() > 0) {
                    store.settled(s.id(), date, tomorrow, "NET", netted);
                }
            }
        } else if (tomorrow.getDayOfMonth() == 1 && (tomorrow.getMonthValue() - 1) % 3 == 0 || !date.isBefore(s.lastDay())) {
            // paid through the bank: owed to the borrower at each quarter's end and when the term ends
            store.settled(s.id(), date, null, "CLAIM", open);
        }
    }

    // --- a confirmed diversion stops the loan's subsidies

    @EventListener
    void onDiversion(Monitoring.DiversionConfirmed e) {
        List<Long> stopped = store.stop(e.loanId(), e.on(), "policy.subsidy.diverted", e.caseNumber());
        for (Long id : stopped) {
            audit.record(AuditEvent.success("policy", "policy.subsidy.stop", "loan", e.loanNumber(),
                    "diversion case " + e.caseNumber() + " (" + e.rule() + ") confirmed on " + e.on()));
        }
    }

    // --- reading

    private record Names(Map<Long, String> banks, Map<Long, ProgrammeStore.Row> programmes) {
    }

    private Names names() {
        return new Names(institutions.list().stream().collect(Collectors.toMap(Institution::id, Institution::name)),
                new HashMap<>());
    }

    private ProgrammeStore.Row programme(Names n, long id) {
        return n.programmes().computeIfAbsent(id, k -> programmes.find(k, false).orElseThrow());
    }

    private Subsidy subsidy(SubsidyStore.Row s, Names n) {
        ProgrammeStore.Row p = programme(n, s.programmeId());
        return new Subsidy(s.id(), number(s.id(), s.enrolledOn()), p.code(), p.name(), p.kind(), s.loanId(), s.loanNumber(),
                s.institutionId(), n.banks().get(s.institutionId()), s.borrowerId(), s.borrowerName(), s.settlement(),
                s.firstDay(), s.lastDay(), s.cap(), s.status(), s.stoppedOn(), s.stopRule(), s.stopDetail(), s.accruedThrough(),
                s.accrued(), s.settled(), s.daysAccrued(), s.daysSuspended(), s.daysCapped(), s.enrolledOn(), s.enrolledBy());
    }

    private Long programmeFilter(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return programmes.byCode(code.strip()).map(ProgrammeStore.Row::id)
                .orElseThrow(() -> Rejected.invalid(Rejection.of("policy.ledger.programme", "programme", code)));
    }

    /** The status filter as the enum's name, or null for none; a rejection naming the values for any other text. */
    private static <E extends Enum<E>> String status(String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(raw.strip())).findFirst()
                .map(Enum::name).orElseThrow(() -> Rejected.invalid(Rejection.of("enum", "status", raw,
                        java.util.Arrays.toString(type.getEnumConstants()))));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Subsidy> list(Caller caller, String loan, String programme, String status, PageRequest page) {
        Names n = names();
        var rows = store.list(caller, loan == null || loan.isBlank() ? null : loan.strip(), programmeFilter(programme),
                status(status, cn.chanrong.policy.domain.SubsidyStatus.class), page);
        return new Page<>(rows.items().stream().map(s -> subsidy(s, n)).toList(), rows.page(), rows.size(), rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Detail get(Caller caller, long id) {
        SubsidyStore.Row s = store.find(caller, id).orElseThrow(() -> Rejected.notFound("subsidy", id));
        List<Settled> settled = store.settlements(id).stream()
                .map(t -> new Settled(t.on(), t.due(), t.kind(), t.amount(),
                        t.claimId() == null ? null : claimNumber(t.claimId(), t.claimedOn())))
                .toList();
        return new Detail(subsidy(s, names()), store.accruals(id), settled);
    }

    // --- claims

    /** The first and last day of a quarter written {@code 2026Q2}; a problem named {@code quarter} otherwise. */
    static LocalDate[] quarter(String raw, List<Rejection> problems) {
        Matcher m = raw == null ? null : QUARTER.matcher(raw.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2100) {
            problems.add(Rejection.of("policy.subsidy.quarter", "quarter", raw));
            return null;
        }
        LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new LocalDate[]{from, from.plusMonths(3).minusDays(1)};
    }

    @Override
    @Transactional
    public Claim claim(Caller caller, ClaimRequest r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        ProgrammeStore.Row p = subsidyProgramme(r.programme(), problems);
        LocalDate[] q = quarter(r.quarter(), problems);
        LocalDate today = businessDate.today();
        if (q != null && !q[1].isBefore(today)) {
            // a quarter is claimed once it is over
            problems.add(Rejection.of("policy.subsidy.quarter-open", "quarter", r.quarter().strip(), q[1]));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        String quarter = r.quarter().strip();
        store.liveClaim(p.id(), caller.institutionId(), quarter).ifPresent(earlier -> {
            throw Rejected.conflict(Rejection.of("policy.subsidy.claimed", "quarter", p.code(), quarter,
                    claimNumber(earlier.id(), earlier.submittedOn())));
        });
        SubsidyStore.Claimable c = store.claimable(p.id(), caller.institutionId(), q[0], q[1]);
        if (c.amount().signum() == 0) {
            throw Rejected.conflict(Rejection.of("policy.subsidy.nothing-to-claim", "quarter", p.code(), quarter));
        }
        long id = store.insertClaim(p.id(), caller.institutionId(), quarter, q[0], q[1], c, today, caller.username())
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.subsidy.claimed", "quarter", p.code(), quarter)));
        audit.record(AuditEvent.success(caller.username(), "policy.subsidy.claim", "claim", claimNumber(id, today),
                p.code() + " " + quarter + ": " + c.amount().toPlainString() + " on " + c.loans() + " loans"));
        return claimById(caller, id);
    }

    /** The finance department's regulators (a provincial one for its own programmes), or an administrator. */
    private static void requireFinance(Caller caller, ProgrammeStore.Row p) {
        boolean finance = caller.isAdmin() || caller.is(Role.REGULATOR) && "MOF".equals(caller.department())
                && (caller.regionCode() == null || p.regionCode() == null || p.regionCode().startsWith(caller.regionCode()));
        if (!finance) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.subsidy.finance-only", null));
        }
    }

    @Override
    @Transactional
    public Claim settle(Caller caller, long id) {
        SubsidyStore.ClaimRow c = store.findClaim(caller, id, true).orElseThrow(() -> Rejected.notFound("claim", id));
        ProgrammeStore.Row p = programmes.find(c.programmeId(), false).orElseThrow();
        requireFinance(caller, p);
        c.status().settle().orThrow(r -> Rejected.conflict(Rejection.of("policy.subsidy.claim-decided", null,
                claimNumber(id, c.submittedOn()), c.status().name())));
        LocalDate today = businessDate.today();
        BigDecimal applied = store.prepaidLeft(p.id(), c.institutionId()).min(c.amount()).max(BigDecimal.ZERO.setScale(2));
        BigDecimal paid = c.amount().subtract(applied);
        Map<String, BigDecimal> byKind = store.claimByKind(id);
        String number = claimNumber(id, c.submittedOn());
        List<EntryLine> lines = new ArrayList<>();
        if (applied.signum() > 0) {
            lines.add(EntryLine.debit("2241", applied, null));
        }
        if (paid.signum() > 0) {
            lines.add(EntryLine.debit("1003", paid, null));
        }
        // netted subsidies settle the treasury's debt; those paid through the bank go to the borrowers' accounts
        if (byKind.getOrDefault("NET", BigDecimal.ZERO).signum() > 0) {
            lines.add(EntryLine.credit("1221", byKind.get("NET"), null));
        }
        if (byKind.getOrDefault("CLAIM", BigDecimal.ZERO).signum() > 0) {
            lines.add(EntryLine.credit("2002", byKind.get("CLAIM"), null));
        }
        long entry = ledger.post(c.institutionId(), today, "财政贴息结算 " + number + " / subsidy claim settled " + number,
                "policy:subsidy-claim:" + id + ":settled", lines, caller.username()).id();
        store.settleClaim(id, today, caller.username(), applied, paid, entry);
        audit.record(AuditEvent.success(caller.username(), "policy.subsidy.settle", "claim", number,
                c.amount().toPlainString() + ": prepaid " + applied.toPlainString() + ", paid " + paid.toPlainString()));
        return claimById(caller, id);
    }

    @Override
    @Transactional
    public Claim reject(Caller caller, long id, String reason) {
        SubsidyStore.ClaimRow c = store.findClaim(caller, id, true).orElseThrow(() -> Rejected.notFound("claim", id));
        ProgrammeStore.Row p = programmes.find(c.programmeId(), false).orElseThrow();
        requireFinance(caller, p);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw Rejected.invalid(Rejection.of("length", "reason", 2, 500));
        }
        c.status().reject().orThrow(r -> Rejected.conflict(Rejection.of("policy.subsidy.claim-decided", null,
                claimNumber(id, c.submittedOn()), c.status().name())));
        store.rejectClaim(id, businessDate.today(), caller.username(), why);
        audit.record(AuditEvent.success(caller.username(), "policy.subsidy.reject", "claim", claimNumber(id, c.submittedOn()), why));
        return claimById(caller, id);
    }

    private Claim claim(SubsidyStore.ClaimRow c, Names n) {
        ProgrammeStore.Row p = programme(n, c.programmeId());
        return new Claim(c.id(), claimNumber(c.id(), c.submittedOn()), p.code(), p.name(), c.institutionId(),
                n.banks().get(c.institutionId()), c.quarter(), c.from(), c.to(), c.amount(), c.loans(), c.status(),
                c.submittedOn(), c.submittedBy(), c.decidedOn(), c.decidedBy(), c.reason(), c.prepaymentApplied(), c.paid(),
                c.entryId());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Claim> claims(Caller caller, String programme, String status, PageRequest page) {
        Names n = names();
        var rows = store.claims(caller, programmeFilter(programme), status(status, cn.chanrong.policy.domain.ClaimStatus.class),
                page);
        return new Page<>(rows.items().stream().map(c -> claim(c, n)).toList(), rows.page(), rows.size(), rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Claim claimById(Caller caller, long id) {
        return claim(store.findClaim(caller, id, false).orElseThrow(() -> Rejected.notFound("claim", id)), names());
    }

    /** An institution's unified social credit code, as the finance department names a bank. */
    String institutionCode(long institutionId) {
        return institutions.list().stream().filter(i -> i.id() == institutionId).map(Institution::creditCode).findFirst()
                .orElseThrow();
    }

    // --- prepayments

    @Override
    @Transactional
    public Prepayment prepay(Caller caller, PrepaymentRequest r) {
        List<Rejection> problems = new ArrayList<>();
        ProgrammeStore.Row p = subsidyProgramme(r.programme(), problems);
        LocalDate[] q = quarter(r.quarter(), problems);
        Institution bank = r.institution() == null ? null : institutions.list().stream()
                .filter(i -> i.creditCode().equals(r.institution().strip())).findFirst().orElse(null);
        if (r.institution() == null || r.institution().isBlank()) {
            problems.add(Rejection.of("required", "institution"));
        } else if (bank == null || caller.regionCode() != null && !store.operatesIn(bank.id(), caller.regionCode())) {
            // a provincial treasury prepays the banks that lend in its province; any other is as unknown to it
            problems.add(Rejection.of("policy.subsidy.institution", "institution", r.institution().strip()));
        }
        if (r.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (r.amount().signum() <= 0 || r.amount().compareTo(MAX_PREPAYMENT) > 0) {
            problems.add(Rejection.of("range", "amount", "0.01", MAX_PREPAYMENT.toPlainString(), r.amount().toPlainString()));
        }
        if (p != null) {
            requireFinance(caller, p);
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        LocalDate today = businessDate.today();
        String quarter = r.quarter().strip();
        if (store.prepaid(p.id(), bank.id(), quarter)) {
            throw Rejected.conflict(Rejection.of("policy.subsidy.prepaid", "quarter", p.code(), quarter));
        }
        String source = "policy:subsidy-prepayment:" + p.id() + ":" + bank.id() + ":" + quarter;
        long entry = ledger.post(bank.id(), today, "财政预拨贴息资金 " + p.code() + " " + quarter + " / subsidy funds prepaid",
                source, List.of(EntryLine.debit("1003", r.amount(), null), EntryLine.credit("2241", r.amount(), null)),
                caller.username()).id();
        long id = store.insertPrepayment(p.id(), bank.id(), quarter, r.amount(), today, caller.username(), entry)
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.subsidy.prepaid", "quarter", p.code(), quarter)));
        audit.record(AuditEvent.success(caller.username(), "policy.subsidy.prepay", "institution", bank.creditCode(),
                p.code() + " " + quarter + ": " + r.amount().toPlainString()));
        return new Prepayment(id, p.code(), bank.id(), bank.name(), quarter, r.amount(), today, caller.username(), entry);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Prepayment> prepayments(Caller caller, String programme, PageRequest page) {
        Names n = names();
        var rows = store.prepayments(caller, programmeFilter(programme), page);
        return new Page<>(rows.items().stream().map(x -> new Prepayment(x.id(), programme(n, x.programmeId()).code(),
                x.institutionId(), n.banks().get(x.institutionId()), x.quarter(), x.amount(), x.paidOn(), x.recordedBy(),
                x.entryId())).toList(), rows.page(), rows.size(), rows.total());
    }
}
