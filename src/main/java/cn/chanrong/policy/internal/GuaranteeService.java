package cn.chanrong.policy.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.Proceeds;
import cn.chanrong.policy.Guarantees;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.GuaranteeChain;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.policy.domain.ProgrammeVersions;
import cn.chanrong.policy.domain.Terms;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government guarantees: registered by the bank on its loan under a scheme (the version in force at the loan's payout
 * gives the coverage and the split), the chain completed by the agency's provincial re-guarantor and the national
 * fund, the written-off loss claimed stage by stage and paid in each payer's book, recoveries shared back.
 */
@Service
class GuaranteeService implements Guarantees {

    /** The highest yearly fee taken on one guarantee, in percent: well above any government agency's. */
    static final BigDecimal MAX_FEE = new BigDecimal("10");

    /** Where a guarantor keeps its money: deposits with banks. */
    static final String GUARANTOR_CASH = "1011";
    static final String COMPENSATION = "6521";
    static final String RECOVERIES_PASSED = "6531";
    /** The bank's settlement account for money leaving it along the chain. */
    static final String BANK_CASH = "1003";
    /** Who records a compensation on the bank's loan: recoveries recorded so are not shared back. */
    static final String ACTOR = "guarantee:";

    private final GuaranteeStore store;
    private final ProgrammeStore programmes;
    private final Proceeds proceeds;
    private final Loans loans;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final Ledger ledger;
    private final AuditTrail audit;

    GuaranteeService(GuaranteeStore store, ProgrammeStore programmes, Proceeds proceeds, Loans loans, Institutions institutions,
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
        return "DB%d%06d".formatted(on.getYear(), id);
    }

    /** The province of an institution: its unified social credit code names its registration division. */
    private static String province(Institution i) {
        return i.creditCode().substring(2, 4);
    }

    @Override
    @Transactional
    public Guarantee register(Caller caller, Register r) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.ledger.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        ProgrammeStore.Row p = r.programme() == null || r.programme().isBlank() ? null
                : programmes.byCode(r.programme().strip()).orElse(null);
        if (p == null) {
            problems.add(Rejection.of("policy.ledger.programme", "programme", r.programme()));
        } else if (ProgrammeKind.valueOf(p.kind()) != ProgrammeKind.GUARANTEE_SCHEME) {
            problems.add(Rejection.of("policy.guarantee.not-scheme", "programme", p.code()));
        }
        Proceeds.Disbursed loan = r.loan() == null || r.loan().isBlank() ? null
                : proceeds.disbursedNumbered(caller.institutionId(), r.loan().strip()).orElse(null);
        if (loan == null) {
            problems.add(Rejection.of("policy.subsidy.loan", "loan", r.loan()));
        }
        List<Institution> all = institutions.list();
        Institution agency = r.agency() == null ? null
                : all.stream().filter(i -> i.creditCode().equals(r.agency().strip())).findFirst().orElse(null);
        if (agency == null || agency.type() != InstitutionType.GOVERNMENT_GUARANTEE_AGENCY) {
            problems.add(Rejection.of("policy.guarantee.agency", "agency", r.agency()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<ProgrammeVersions.Version> versions = programmes.parsedVersions(p.id(), ProgrammeKind.GUARANTEE_SCHEME);
        ProgrammeVersions.Version v = ProgrammeVersions.inForce(versions, loan.disbursedOn()).orElseThrow(() ->
                Rejected.invalid(Rejection.of("policy.ledger.before-programme", "loan", p.code(), loan.disbursedOn())));
        Eligibility e = v.eligibility();
        if (!e.institutionTypes().isEmpty() && !e.institutionTypes().contains(agency.type().name())) {
            throw Rejected.invalid(Rejection.of("policy.guarantee.agency", "agency", r.agency()));
        }
        Institution reguarantor = all.stream().filter(i -> i.type() == InstitutionType.PROVINCIAL_REGUARANTOR
                && province(i).equals(province(agency))).findFirst().orElse(null);
        Institution fund = all.stream().filter(i -> i.type() == InstitutionType.NATIONAL_GUARANTEE_FUND).findFirst().orElse(null);
        if (reguarantor == null || fund == null) {
            throw Rejected.invalid(Rejection.of("policy.guarantee.chain", "agency", agency.name()));
        }
        Terms t = v.terms();
        BigDecimal coverage = t.decimal("coveragePercent");
        BigDecimal amount = loan.principal().multiply(coverage).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() <= 0) {
            throw Rejected.invalid(Rejection.of("policy.guarantee.coverage", "programme", p.code()));
        }
        BigDecimal fee = r.feePercent() == null ? t.decimal("feeTargetPercent") : r.feePercent();
        if (fee.signum() <= 0 || fee.compareTo(MAX_FEE) > 0) {
            throw Rejected.invalid(Rejection.of("range", "feePercent", "0.0001", MAX_FEE.toPlainString(), fee.toPlainString()));
        }
        LocalDate today = businessDate.today();
        String borrower = enterprises.get(Caller.system("policy"), loan.borrowerId()).name();
        long id = store.insert(new GuaranteeStore.Row(0, p.id(), v.version(), loan.loanId(), loan.number(), caller.institutionId(),
                        loan.borrowerId(), borrower, agency.id(), reguarantor.id(), fund.id(), loan.principal(), coverage, amount,
                        fee, t.decimal("bankSharePercent"), t.decimal("agencySharePercent"),
                        t.decimal("reguarantorSharePercent"), t.decimal("nationalFundSharePercent"), null, today,
                        caller.username(), 0, 0))
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.guarantee.already", "loan", loan.number())));
        // the guarantee is the loan's security: its guarantee method becomes 保证 unless a mortgage or pledge ranks first
        loans.attachSecurity(caller, loan.loanId(), new Loans.SecurityRequest("GUARANTEE",
                "政府性融资担保 " + number(id, today) + "（" + p.code() + "）", amount, agency.name(), null));
        audit.record(AuditEvent.success(caller.username(), "policy.guarantee.register", "loan", loan.number(),
                agency.name() + " " + amount.toPlainString() + " under " + p.code() + " v" + v.version()));
        return get(caller, id);
    }

    // --- claims along the chain

    private static long claimant(GuaranteeStore.Row g, int stage) {
        return switch (stage) {
            case 1 -> g.institutionId();
            case 2 -> g.agencyId();
            default -> g.reguarantorId();
        };
    }

    private static long payer(GuaranteeStore.Row g, int stage) {
        return switch (stage) {
            case 1 -> g.agencyId();
            case 2 -> g.reguarantorId();
            default -> g.fundId();
        };
    }

    private static GuaranteeChain.Shares shares(GuaranteeStore.Row g) {
        return new GuaranteeChain.Shares(g.bankShare(), g.agencyShare(), g.reguarantorShare(), g.fundShare());
    }

    @Override
    @Transactional
    public Guarantee claim(Caller caller, long id) {
        GuaranteeStore.Row g = store.find(caller, id, true).orElseThrow(() -> Rejected.notFound("guarantee", id));
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.guarantee.approver-only", null));
        }
        List<GuaranteeStore.ClaimRow> claims = store.claims(id);
        String number = number(id, g.issuedOn());
        for (GuaranteeStore.ClaimRow c : claims) {
            if (c.claimantId() == caller.institutionId()) {
                // the same loss is claimed once at each stage
                throw Rejected.conflict(Rejection.of("policy.guarantee.claimed", null, number, c.claimedOn()));
            }
        }
        int stage = claims.size() + 1;
        if (stage > 3 || claimant(g, stage) != caller.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.guarantee.not-your-turn", null, number));
        }
        if (!claims.isEmpty() && !claims.getLast().status().paidOut()) {
            throw Rejected.conflict(Rejection.of("policy.guarantee.previous-unpaid", null, number));
        }
        LocalDate today = businessDate.today();
        BigDecimal loss = g.loss();
        if (stage == 1) {
            var loan = loans.get(caller, g.loanId());
            if (loan.status() != cn.chanrong.lending.domain.LoanStatus.WRITTEN_OFF) {
                throw Rejected.conflict(Rejection.of("policy.guarantee.not-written-off", null, loan.number(), loan.status().name()));
            }
            BigDecimal principalWrittenOff = LoanLosses.principalWrittenOff(loans, caller, g.loanId());
            loss = principalWrittenOff.subtract(loan.recovered()).min(g.principal());
            if (loss.signum() <= 0) {
                throw Rejected.conflict(Rejection.of("policy.guarantee.no-loss", null, loan.number()));
            }
            store.loss(id, loss);
        }
        GuaranteeChain.Split split = GuaranteeChain.split(loss, shares(g));
        BigDecimal amount = switch (stage) {
            case 1 -> split.agencyPays().min(g.amount());
            case 2 -> split.reguarantorPays();
            default -> split.fundPays();
        };
        if (amount.signum() <= 0) {
            throw Rejected.conflict(Rejection.of("policy.guarantee.no-loss", null, g.loanNumber()));
        }
        store.insertClaim(id, stage, caller.institutionId(), payer(g, stage), amount, today, caller.username())
                .orElseThrow(() -> Rejected.conflict(Rejection.of("policy.guarantee.claimed", null, number, today)));
        audit.record(AuditEvent.success(caller.username(), "policy.guarantee.claim", "guarantee", number,
                "stage " + stage + ": " + amount.toPlainString() + " of the loss " + loss.toPlainString()));
        return get(caller, id);
    }

    @Override
    @Transactional
    public Guarantee pay(Caller caller, long claimId) {
        GuaranteeStore.ClaimRow c = store.claim(claimId).orElseThrow(() -> Rejected.notFound("claim", claimId));
        GuaranteeStore.Row g = store.find(caller, c.guaranteeId(), true).orElseThrow(() -> Rejected.notFound("claim", claimId));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != c.payerId() || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.guarantee.payer-only", null));
        }
        String number = number(g.id(), g.issuedOn());
        c.status().pay().orThrow(r -> Rejected.conflict(Rejection.of("policy.guarantee.paid", null, number, c.stage())));
        LocalDate today = businessDate.today();
        String what = "担保代偿 " + number + " / guarantee compensation " + number;
        long entry = ledger.post(c.payerId(), today, what, "policy:guarantee-claim:" + claimId + ":paid",
                List.of(EntryLine.debit(COMPENSATION, c.amount(), null), EntryLine.credit(GUARANTOR_CASH, c.amount(), null)),
                caller.username()).id();
        if (c.stage() == 1) {
            // the bank recovers the covered part of its written-off loan from the agency
            Caller bank = new Caller(ACTOR + caller.username(), Role.INSTITUTION, null, g.institutionId(), null, null,
                    Set.of("operator", "approver"));
            loans.recover(bank, g.loanId(), c.amount(), today);
        } else {
            ledger.post(c.claimantId(), today, what, "policy:guarantee-claim:" + claimId + ":received",
                    List.of(EntryLine.debit(GUARANTOR_CASH, c.amount(), null), EntryLine.credit(COMPENSATION, c.amount(), null)),
                    caller.username());
        }
        store.paid(claimId, today, caller.username(), entry);
        audit.record(AuditEvent.success(caller.username(), "policy.guarantee.pay", "guarantee", number,
                "stage " + c.stage() + ": " + c.amount().toPlainString()));
        return get(caller, g.id());
    }

    // --- recoveries flow back up the chain

    @EventListener
    void onRecovery(LoanEvent.LoanRecovered e) {
        if (e.actor().startsWith(ACTOR) || e.actor().startsWith(PoolService.ACTOR)) {
            // compensation recorded as a recovery is not the borrower's money
            return;
        }
        GuaranteeStore.Row g = store.ofLoan(e.loanId()).orElse(null);
        if (g == null || g.paidStages() == 0) {
            return;
        }
        GuaranteeChain.Split s = GuaranteeChain.split(e.amount(), shares(g));
        BigDecimal toAgency = s.agencyPays();
        BigDecimal toReguarantor = g.paidStages() >= 2 ? s.reguarantorPays() : BigDecimal.ZERO.setScale(2);
        BigDecimal toFund = g.paidStages() >= 3 ? s.fundPays() : BigDecimal.ZERO.setScale(2);
        String number = number(g.id(), g.issuedOn());
        String what = "追偿款分配 " + number + " / recovery shared " + number;
        String key = "policy:guarantee:" + g.id() + ":recovery:" + e.valueDate() + ":" + store.recoveries(g.id()).size();
        ledger.post(g.institutionId(), e.valueDate(), what, key, List.of(EntryLine.debit(RECOVERIES_PASSED, toAgency, null),
                EntryLine.credit(BANK_CASH, toAgency, null)), e.actor());
        keep(g.agencyId(), toAgency.subtract(toReguarantor), what, key, e);
        keep(g.reguarantorId(), toReguarantor.subtract(toFund), what, key, e);
        keep(g.fundId(), toFund, what, key, e);
        store.recovered(g.id(), e.valueDate(), e.amount(), e.amount().subtract(toAgency), toAgency.subtract(toReguarantor),
                toReguarantor.subtract(toFund), toFund);
    }

    /** A guarantor's part of a recovery: money in, its compensation expense down. */
    private void keep(long book, BigDecimal amount, String what, String key, LoanEvent.LoanRecovered e) {
        if (amount.signum() > 0) {
            ledger.post(book, e.valueDate(), what, key, List.of(EntryLine.debit(GUARANTOR_CASH, amount, null),
                    EntryLine.credit(COMPENSATION, amount, null)), e.actor());
        }
    }

    // --- reading

    private Guarantee guarantee(GuaranteeStore.Row g, Map<Long, Institution> byId, boolean full) {
        ProgrammeStore.Row p = programmes.find(g.programmeId(), false).orElseThrow();
        Function<Long, Party> party = i -> new Party(i, byId.containsKey(i) ? byId.get(i).name() : null);
        cn.chanrong.policy.domain.GuaranteeStatus status = cn.chanrong.policy.domain.GuaranteeStatus.of(g.claims(),
                g.paidStages());
        List<Claim> claims = !full ? null : store.claims(g.id()).stream()
                .map(c -> new Claim(c.id(), c.stage(), party.apply(c.claimantId()), party.apply(c.payerId()), c.amount(),
                        c.status(), c.claimedOn(), c.claimedBy(), c.paidOn(), c.paidBy(), c.payerEntry()))
                .toList();
        return new Guarantee(g.id(), number(g.id(), g.issuedOn()), p.code(), p.name(), g.loanId(), g.loanNumber(),
                party.apply(g.institutionId()), g.borrowerId(), g.borrowerName(), party.apply(g.agencyId()),
                party.apply(g.reguarantorId()), party.apply(g.fundId()), g.principal(), g.coveragePercent(), g.amount(),
                g.feePercent(), g.bankShare(), g.agencyShare(), g.reguarantorShare(), g.fundShare(), g.loss(), status,
                g.issuedOn(), g.issuedBy(), claims, full ? store.recoveries(g.id()) : null);
    }

    private Map<Long, Institution> institutionsById() {
        return institutions.list().stream().collect(Collectors.toMap(Institution::id, i -> i));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Guarantee> list(Caller caller, String loan, String status, PageRequest page) {
        cn.chanrong.policy.domain.GuaranteeStatus st = status == null || status.isBlank() ? null
                : cn.chanrong.policy.domain.GuaranteeStatus.parse(status.strip()).orElseThrow(() -> Rejected.invalid(
                        Rejection.of("enum", "status", status, java.util.Arrays.toString(
                                cn.chanrong.policy.domain.GuaranteeStatus.values()))));
        Map<Long, Institution> byId = institutionsById();
        var rows = store.list(caller, loan == null || loan.isBlank() ? null : loan.strip(), st, page);
        return new Page<>(rows.items().stream().map(g -> guarantee(g, byId, false)).toList(), rows.page(), rows.size(),
                rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Guarantee get(Caller caller, long id) {
        return guarantee(store.find(caller, id, false).orElseThrow(() -> Rejected.notFound("guarantee", id)),
                institutionsById(), true);
    }
}
