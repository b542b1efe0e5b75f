package cn.chanrong.matching.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.matching.Needs;
import cn.chanrong.matching.domain.MatchScore;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class NeedService implements Needs {

    private static final cn.chanrong.shared.Wording WORDS = cn.chanrong.shared.Wording.of("matching");

    static final Set<String> COLLATERAL = Set.of("NONE", "GUARANTEE", "COLLATERAL", "PLEDGE");
    static final Set<String> URGENCY = Set.of("NORMAL", "URGENT");
    static final Set<String> VISIBILITY = Set.of("ALL", "CHOSEN");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** Products whose price is a fee or a premium, not an interest rate: their cost counts as unknown. */
    static final Set<ProductType> NOT_A_RATE = java.util.EnumSet.of(ProductType.GUARANTEE, ProductType.TECH_INSURANCE,
            ProductType.FIRST_SET_INSURANCE, ProductType.EQUITY_INVESTMENT, ProductType.BOND_UNDERWRITING);

    private final NeedStore needs;
    private final EligibilityStore eligibility;
    private final TransactionTemplate tx;
    private final EligibilityIndex index;
    private final LiveProducts live;
    private final CreditDecisions decisions;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    NeedService(NeedStore needs, EligibilityStore eligibility, TransactionTemplate tx, EligibilityIndex index, LiveProducts live,
                CreditDecisions decisions, ReferenceData reference, BusinessDate businessDate, AuditTrail audit,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.needs = needs;
        this.eligibility = eligibility;
        this.tx = tx;
        this.index = index;
        this.live = live;
        this.decisions = decisions;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    /** The checked request, or every reason it is refused. */
    record Valid(BigDecimal amount, int term, String purpose, List<String> types, String collateral, String urgency,
                 String visibility, List<Long> chosen, boolean useCreditData) {
    }

    Valid validate(Request r) {
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("need.amount-positive", "amount", r.amount().toPlainString()));
        }
        Integer term = r.termMonths();
        if (term == null) {
            problems.add(Rejection.of("required", "termMonths"));
        } else if (term < 1 || term > 360) {
            problems.add(Rejection.of("range", "termMonths", 1, 360, term));
        } else {
            int longest = live.get().all().stream().mapToInt(e -> e.product().maxTermMonths()).max().orElse(0);
            if (term > longest) {
                problems.add(Rejection.of("need.term-beyond-products", "termMonths", term, longest));
            }
        }
        String purpose = r.purpose() == null ? "WORKING_CAPITAL" : r.purpose().strip();
        if (Arrays.stream(Terms.Purpose.values()).noneMatch(p -> p.name().equals(purpose))) {
            problems.add(Rejection.of("enum", "purpose", purpose, Arrays.toString(Terms.Purpose.values())));
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(r.productTypes() == null ? List.of() : r.productTypes()));
        for (String t : types) {
            if (ProductType.parse(t).isEmpty()) {
                problems.add(Rejection.of("enum", "productTypes", t, Arrays.toString(ProductType.values())));
            }
        }
        String collateral = r.collateral() == null ? "NONE" : r.collateral().strip();
        if (!COLLATERAL.contains(collateral)) {
            problems.add(Rejection.of("enum", "collateral", collateral, "[NONE, GUARANTEE, COLLATERAL, PLEDGE]"));
        }
        String urgency = r.urgency() == null ? "NORMAL" : r.urgency().strip();
        if (!URGENCY.contains(urgency)) {
            problems.add(Rejection.of("enum", "urgency", urgency, "[NORMAL, URGENT]"));
        }
        String visibility = r.visibility() == null ? "ALL" : r.visibility().strip();
        if (r.institutions() != null && r.institutions().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(Rejection.of("need.institution-unknown", "institutions", ""));
        }
        List<Long> chosen = r.institutions() == null ? List.of()
                : r.institutions().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!VISIBILITY.contains(visibility)) {
            problems.add(Rejection.of("enum", "visibility", visibility, "[ALL, CHOSEN]"));
        } else if (visibility.equals("CHOSEN") && chosen.isEmpty()) {
            problems.add(Rejection.of("need.chosen-empty", "institutions"));
        }
        for (Long id : chosen) {
            if (!needs.institutionExists(id)) {
                problems.add(Rejection.of("need.institution-unknown", "institutions", id));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return new Valid(amount, term, purpose, types, collateral, urgency, visibility,
                visibility.equals("ALL") ? List.of() : chosen, Boolean.TRUE.equals(r.useCreditData()));
    }

    @Override
    public Need publish(Caller caller, Request request) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("need.enterprise-only", null));
        }
        Valid v = validate(request);
        long id = tx.execute(s -> {
            long nid = needs.insert(caller.enterpriseId(), v, businessDate.today(), caller.username());
            audit.record(AuditEvent.success(caller.username(), "need.publish", "financing_need", nid,
                    v.amount().toPlainString() + " for " + v.term() + " months"));
            events.publishEvent(new cn.chanrong.matching.MatchingEvent.NeedPublished(nid, caller.enterpriseId()));
            return nid;
        });
        if (v.useCreditData()) {
            decide(caller, id, v);
        }
        index.refreshEnterprises(List.of(caller.enterpriseId()));
        return get(caller, id);
    }

    /** The enterprise's own credit decision on the need's terms; without data or a model the need just goes unscored. */
    private void decide(Caller caller, long needId, Valid v) {
        try {
            var d = decisions.decide(caller, caller.enterpriseId(), new Terms(v.amount(), v.term(),
                    Terms.Purpose.valueOf(v.purpose()), !v.collateral().equals("NONE")));
            needs.setDecision(needId, d.id());
        } catch (Rejected e) {
            audit.record(AuditEvent.success(caller.username(), "need.unscored", "financing_need", needId, e.getMessage()));
        }
    }

    @Override
    public Need get(Caller caller, long id) {
        return needs.find(caller, id).orElseThrow(() -> Rejected.notFound("need", id));
    }

    @Override
    public Page<Need> search(Caller caller, Filter filter, PageRequest page) {
        String status = null;
        if (filter.status() != null && !filter.status().isBlank()) {
            if (!Set.of("OPEN", "CLOSED", "WITHDRAWN").contains(filter.status().strip())) {
                throw Rejected.invalid(Rejection.of("enum", "status", filter.status(), "[OPEN, CLOSED, WITHDRAWN]"));
            }
            status = filter.status().strip();
        }
        Long[] mine = null;
        if (caller.is(Role.INSTITUTION) && !Boolean.FALSE.equals(filter.matchingMyProducts())) {
            mine = live.get().all().stream().filter(x -> x.product().institutionId() == caller.institutionId())
                    .map(x -> x.product().id()).toArray(Long[]::new);
        }
        return needs.search(caller, status, mine, page);
    }

    /** The credit decision behind a need, when the caller may read it (a bank's customer record). */
    private CreditDecisions.Decision decision(Caller caller, long id) {
        try {
            return decisions.get(caller, id);
        } catch (Rejected e) {
            if (e.kind() == Rejected.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Matches matches(Caller caller, long id, Locale locale) {
        Need need = get(caller, id);
        if (caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("need.matches-enterprise", null));
        }
        boolean en = "en".equals(locale.getLanguage());
        Ranked ranked = rank(need, en, need.decisionId() == null ? null : decision(caller, need.decisionId()));
        return ranked.matches();
    }

    record Ranked(Matches matches, int candidates) {
    }

    /** Reads the enterprise's eligibility row (computing it when missing) and ranks the candidates. */
    Ranked rank(Need need, boolean en, CreditDecisions.Decision decision) {
        var row = eligibility.find(need.enterpriseId());
        if (row.isEmpty()) {
            index.refreshEnterprises(List.of(need.enterpriseId()));
            row = eligibility.find(need.enterpriseId());
        }
        Long[] eligible = row.map(EligibilityStore.Stored::eligible).orElse(new Long[0]);
        Map<Long, String[]> near = row.map(r -> EligibilityIndex.parseNear(r.nearJson())).orElse(Map.of());
        return rank(need, en, decision, eligible, near, live.get());
    }

    /** Ranking proper, on rows already read: also what the benchmark times. */
    Ranked rank(Need need, boolean en, CreditDecisions.Decision decision, Long[] eligible, Map<Long, String[]> near,
                LiveProducts.Snapshot snapshot) {
        Double approval = decision == null ? null : MatchScore.approval(decision.override() != null
                ? decision.override().outcome() : decision.outcome(), decision.probabilityOfDefault(),
                decision.recommendedLimit(), need.amount());
        MatchScore.Need n = new MatchScore.Need(need.amount(), need.termMonths(), need.productTypes());
        List<Match> matches = new ArrayList<>();
        List<NearMiss> misses = new ArrayList<>();
        for (Long pid : eligible) {
            LiveProducts.Entry e = snapshot.byId().get(pid);
            if (e == null) {
                continue;
            }
            Product p = e.product();
            String rangeMiss = rangeMiss(need, p, en);
            if (rangeMiss != null) {
                misses.add(new NearMiss(p.id(), p.code(), name(p, en), p.institutionName(), List.of(rangeMiss)));
                continue;
            }
            Double rate = expectedRate(p, need.termMonths(), decision);
            MatchScore.Presence presence = MatchScore.Presence.of(need.regionCode(), e.regions());
            MatchScore.Score s = MatchScore.of(n, new MatchScore.Offer(p.minAmount(), p.maxAmount(), p.minTermMonths(),
                    p.maxTermMonths(), p.type().name(), rate, presence), approval);
            matches.add(new Match(0, p.id(), p.code(), name(p, en), p.institutionId(), p.institutionName(), p.type().name(),
                    p.minAmount(), p.maxAmount(), p.minTermMonths(), p.maxTermMonths(), rate, presence, s));
        }
        near.forEach((pid, labels) -> {
            LiveProducts.Entry e = snapshot.byId().get(pid);
            if (e != null) {
                misses.add(new NearMiss(pid, e.product().code(), name(e.product(), en), e.product().institutionName(),
                        List.of(en ? labels[1] : labels[0])));
            }
        });
        matches.sort(Comparator.comparingDouble((Match m) -> -m.score().total())
                .thenComparing(m -> m.expectedRate() == null ? Double.MAX_VALUE : m.expectedRate())
                .thenComparingLong(Match::productId));
        List<Match> numbered = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            numbered.add(new Match(i + 1, m.productId(), m.productCode(), m.productName(), m.institutionId(),
                    m.institutionName(), m.type(), m.minAmount(), m.maxAmount(), m.minTermMonths(), m.maxTermMonths(),
                    m.expectedRate(), m.presence(), m.score()));
        }
        misses.sort(Comparator.comparingLong(NearMiss::productId));
        return new Ranked(new Matches(need.id(), numbered, misses, approval != null,
                decision == null ? null : decision.id(), decision == null ? null : decision.outcome(),
                decision == null ? null : decision.grade()), eligible.length + near.size());
    }

    private static String name(Product p, boolean en) {
        return en && p.nameEn() != null ? p.nameEn() : p.name();
    }

    private static String rangeMiss(Need need, Product p, boolean en) {
        if (need.amount().compareTo(p.minAmount()) < 0 || need.amount().compareTo(p.maxAmount()) > 0) {
            return WORDS.in(en, "miss.amount", p.minAmount(), p.maxAmount());
        }
        if (need.termMonths() < p.minTermMonths() || need.termMonths() > p.maxTermMonths()) {
            return WORDS.in(en, "miss.term", p.minTermMonths(), p.maxTermMonths());
        }
        return null;
    }

    /** LPR (1-year, or over-5-year for terms beyond 60 months) plus the decision's spread held within the product's, or the product's mid spread; a fixed rate as set. */
    Double expectedRate(Product p, int term, CreditDecisions.Decision decision) {
        if (NOT_A_RATE.contains(p.type())) {
            return null;
        }
        return switch (p.pricing()) {
            case "FIXED" -> p.fixedRatePercent() == null ? null : p.fixedRatePercent().doubleValue();
            case "LPR_SPREAD" -> {
                LprTenor tenor = term > 60 ? LprTenor.OVER_FIVE_YEARS : LprTenor.ONE_YEAR;
                BigDecimal lpr = reference.lpr(tenor, businessDate.today()).orElse(null);
                if (lpr == null || p.spreadMinBp() == null) {
                    yield null;
                }
                int spread = decision == null ? (p.spreadMinBp() + p.spreadMaxBp()) / 2
                        : Math.max(p.spreadMinBp(), Math.min(p.spreadMaxBp(), decision.spreadBps()));
                yield Math.round((lpr.doubleValue() + spread / 100.0) * 100) / 100.0;
            }
            default -> null;
        };
    }

    @Override
    public Interest expressInterest(Caller caller, long id, Long productId, String note) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("need.institution-only", null));
        }
        Need need = get(caller, id);
        if (!need.status().equals("OPEN")) {
            throw Rejected.conflict(Rejection.of("need.not-open", "status", need.status()));
        }
        if (productId != null) {
            LiveProducts.Entry e = live.get().byId().get(productId);
            if (e == null || e.product().institutionId() != caller.institutionId()) {
                throw Rejected.invalid(Rejection.of("need.interest-product", "productId", productId));
            }
        }
        if (note != null && note.length() > 500) {
            throw Rejected.invalid(Rejection.of("length", "note", 0, 500));
        }
        return tx.execute(s -> {
            if (!needs.insertInterest(id, caller.institutionId(), productId,
                    note == null || note.isBlank() ? null : note.strip(), caller.username())) {
                throw Rejected.conflict(Rejection.of("need.interest-exists", null, id));
            }
            audit.record(AuditEvent.success(caller.username(), "need.interest", "financing_need", id,
                    "institution " + caller.institutionId()));
            events.publishEvent(new cn.chanrong.matching.MatchingEvent.InterestExpressed(id, caller.institutionId()));
            return interests(caller, id).stream().filter(x -> x.institutionId() == caller.institutionId()).findFirst()
                    .orElseThrow();
        });
    }

    @Override
    public List<Interest> interests(Caller caller, long id) {
        get(caller, id);
        boolean onlyOwn = caller.is(Role.INSTITUTION);
        return needs.interests(id, onlyOwn, caller.institutionId() == null ? -1L : caller.institutionId());
    }

    @Override
    public Need withdraw(Caller caller, long id) {
        Need need = get(caller, id);
        if (!(caller.is(Role.ENTERPRISE) && caller.enterpriseId() == need.enterpriseId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("need.owner-only", null));
        }
        tx.executeWithoutResult(s -> {
            if (!needs.withdraw(id)) {
                throw Rejected.conflict(Rejection.of("need.not-open", "status", need.status()));
            }
            audit.record(AuditEvent.success(caller.username(), "need.withdraw", "financing_need", id, null));
        });
        return get(caller, id);
    }
}
