package cn.chanrong.policy.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.policy.domain.CentralBankInterest;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.LedgerRules;
import cn.chanrong.policy.domain.LedgerStatus;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.policy.domain.ProgrammeVersions;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-lending ledgers compiled from the bank's book against the programme versions in force when each loan was paid out. */
@Service
class LedgerService implements Ledgers {

    static final Set<ProgrammeKind> RELENDING = Set.of(ProgrammeKind.TECH_RELENDING, ProgrammeKind.CARBON_TOOL,
            ProgrammeKind.SMALL_BUSINESS_RELENDING);
    /** The most loans one ledger takes; a longer period is compiled in parts. */
    static final int MAX_LOANS = 20_000;
    private static final Caller POLICY = Caller.system("policy");

    private final LedgerStore store;
    private final ProgrammeStore programmes;
    private final Proceeds proceeds;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final cn.chanrong.ledger.Ledger ledger;

    LedgerService(LedgerStore store, ProgrammeStore programmes, Proceeds proceeds, Institutions institutions,
                  Enterprises enterprises, BusinessDate businessDate, AuditTrail audit, MessageSource messages,
                  cn.chanrong.ledger.Ledger ledger) {
        this.ledger = ledger;
        this.store = store;
        this.programmes = programmes;
        this.proceeds = proceeds;
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
        this.audit = audit;
        this.messages = messages;
    }

    private List<ProgrammeVersions.Version> versions(ProgrammeStore.Row p) {
        return programmes.parsedVersions(p.id(), ProgrammeKind.valueOf(p.kind()));
    }

    @Override
    @Transactional
    public Ledger compile(Caller caller, Compile r, Locale locale) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        ProgrammeStore.Row p = r.programme() == null ? null : programmes.byCode(r.programme().strip()).orElse(null);
        if (p == null) {
            problems.add(Rejection.of("policy.ledger.programme", "programme", r.programme()));
        } else if (!RELENDING.contains(ProgrammeKind.valueOf(p.kind()))) {
            problems.add(Rejection.of("policy.ledger.not-relending", "programme", p.code()));
        }
        LocalDate today = businessDate.today();
        if (r.from() == null) {
            problems.add(Rejection.of("required", "from"));
        }
        if (r.to() == null) {
            problems.add(Rejection.of("required", "to"));
        } else if (r.to().isAfter(today)) {
            problems.add(Rejection.of("policy.ledger.future", "to", r.to(), today));
        }
        if (r.from() != null && r.to() != null && (r.from().isAfter(r.to()) || ChronoUnit.DAYS.between(r.from(), r.to()) > 366)) {
            problems.add(Rejection.of("policy.ledger.period", "from", 366));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<ProgrammeVersions.Version> versions = versions(p);
        ProgrammeVersions.Version header = ProgrammeVersions.inForce(versions, r.to())
                .orElseThrow(() -> Rejected.invalid(Rejection.of("policy.ledger.before-programme", "to", p.code(), r.to())));
        Institution bank = institutions.list().stream().filter(i -> i.id() == caller.institutionId()).findFirst().orElseThrow();
        Eligibility e = header.eligibility();
        if (!e.institutionTypes().isEmpty() && !e.institutionTypes().contains(bank.type().name())
                || !e.institutions().isEmpty() && !e.institutions().contains(bank.creditCode())) {
            // 21 national banks take part in the tech re-lending: a city commercial bank compiles no ledger for it
            throw Rejected.invalid(Rejection.of("policy.ledger.institution-type", "programme", p.code(), bank.type().name()));
        }
        List<Proceeds.Disbursed> loans = proceeds.disbursedBy(bank.id(), r.from(), r.to(), MAX_LOANS + 1);
        if (loans.size() > MAX_LOANS) {
            throw Rejected.invalid(Rejection.of("policy.ledger.too-many", "from", MAX_LOANS));
        }
        Map<Long, LedgerStore.Facts> facts = store.facts(bank.id(), loans.stream().map(Proceeds.Disbursed::loanId).toList());
        Map<Long, String> already = store.inLedgers(p.id(), loans.stream().map(Proceeds.Disbursed::loanId).toList());
        Map<Long, String> names = new HashMap<>();
        List<LedgerStore.LineRow> lines = new ArrayList<>();
        BigDecimal qualifyingPrincipal = BigDecimal.ZERO.setScale(2);
        BigDecimal relending = BigDecimal.ZERO.setScale(2);
        int qualifying = 0;
        for (Proceeds.Disbursed d : loans) {
            LedgerStore.Facts f = facts.get(d.loanId());
            if (f == null || !f.tagged() && f.listType() == null) {
                continue; // neither pushed on a list nor tagged: not a candidate
            }
            var c = f.candidate(d);
            // each loan is judged by the programme as it stood the day the loan was paid out
            var v = ProgrammeVersions.inForce(versions, d.disbursedOn());
            List<LedgerRules.Reason> reasons = new ArrayList<>(v.isEmpty()
                    ? List.of(new LedgerRules.Reason("policy.line.before-programme", d.disbursedOn().toString()))
                    : LedgerRules.reasons(c, v.get().eligibility()));
            if (already.containsKey(d.loanId())) {
                // a loan is re-lent on once per programme
                reasons.add(new LedgerRules.Reason("policy.line.already", already.get(d.loanId())));
            }
            boolean ok = reasons.isEmpty();
            BigDecimal share = ok ? LedgerRules.share(d.principal(), v.get().terms().decimal("sharePercent") == null
                    ? BigDecimal.ZERO : v.get().terms().decimal("sharePercent")) : BigDecimal.ZERO.setScale(2);
            if (ok) {
                qualifying++;
                qualifyingPrincipal = qualifyingPrincipal.add(d.principal());
                relending = relending.add(share);
            }
            lines.add(new LedgerStore.LineRow(d.loanId(), d.number(), d.borrowerId(),
                    names.computeIfAbsent(d.borrowerId(), id -> enterprises.get(POLICY, id).name()), d.principal(),
                    d.disbursedOn(), d.purpose(), f.listType(), ok, share,
                    reasons.stream().map(x -> Map.of("rule", x.rule(), "found", x.found())).toList()));
        }
        BigDecimal sharePercent = header.terms().decimal("sharePercent") == null ? BigDecimal.ZERO : header.terms().decimal("sharePercent");
        long id = store.insert(new LedgerStore.Header(bank.id(), p.id(), header.version(), r.from(), r.to(), sharePercent,
                header.terms().decimal("ratePercent"), lines.size(), qualifying, qualifyingPrincipal, relending, today,
                caller.username()), lines);
        audit.record(AuditEvent.success(caller.username(), "policy.ledger.compile", "ledger", number(id, today),
                p.code() + " " + r.from() + "–" + r.to() + ": " + qualifying + " of " + lines.size() + " loans, "
                        + relending.toPlainString()));
        return get(caller, id, locale);
    }

    static String number(long id, LocalDate compiledOn) {
        return "TZ%d%06d".formatted(compiledOn.getYear(), id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Ledger> list(Caller caller, String programme, String status, PageRequest page) {
        Long programmeId = null;
        if (programme != null && !programme.isBlank()) {
            programmeId = programmes.byCode(programme.strip()).map(ProgrammeStore.Row::id)
                    .orElseThrow(() -> Rejected.invalid(Rejection.of("policy.ledger.programme", "programme", programme)));
        }
        LedgerStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = LedgerStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, Arrays.toString(LedgerStatus.values())));
            }
        }
        Page<LedgerStore.Row> rows = store.list(caller, programmeId, s, page);
        // the banks' and programmes' names, read once for the page
        Map<Long, String> banks = institutions.list().stream().collect(Collectors.toMap(Institution::id, Institution::name));
        Map<Long, ProgrammeStore.Row> shown = new HashMap<>();
        return new Page<>(rows.items().stream().map(x -> view(x, null, null, banks.get(x.institutionId()),
                shown.computeIfAbsent(x.programmeId(), k -> programmes.find(k, false).orElseThrow()))).toList(),
                rows.page(), rows.size(), rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Ledger get(Caller caller, long id, Locale locale) {
        LedgerStore.Row row = store.find(caller, id).orElseThrow(() -> Rejected.notFound("ledger", id));
        String bank = institutions.list().stream().filter(i -> i.id() == row.institutionId()).map(Institution::name).findFirst()
                .orElse(null);
        return view(row, store.lines(id), locale, bank, programmes.find(row.programmeId(), false).orElseThrow());
    }

    private Ledger view(LedgerStore.Row r, List<LedgerStore.LineRow> lines, Locale locale, String bank, ProgrammeStore.Row p) {
        List<Line> shown = lines == null ? List.of() : lines.stream().map(l -> new Line(l.loanId(), l.loanNumber(),
                l.borrowerId(), l.borrowerName(), l.principal(), l.disbursedOn(), l.purpose(), l.listType(), l.qualifies(),
                l.relending(), l.reasons().stream().map(x -> new Reason(x.get("rule"), x.get("found"),
                        messages.getMessage("reason." + x.get("rule"), new Object[] {x.get("found")}, x.get("rule"),
                                locale == null ? Locale.SIMPLIFIED_CHINESE : locale))).toList())).toList();
        return new Ledger(r.id(), number(r.id(), r.compiledOn()), r.institutionId(), bank, p.id(), p.code(), p.name(),
                r.programmeVersion(), r.from(), r.to(), r.status(), r.sharePercent(), r.ratePercent(), r.candidates(),
                r.qualifying(), r.qualifyingPrincipal(), r.relendingAmount(), r.compiledOn(), r.compiledBy(), r.compiledAt(),
                shown, new Approval(r.confirmedBy(), r.confirmedAt(), r.approvedBy(), r.approvedOn(), r.approvedRate(),
                r.maturesOn(), r.journalEntryId(), r.rollovers(), r.interestPaid(), r.repaidOn()));
    }

    @Override
    @Transactional
    public Ledger confirm(Caller caller, long id, Locale locale) {
        LedgerStore.Row r = store.lock(caller, id).orElseThrow(() -> Rejected.notFound("ledger", id));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != r.institutionId() || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.approver-only", null));
        }
        LedgerStatus next = r.status().confirm().orThrow();
        if (caller.username().equals(r.compiledBy())) {
            throw Rejected.conflict(Rejection.of("policy.ledger.four-eyes", null, r.compiledBy()));
        }
        store.confirmed(id, next, caller.username());
        audit.record(AuditEvent.success(caller.username(), "policy.ledger.confirm", "ledger", number(id, r.compiledOn()),
                r.qualifying() + " loans, " + r.relendingAmount().toPlainString()));
        return get(caller, id, locale);
    }

    @Override
    @Transactional
    public Ledger approve(Caller caller, long id, Locale locale) {
        LedgerStore.Row r = store.lock(caller, id).orElseThrow(() -> Rejected.notFound("ledger", id));
        ProgrammeStore.Row p = programmes.find(r.programmeId(), false).orElseThrow();
        if (!(caller.isAdmin() || caller.is(Role.REGULATOR) && "PBOC".equals(caller.department()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.central-bank-only", null));
        }
        LedgerStatus next = r.status().approve().orThrow();
        LocalDate today = businessDate.today();
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions(p), today)
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.ledger.before-programme", null, p.code(), today)));
        BigDecimal quota = v.terms().decimal("quotaYuan");
        BigDecimal used = store.used(p.id());
        if (quota != null && used.add(r.relendingAmount()).compareTo(quota) > 0) {
            throw Rejected.conflict(Rejection.of("policy.ledger.quota", null, p.code(), r.relendingAmount().toPlainString(),
                    quota.subtract(used).toPlainString()));
        }
        BigDecimal perBank = v.terms().values().containsKey("quotaPerBankYuan") ? v.terms().decimal("quotaPerBankYuan") : null;
        if (perBank != null) {
            BigDecimal bankUsed = store.usedBy(p.id(), r.institutionId());
            if (bankUsed.add(r.relendingAmount()).compareTo(perBank) > 0) {
                throw Rejected.conflict(Rejection.of("policy.ledger.bank-quota", null, p.code(),
                        r.relendingAmount().toPlainString(), perBank.subtract(bankUsed).toPlainString()));
            }
        }
        String number = number(id, r.compiledOn());
        if (r.relendingAmount().signum() == 0) {
            throw Rejected.conflict(Rejection.of("policy.ledger.nothing", null, number));
        }
        BigDecimal rate = v.terms().decimal("ratePercent");
        Integer months = v.terms().whole("termMonths");
        LocalDate matures = today.plusMonths(months == null ? 12 : months);
        long entry = ledger.post(r.institutionId(), today,
                "再贷款 " + number + " / re-lending " + number, "policy:ledger:" + id + ":borrowing",
                List.of(cn.chanrong.ledger.domain.EntryLine.debit("1003", r.relendingAmount(), null),
                        cn.chanrong.ledger.domain.EntryLine.credit("2004", r.relendingAmount(), number)),
                caller.username()).id();
        store.booked(id, next, caller.username(), today, rate, matures, entry);
        audit.record(AuditEvent.success(caller.username(), "policy.ledger.approve", "ledger", number,
                r.relendingAmount().toPlainString() + " at " + (rate == null ? "-" : rate.toPlainString()) + " % until " + matures));
        return get(caller, id, locale);
    }

    /** A ledger of the caller's institution, locked, for its approver to roll over or repay. */
    private LedgerStore.Row booked(Caller caller, long id) {
        LedgerStore.Row r = store.lock(caller, id).orElseThrow(() -> Rejected.notFound("ledger", id));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != r.institutionId() || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.approver-only", null));
        }
        return r;
    }

    @Override
    @Transactional
    public Ledger rollOver(Caller caller, long id, Locale locale) {
        LedgerStore.Row r = booked(caller, id);
        r.status().rollOver().orThrow();
        ProgrammeStore.Row p = programmes.find(r.programmeId(), false).orElseThrow();
        LocalDate today = businessDate.today();
        if (today.isBefore(r.maturesOn())) {
            throw Rejected.conflict(Rejection.of("policy.ledger.not-due", null, r.maturesOn()));
        }
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions(p), today).orElseThrow();
        Integer allowed = v.terms().whole("rollovers");
        if (allowed == null || r.rollovers() >= allowed) {
            throw Rejected.conflict(Rejection.of("policy.ledger.rollovers", null, allowed == null ? 0 : allowed));
        }
        String number = number(id, r.compiledOn());
        BigDecimal interest = CentralBankInterest.of(r.relendingAmount(), r.approvedRate(), r.interestFrom(), today);
        payInterest(r, number, interest, today, "roll:" + (r.rollovers() + 1), caller);
        BigDecimal rate = v.terms().decimal("ratePercent");
        Integer months = v.terms().whole("termMonths");
        LocalDate matures = today.plusMonths(months == null ? 12 : months);
        store.rolled(id, today, rate, matures, interest);
        audit.record(AuditEvent.success(caller.username(), "policy.ledger.roll", "ledger", number,
                "rollover " + (r.rollovers() + 1) + " at " + rate.toPlainString() + " % until " + matures + ", interest "
                        + interest.toPlainString()));
        return get(caller, id, locale);
    }

    @Override
    @Transactional
    public Ledger repay(Caller caller, long id, Locale locale) {
        LedgerStore.Row r = booked(caller, id);
        LedgerStatus next = r.status().repay().orThrow();
        LocalDate today = businessDate.today();
        String number = number(id, r.compiledOn());
        BigDecimal interest = CentralBankInterest.of(r.relendingAmount(), r.approvedRate(), r.interestFrom(), today);
        payInterest(r, number, interest, today, "repay", caller);
        ledger.post(r.institutionId(), today, "归还再贷款 " + number + " / re-lending repaid " + number,
                "policy:ledger:" + id + ":repay:principal",
                List.of(cn.chanrong.ledger.domain.EntryLine.debit("2004", r.relendingAmount(), number),
                        cn.chanrong.ledger.domain.EntryLine.credit("1003", r.relendingAmount(), null)),
                caller.username());
        store.repaid(id, next, today, interest);
        audit.record(AuditEvent.success(caller.username(), "policy.ledger.repay", "ledger", number,
                r.relendingAmount().toPlainString() + " and interest " + interest.toPlainString()));
        return get(caller, id, locale);
    }

    /** The interest on the borrowing since it last ran, booked: interest expense against deposits with the central bank. */
    private void payInterest(LedgerStore.Row r, String number, BigDecimal interest, LocalDate today, String step, Caller caller) {
        if (interest.signum() == 0) {
            return;
        }
        ledger.post(r.institutionId(), today, "再贷款利息 " + number + " / re-lending interest " + number,
                "policy:ledger:" + r.id() + ":" + step + ":interest",
                List.of(cn.chanrong.ledger.domain.EntryLine.debit("6411", interest, null),
                        cn.chanrong.ledger.domain.EntryLine.credit("1003", interest, null)),
                caller.username());
    }

    @Override
    @Transactional(readOnly = true)
    public Quota quota(Caller caller, String programme) {
        ProgrammeStore.Row p = programme == null ? null : programmes.byCode(programme.strip()).orElse(null);
        if (p == null) {
            throw Rejected.invalid(Rejection.of("policy.ledger.programme", "programme", programme));
        }
        BigDecimal quota = ProgrammeVersions.inForce(versions(p), businessDate.today()).map(v -> v.terms().decimal("quotaYuan"))
                .orElse(null);
        BigDecimal used = store.usedReadOnly(p.id());
        return new Quota(p.code(), quota, used, quota == null ? null : quota.subtract(used));
    }
}
