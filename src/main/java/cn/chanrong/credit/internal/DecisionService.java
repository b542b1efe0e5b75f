package cn.chanrong.credit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.decision.DecisionPolicy;
import cn.chanrong.credit.decision.Reason;
import cn.chanrong.credit.decision.Segments;
import cn.chanrong.credit.decision.SupportedStatus;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consents;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.SectorListEntry;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions: consent first, then inputs, the segment's approved champion, the score and its reasons,
 * the limit and the policy overlay; stored with the model and every input so that
 * {@link #reproduce} gives the same answer later.
 */
@Service
class DecisionService implements CreditDecisions {

    private final Consents consents;
    private final InputsService inputs;
    private final ModelRegistry models;
    private final EnterpriseDetails details;
    private final ReferenceData reference;
    private final RestrictedLists restrictedLists;
    private final BusinessDate businessDate;
    private final DecisionStore store;
    private final AuditTrail audit;

    DecisionService(Consents consents, InputsService inputs, ModelRegistry models, EnterpriseDetails details, ReferenceData reference,
                    RestrictedLists restrictedLists, BusinessDate businessDate, DecisionStore store, AuditTrail audit) {
        this.restrictedLists = restrictedLists;
        this.consents = consents;
        this.inputs = inputs;
        this.models = models;
        this.details = details;
        this.reference = reference;
        this.businessDate = businessDate;
        this.store = store;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Decision decide(Caller caller, long enterpriseId, Terms terms) {
        validate(terms);
        consents.requireRead(caller, enterpriseId, "credit decision");
        Evaluation e = evaluate(enterpriseId, terms);
        long id = store.insert(enterpriseId, caller.is(Role.INSTITUTION) ? caller.institutionId() : null, e, terms, caller.username());
        audit.record(AuditEvent.success(caller.username(), "credit.decide", "credit_decision", id,
                e.decision().outcome() + " score " + e.result().score() + " model " + e.model().model().id()));
        return store.get(id);
    }

    /**
     * Everything a decision is made of; {@code status} is the enterprise's status with verified and
     * declared apart, of which the policy's {@code keyChainOrTech} is the verified verdict.
     */
    record Evaluation(ModelRegistry.Live model, String segment, InputsService.Inputs inputs, DecisionPolicy.Facts facts,
                      SupportedStatus.Verdict status, Scorecard.Result result, DecisionPolicy.Decision decision) {
    }

    Evaluation evaluate(long enterpriseId, Terms terms) {
        Caller system = Caller.system("credit");
        EnterpriseFacts facts = details.facts(system, enterpriseId);
        LocalDate today = businessDate.today();
        String segment = Segments.of(facts.industryCode());
        ModelRegistry.Live model = models.championFor(facts, today)
                .orElseThrow(() -> Rejected.conflict(Rejection.of("credit.model.none", null, segment)));
        InputsService.Inputs in = inputs.compute(enterpriseId);
        Scorecard.Result result = model.card().score(in.values(), 3);
        SupportedStatus.Verdict status = SupportedStatus.of(facts.verifiedQualifications(), facts.verifiedKeyChains(),
                facts.declaredQualifications(), facts.declaredChainTags());
        DecisionPolicy.Facts f = policyFacts(system, enterpriseId, facts, status, in, today);
        DecisionPolicy.Decision d = DecisionPolicy.decide(result.probabilityOfDefault(), scoreReasons(result), terms, f,
                DecisionPolicy.Settings.DEFAULT);
        return new Evaluation(model, segment, in, f, status, result, withDeclaredOnly(d, status));
    }

    /** A declared status that would have supported is named, so the officer reads why it bought nothing. */
    static DecisionPolicy.Decision withDeclaredOnly(DecisionPolicy.Decision d, SupportedStatus.Verdict status) {
        if (status.supported() || status.declaredOnly().isEmpty()) {
            return d;
        }
        List<Reason> reasons = new ArrayList<>(d.reasons());
        reasons.add(Reason.of("POLICY", "policy.declared-only", String.join(", ", status.declaredOnly())));
        return new DecisionPolicy.Decision(d.grade(), d.recommendedLimit(), d.limitMethod(), d.outcome(), reasons);
    }

    static List<Reason> scoreReasons(Scorecard.Result result) {
        List<Reason> out = new ArrayList<>();
        for (Scorecard.Reason r : result.reasons()) {
            out.add(Reason.of("SCORE", "score.characteristic", r.characteristic(), r.bin(), r.pointsLost()));
        }
        return out;
    }

    private DecisionPolicy.Facts policyFacts(Caller system, long enterpriseId, EnterpriseFacts facts,
                                             SupportedStatus.Verdict status, InputsService.Inputs in, LocalDate today) {
        List<AnnualStatement> years = details.statements(system, enterpriseId).stream()
                .sorted(Comparator.comparingInt(AnnualStatement::year).reversed()).toList();
        BigDecimal sales = years.isEmpty() ? facts.annualRevenue() : years.getFirst().revenue();
        double margin = years.isEmpty() || years.getFirst().revenue().signum() == 0 ? 0.05
                : years.getFirst().netProfit().doubleValue() / years.getFirst().revenue().doubleValue();
        double growth = years.size() < 2 || years.get(1).revenue().signum() == 0 ? 0.05
                : Math.max(-0.3, Math.min(0.5, years.get(0).revenue().doubleValue() / years.get(1).revenue().doubleValue() - 1));
        BigDecimal equity = years.isEmpty() ? BigDecimal.ZERO : years.getFirst().equity();
        Object net = in.values().get("net_12");
        Object months = in.values().get("months_of_data");
        List<SectorListEntry> stances = reference.sectorStances(facts.industryCode(), today);
        SectorListEntry worst = stances.stream().filter(s -> "PROHIBIT".equals(s.stance())).findFirst()
                .or(() -> stances.stream().filter(s -> "CONTROL".equals(s.stance())).findFirst()).orElse(null);
        // verified status only: a declared qualification or chain tag, an emerging or future industry buys nothing
        boolean supported = status.supported();
        double lpr = reference.lpr(LprTenor.ONE_YEAR, today).map(BigDecimal::doubleValue).orElse(3.0);
        BigDecimal existing = in.outside().bankDebt() == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(in.outside().bankDebt()).setScale(2, java.math.RoundingMode.HALF_UP);
        return new DecisionPolicy.Facts(sales, margin, growth, equity, existing,
                BigDecimal.valueOf(net instanceof Number n ? n.doubleValue() : 0).setScale(2, java.math.RoundingMode.HALF_UP),
                months instanceof Number n ? n.intValue() : 0, lpr, supported, worst == null ? null : worst.stance(),
                worst == null ? null : worst.note(),
                restrictedLists.applying(facts.industryCode(), facts.mainProducts(), today));
    }

    private static void validate(Terms t) {
        List<Rejection> problems = new ArrayList<>();
        if (t == null || t.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        } else if (t.amount().signum() <= 0) {
            problems.add(Rejection.of("credit.terms.amount", "amount", t.amount().toPlainString()));
        }
        if (t == null || t.months() == null) {
            problems.add(Rejection.of("required", "months"));
        } else if (t.months() < 1 || t.months() > 360) {
            problems.add(Rejection.of("credit.terms.months", "months", String.valueOf(t.months())));
        }
        if (t == null || t.purpose() == null) {
            problems.add(Rejection.of("required", "purpose"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Decision get(Caller caller, long id) {
        return store.find(caller, id).orElseThrow(() -> Rejected.notFound("credit decision", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Decision> list(Caller caller, Long enterpriseId, PageRequest page) {
        return store.list(caller, enterpriseId, page);
    }

    @Override
    @Transactional
    public Decision override(Caller caller, long id, String outcome, String reason) {
        Decision d = get(caller, id);
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.override.approver", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (outcome == null || !Set.of("APPROVE", "REFER", "DECLINE").contains(outcome)) {
            problems.add(Rejection.of("enum", "outcome", String.valueOf(outcome), "APPROVE, REFER, DECLINE"));
        }
        if (reason == null || reason.strip().length() < 4) {
            problems.add(Rejection.of("credit.override.reason", "reason"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (d.override() != null) {
            throw Rejected.conflict(Rejection.of("credit.override.done", null, String.valueOf(id)));
        }
        store.override(id, outcome, reason.strip(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "credit.override", "credit_decision", id,
                d.outcome() + " -> " + outcome + ": " + reason.strip()));
        return store.get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Reproduction reproduce(Caller caller, long id) {
        Decision d = get(caller, id);
        Scorecard card = models.card(d.modelId());
        Scorecard.Result r = card.score(d.inputs(), 3);
        DecisionPolicy.Decision again = DecisionPolicy.decide(r.probabilityOfDefault(), scoreReasons(r), d.terms(),
                store.facts(id), DecisionPolicy.Settings.DEFAULT);
        return new Reproduction(id, d.score(), r.score(), d.outcome(), again.outcome().name(),
                r.score() == d.score() && again.outcome().name().equals(d.outcome()));
    }

}
