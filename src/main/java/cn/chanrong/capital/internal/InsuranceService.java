package cn.chanrong.capital.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.capital.Insurance;
import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.capital.domain.PremiumSubsidy;
import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.CreditCode;
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
 * The catalogue, policies and premium-subsidy claims: who may act checked first, then what the act carries against the
 * scheme's terms in force ({@link PremiumSubsidy}), then the write with its audit entry in one transaction.
 */
@Service
class InsuranceService implements Insurance {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000.00");

    private final InsuranceStore store;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    InsuranceService(InsuranceStore store, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    private static boolean department(Caller caller, String department) {
        return caller.is(Role.REGULATOR) && department.equals(caller.department());
    }

    @Override
    @Transactional
    public CatalogueItem addCatalogueItem(Caller caller, CatalogueDraft d) {
        if (!caller.isAdmin() && !(department(caller, "MIIT") && caller.regionCode() == null)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.catalogue.miit-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (d.scheme() == null) {
            problems.add(Rejection.of("required", "insuranceScheme"));
        }
        text(d.edition(), "edition", 2, 100, problems);
        if (d.code() == null || !d.code().strip().matches("[0-9A-Za-z.\\-]{1,20}")) {
            problems.add(Rejection.of("insurance.catalogue.code", "entryCode", d.code() == null ? "" : bounded(d.code())));
        }
        text(d.product(), "product", 2, 300, problems);
        if (d.manufacturer() == null) {
            problems.add(Rejection.of("required", "manufacturer"));
        } else {
            CreditCode.check(d.manufacturer().strip(), "manufacturer").ifPresent(problems::add);
        }
        if (d.validFrom() == null) {
            problems.add(Rejection.of("required", "validFrom"));
        } else if (d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            problems.add(Rejection.of("insurance.catalogue.validity", "validTo", d.validTo(), d.validFrom()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var clean = new CatalogueDraft(d.scheme(), d.edition().strip(), d.code().strip(), d.product().strip(),
                d.manufacturer().strip(), d.validFrom(), d.validTo());
        if (!store.insertItem(clean, caller.username())) {
            throw Rejected.conflict(Rejection.of("insurance.catalogue.exists", "entryCode", clean.edition(), clean.code()));
        }
        var item = store.item(clean.scheme(), clean.edition(), clean.code());
        audit.record(AuditEvent.success(caller.username(), "insurance.catalogue.add", "capital_catalogue_item", item.id(),
                clean.scheme() + " " + clean.edition() + " " + clean.code()));
        return item;
    }

    private static void text(String v, String field, int min, int max, List<Rejection> problems) {
        if (v == null || v.strip().length() < min || v.strip().length() > max) {
            problems.add(Rejection.of("length", field, min, max));
        }
    }

    private static String bounded(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    @Override
    public List<CatalogueItem> catalogue(InsuranceScheme scheme, LocalDate on) {
        return store.catalogue(scheme, on == null ? businessDate.today() : on);
    }

    @Override
    public boolean underwrites(Caller caller) {
        return caller.is(Role.INSTITUTION) && caller.institutionId() != null
                && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"))
                && InstitutionType.parse(store.institution(caller.institutionId()).type())
                .filter(t -> t == InstitutionType.INSURER).isPresent();
    }

    @Override
    @Transactional
    public Policy issue(Caller caller, PolicyDraft d) {
        return issue(caller, d, businessDate.today());
    }

    /** As {@link #issue(Caller, PolicyDraft)}, issued on {@code today} (the demo's past). */
    @Transactional
    Policy issue(Caller caller, PolicyDraft d, LocalDate today) {
        if (!underwrites(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.insurer-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        InsuranceStore.Party insured = null;
        if (d.insured() == null || d.insured().isBlank()) {
            problems.add(Rejection.of("required", "insured"));
        } else {
            insured = store.enterprise(d.insured().strip()).orElse(null);
            if (insured == null) {
                problems.add(Rejection.of("insurance.insured-unknown", "insured", bounded(d.insured().strip())));
            }
        }
        if (d.scheme() == null) {
            problems.add(Rejection.of("required", "insuranceScheme"));
        }
        text(d.insuredObject(), "insuredObject", 2, 300, problems);
        if (d.sumInsured() == null) {
            problems.add(Rejection.of("required", "sumInsured"));
        } else if (d.sumInsured().signum() <= 0 || d.sumInsured().compareTo(MAX_AMOUNT) > 0) {
            problems.add(Rejection.of("range", "sumInsured", "0.01", MAX_AMOUNT.toPlainString(), d.sumInsured().toPlainString()));
        }
        if (d.premiumRatePercent() == null) {
            problems.add(Rejection.of("required", "premiumRatePercent"));
        } else if (d.premiumRatePercent().signum() <= 0) {
            problems.add(Rejection.of("range", "premiumRatePercent", "0.0001", "100", d.premiumRatePercent().toPlainString()));
        }
        LocalDate start = d.startOn() == null ? today : d.startOn();
        if (start.isBefore(today.minusDays(30)) || start.isAfter(today.plusDays(180))) {
            problems.add(Rejection.of("insurance.start", "startOn", start, today.minusDays(30), today.plusDays(180)));
        }
        if (d.endOn() == null) {
            problems.add(Rejection.of("required", "endOn"));
        } else if (!d.endOn().isAfter(start) || d.endOn().isAfter(start.plusYears(3))) {
            problems.add(Rejection.of("insurance.term", "endOn", d.endOn(), start, start.plusYears(3)));
        }
        CatalogueItem item = null;
        PremiumSubsidy.Terms terms = null;
        if (d.scheme() != null) {
            terms = store.terms(d.scheme(), start, insured == null ? null : insured.type()).orElse(null);
            if (terms == null) {
                problems.add(Rejection.of("insurance.no-scheme", "insuranceScheme", start));
            } else if (d.premiumRatePercent() != null) {
                problems.addAll(PremiumSubsidy.rate(terms, d.premiumRatePercent()));
            }
            String code = d.catalogueCode() == null ? null : d.catalogueCode().strip();
            item = code == null ? null : store.itemOn(d.scheme(), code, start).orElse(null);
            if (item == null) {
                problems.add(Rejection.of("insurance.catalogue", "catalogueCode", code == null ? "" : bounded(code), start));
            } else if (insured != null && !item.manufacturer().equals(insured.creditCode())) {
                problems.add(Rejection.of("insurance.catalogue-maker", "insured", insured.name(), item.code(), item.product()));
            }
        }
        if (problems.isEmpty() && PremiumSubsidy.premium(d.sumInsured(), d.premiumRatePercent()).signum() == 0) {
            problems.add(Rejection.of("insurance.premium-zero", "sumInsured", d.sumInsured().toPlainString(),
                    d.premiumRatePercent().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        BigDecimal premium = PremiumSubsidy.premium(d.sumInsured(), d.premiumRatePercent());
        long id = store.insertPolicy(caller.institutionId(), insured.id(), d.scheme(), item.id(), d.insuredObject().strip(),
                d.sumInsured(), d.premiumRatePercent(), premium, start, d.endOn(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "insurance.policy.issue", "capital_insurance_policy", id,
                d.scheme() + " " + item.code() + " premium " + premium.toPlainString()));
        return store.policy(Caller.system(caller.username()), id, false).orElseThrow();
    }

    @Override
    public Page<Policy> policies(Caller caller, PageRequest page) {
        return store.policies(caller, page);
    }

    @Override
    public Policy policy(Caller caller, long id) {
        return store.policy(caller, id, false).orElseThrow(() -> Rejected.notFound("insurance-policy", id));
    }

    @Override
    @Transactional
    public SubsidyClaim claimSubsidy(Caller caller, long policyId) {
        return claimSubsidy(caller, policyId, businessDate.today());
    }

    /** As {@link #claimSubsidy(Caller, long)}, on {@code today} (the demo's past). */
    @Transactional
    SubsidyClaim claimSubsidy(Caller caller, long policyId, LocalDate today) {
        var policy = store.policy(caller, policyId, true).orElseThrow(() -> Rejected.notFound("insurance-policy", policyId));
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null || caller.enterpriseId() != policy.insuredId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.subsidy.insured-only", null));
        }
        if (policy.subsidyClaim() != null) {
            throw Rejected.conflict(Rejection.of("insurance.subsidy.claimed", "policy", policy.subsidyClaim().number()));
        }
        var terms = store.terms(policy.scheme(), policy.startOn(), store.provinceOf(policy.insuredId()))
                .orElseThrow(() -> Rejected.invalid(Rejection.of("insurance.no-scheme", "insuranceScheme", policy.startOn())));
        List<Rejection> problems = new ArrayList<>();
        if (store.itemOn(policy.scheme(), policy.catalogueCode(), policy.startOn()).isEmpty()) {
            problems.add(Rejection.of("insurance.catalogue", "catalogueCode", policy.catalogueCode(), policy.startOn()));
        }
        var span = store.subsidisedSpan(policyId);
        problems.addAll(PremiumSubsidy.years(terms, span.firstStart(), span.lastEnd()));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        BigDecimal amount = PremiumSubsidy.subsidy(terms, policy.premium());
        long id = store.insertClaim(policyId, amount, today, caller.username());
        if (id < 0) {
            throw Rejected.conflict(Rejection.of("insurance.subsidy.claimed", "policy", policy.number()));
        }
        audit.record(AuditEvent.success(caller.username(), "insurance.subsidy.claim", "capital_subsidy_claim", id,
                policy.number() + " " + amount.toPlainString()));
        return store.policy(caller, policyId, false).orElseThrow().subsidyClaim();
    }

    @Override
    @Transactional
    public SubsidyClaim review(Caller caller, long claimId, Decision decision, String reason) {
        return review(caller, claimId, decision, reason, businessDate.today());
    }

    /** As {@link #review(Caller, long, Decision, String)}, on {@code today} (the demo's past). */
    @Transactional
    SubsidyClaim review(Caller caller, long claimId, Decision decision, String reason, LocalDate today) {
        long policyId = store.policyOfClaim(claimId).orElseThrow(() -> Rejected.notFound("subsidy-claim", claimId));
        var policy = store.policy(caller, policyId, true).orElseThrow(() -> Rejected.notFound("subsidy-claim", claimId));
        var claim = policy.subsidyClaim();
        if (decision == null) {
            throw Rejected.invalid(Rejection.of("required", "decision"));
        }
        // the industry department confirms a claim still claimed, the finance department pays one confirmed; each may
        // refuse at its own step
        boolean miit = department(caller, "MIIT") || caller.isAdmin();
        boolean mof = department(caller, "MOF") || caller.isAdmin();
        boolean allowed = switch (decision) {
            case CONFIRM -> miit;
            case PAY -> mof;
            case REFUSE -> claim.status() == SubsidyClaimStatus.CLAIMED ? miit : mof;
        };
        if (!allowed) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.claim.department", "decision"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == Decision.REFUSE && (why == null || why.length() < 2 || why.length() > 1000)) {
            throw Rejected.invalid(Rejection.of("length", "reason", 2, 1000));
        }
        SubsidyClaimStatus to = switch (decision) {
            case CONFIRM -> SubsidyClaimStatus.CONFIRMED;
            case PAY -> SubsidyClaimStatus.PAID;
            case REFUSE -> SubsidyClaimStatus.REFUSED;
        };
        SubsidyClaimStatus next = claim.status().to(to).orThrow();
        store.moveClaim(claimId, next, today, caller.username(), why);
        audit.record(AuditEvent.success(caller.username(), "insurance.subsidy." + decision.name().toLowerCase(),
                "capital_subsidy_claim", claimId, claim.number() + " " + claim.status() + " -> " + next));
        return store.policy(caller, policyId, false).orElseThrow().subsidyClaim();
    }

    @Override
    @Transactional
    public LossClaim reportLoss(Caller caller, long policyId, LossReport r) {
        var policy = store.policy(caller, policyId, true).orElseThrow(() -> Rejected.notFound("insurance-policy", policyId));
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null || caller.enterpriseId() != policy.insuredId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.loss.insured-only", null));
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        if (r.occurredOn() == null) {
            problems.add(Rejection.of("required", "occurredOn"));
        } else if (r.occurredOn().isBefore(policy.startOn()) || !r.occurredOn().isBefore(policy.endOn())
                || r.occurredOn().isAfter(today)) {
            problems.add(Rejection.of("insurance.loss.outside-cover", "occurredOn", r.occurredOn(), policy.startOn(),
                    policy.endOn()));
        }
        text(r.description(), "description", 2, 1000, problems);
        BigDecimal left = policy.sumInsured().subtract(store.lossesTaken(policyId));
        if (r.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (r.amount().signum() <= 0 || r.amount().compareTo(left) > 0) {
            problems.add(Rejection.of("insurance.loss.over-sum", "amount", r.amount().toPlainString(), left.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insertLoss(policyId, new LossReport(r.occurredOn(), r.description().strip(), r.amount()), today,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "insurance.loss.report", "capital_loss_claim", id,
                policy.number() + " " + r.amount().toPlainString()));
        return store.loss(id).orElseThrow();
    }

    @Override
    @Transactional
    public LossClaim decideLoss(Caller caller, long lossId, boolean pay, BigDecimal amount, String reason) {
        var loss = store.loss(lossId).orElseThrow(() -> Rejected.notFound("loss-claim", lossId));
        var policy = store.policy(caller, loss.policyId(), true)
                .orElseThrow(() -> Rejected.notFound("loss-claim", lossId));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null || caller.institutionId() != policy.insurerId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("insurance.loss.insurer-only", null));
        }
        if (loss.status() != LossStatus.REPORTED) {
            throw Rejected.conflict(Rejection.of("insurance.loss.decided", "decision", loss.number()));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        BigDecimal paid = null;
        if (pay) {
            paid = amount == null ? loss.claimed() : amount;
            if (paid.signum() <= 0 || paid.compareTo(loss.claimed()) > 0) {
                throw Rejected.invalid(Rejection.of("range", "amount", "0.01", loss.claimed().toPlainString(),
                        paid.toPlainString()));
            }
            why = null;
        } else if (why == null || why.length() < 2 || why.length() > 1000) {
            throw Rejected.invalid(Rejection.of("length", "reason", 2, 1000));
        }
        if (!store.decideLoss(lossId, pay ? LossStatus.PAID : LossStatus.DECLINED, paid, why, businessDate.today(),
                caller.username())) {
            throw Rejected.conflict(Rejection.of("insurance.loss.decided", "decision", loss.number()));
        }
        audit.record(AuditEvent.success(caller.username(), "insurance.loss." + (pay ? "pay" : "decline"),
                "capital_loss_claim", lossId, loss.number() + (pay ? " " + paid.toPlainString() : "")));
        return store.loss(lossId).orElseThrow();
    }

    @Override
    public List<LossClaim> losses(Caller caller, long policyId) {
        return store.losses(policy(caller, policyId).id());
    }
}
