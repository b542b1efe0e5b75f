package cn.chanrong.institution.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Eligibility;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.institution.Products;
import cn.chanrong.institution.domain.EligibilityRules;
import cn.chanrong.institution.domain.ProductRules;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProductService implements Products, cn.chanrong.institution.ProductCatalogue {

    private final ProductStore store;
    private final ProductRules rules;
    private final EnterpriseDetails enterprises;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final cn.chanrong.reference.BusinessDate businessDate;
    /** Compiled clauses by product id and version: compile once, evaluate many times. */
    private final Map<String, List<EligibilityRules.Compiled>> compiled = new ConcurrentHashMap<>();

    ProductService(ProductStore store, ReferenceData reference, EnterpriseDetails enterprises,
                   AuditTrail audit, Environment env, org.springframework.context.ApplicationEventPublisher events,
                   cn.chanrong.reference.BusinessDate businessDate) {
        this.events = events;
        this.businessDate = businessDate;
        this.store = store;
        this.enterprises = enterprises;
        this.audit = audit;
        this.rules = new ProductRules(
                t -> env.getProperty("chanrong.products.max-term-months." + t.name(), Integer.class,
                        t.defaultMaxTermMonths()),
                code -> reference.region(code).isPresent());
    }

    private static ProductStore.Scope scope(Caller c) {
        return new ProductStore.Scope(c.isAdmin(), c.institutionId() == null ? -1L : c.institutionId());
    }

    private InstitutionType institutionType(long institutionId) {
        return InstitutionType.valueOf(store.institutionType(institutionId));
    }

    private ProductRules.Valid validate(ProductDraft draft, long institutionId, long exceptId) {
        ProductRules.Outcome o = rules.check(draft, institutionType(institutionId));
        if (!o.ok()) {
            throw Rejected.invalid(o.rejections());
        }
        if (store.codeTaken(o.product().code(), exceptId)) {
            throw Rejected.conflict(Rejection.of("product.code-taken", "code", o.product().code()));
        }
        return o.product();
    }

    /** The rules' verdict on a draft for an institution, without saving anything. */
    List<Rejection> check(ProductDraft draft, long institutionId) {
        return rules.check(draft, institutionType(institutionId)).rejections();
    }

    java.util.Optional<Product> byCode(String code) {
        Long id = store.idOfCode(code).orElse(null);
        return id == null ? java.util.Optional.empty() : store.find(id, new ProductStore.Scope(true, -1));
    }

    /** Moves a product to a status: publish, withdraw, or back to draft. */
    Product transitionTo(Caller caller, long id, Product.Status status) {
        return switch (status) {
            case PUBLISHED -> publish(caller, id);
            case WITHDRAWN -> withdraw(caller, id);
            case DRAFT -> transition(caller, id, Product.Status.DRAFT, "product.draft");
        };
    }

    /** Whether a stored product already says everything a draft says (so an import leaves it alone). */
    boolean sameAs(Product p, ProductDraft d) {
        ProductRules.Outcome o = rules.check(d, institutionType(p.institutionId()));
        if (!o.ok()) {
            return false;
        }
        ProductRules.Valid v = o.product();
        List<ProductDraft.Clause> clauses = v.clauses().stream()
                .map(c -> new ProductDraft.Clause(c.labelZh(), c.labelEn(), c.expression())).toList();
        return p.code().equals(v.code()) && p.name().equals(v.name()) && java.util.Objects.equals(p.nameEn(), v.nameEn())
                && p.type() == v.type() && p.minAmount().compareTo(v.minAmount()) == 0
                && p.maxAmount().compareTo(v.maxAmount()) == 0 && p.minTermMonths() == v.minTerm()
                && p.maxTermMonths() == v.maxTerm() && p.pricing().equals(v.pricing())
                && java.util.Objects.equals(p.spreadMinBp(), v.spreadMinBp())
                && java.util.Objects.equals(p.spreadMaxBp(), v.spreadMaxBp())
                && sameAmount(p.fixedRatePercent(), v.fixedRate())
                && p.security().equals(v.security()) && p.targetChains().equals(v.targetChains())
                && p.targetSizes().equals(v.targetSizes()) && p.targetStages().equals(v.targetStages())
                && p.targetRegions().equals(v.targetRegions())
                && java.util.Objects.equals(p.effectiveFrom(), v.effectiveFrom())
                && java.util.Objects.equals(p.effectiveTo(), v.effectiveTo()) && p.clauses().equals(clauses);
    }

    private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    @Transactional
    public Product create(Caller caller, ProductDraft draft) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("operator")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("product.operator-only", null));
        }
        ProductRules.Valid p = validate(draft, caller.institutionId(), -1);
        long id = store.insert(caller.institutionId(), p, caller.username());
        audit.record(AuditEvent.success(caller.username(), "product.create", "product", id, p.code()));
        return store.find(id, scope(caller)).orElseThrow();
    }

    /** The product, editable by its institution's operators or an administrator. */
    private Product owned(Caller caller, long id) {
        Product p = get(caller, id);
        boolean own = caller.is(Role.INSTITUTION) && Long.valueOf(p.institutionId()).equals(caller.institutionId());
        if (!caller.isAdmin() && !(own && (caller.hasAuthority("operator") || caller.hasAuthority("approver")))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("product.owner-only", null));
        }
        return p;
    }

    @Override
    @Transactional
    public Product update(Caller caller, long id, ProductDraft draft, int expectedVersion, boolean fromIfMatch) {
        Product current = owned(caller, id);
        ProductRules.Valid p = validate(draft, current.institutionId(), id);
        if (!store.update(id, p, expectedVersion)) {
            Rejection stale = Rejection.of("version.stale", "version", expectedVersion, current.version());
            throw fromIfMatch ? Rejected.of(Rejected.Kind.PRECONDITION_FAILED, stale) : Rejected.conflict(stale);
        }
        audit.record(AuditEvent.success(caller.username(), "product.update", "product", id, "version " + (expectedVersion + 1)));
        Product now = store.find(id, scope(caller)).orElseThrow();
        if (now.status() == Product.Status.PUBLISHED) {
            // a live product's new version: matching re-evaluates it
            events.publishEvent(new cn.chanrong.institution.ProductEvent.ProductPublished(id, now.version()));
        }
        return now;
    }

    @Override
    @Transactional
    public Product publish(Caller caller, long id) {
        return transition(caller, id, Product.Status.PUBLISHED, "product.publish");
    }

    @Override
    @Transactional
    public Product withdraw(Caller caller, long id) {
        return transition(caller, id, Product.Status.WITHDRAWN, "product.withdraw");
    }

    private Product transition(Caller caller, long id, Product.Status to, String action) {
        Product p = owned(caller, id);
        if (p.status() == to) {
            throw Rejected.conflict(Rejection.of("product.already", "status", to.name()));
        }
        if (to == Product.Status.PUBLISHED && p.clauses().isEmpty()) {
            throw Rejected.invalid(Rejection.of("product.no-clauses", "clauses"));
        }
        if (!store.setStatus(id, to, p.version())) {
            throw Rejected.conflict(Rejection.of("version.stale", "version", p.version(), p.version() + 1));
        }
        audit.record(AuditEvent.success(caller.username(), action, "product", id, p.status() + " -> " + to));
        Product now = store.find(id, scope(caller)).orElseThrow();
        events.publishEvent(to == Product.Status.PUBLISHED
                ? new cn.chanrong.institution.ProductEvent.ProductPublished(id, now.version())
                : new cn.chanrong.institution.ProductEvent.ProductWithdrawn(id));
        return now;
    }

    @Override
    @Transactional(readOnly = true)
    public Product get(Caller caller, long id) {
        return store.find(id, scope(caller)).orElseThrow(() -> Rejected.notFound("product", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Product> search(Caller caller, ProductFilter filter, PageRequest page) {
        List<Rejection> r = new ArrayList<>();
        if (filter.type() != null && !filter.type().isBlank() && ProductType.parse(filter.type().strip()).isEmpty()) {
            r.add(Rejection.of("enum", "type", filter.type(), List.of(ProductType.values()).toString()));
        }
        if (filter.status() != null && !filter.status().isBlank()
                && !List.of("DRAFT", "PUBLISHED", "WITHDRAWN").contains(filter.status().strip())) {
            r.add(Rejection.of("enum", "status", filter.status(), "[DRAFT, PUBLISHED, WITHDRAWN]"));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        var s = scope(caller);
        return new Page<>(store.search(filter, s, page), page.page(), page.size(), store.count(filter, s));
    }

    @Override
    @Transactional(readOnly = true)
    public Eligibility eligibility(Caller caller, long productId, long enterpriseId, Locale locale) {
        Product p = get(caller, productId);
        EnterpriseFacts facts = enterprises.facts(caller, enterpriseId);
        List<EligibilityRules.Compiled> clauses = compiled.computeIfAbsent(p.id() + "@" + p.version(), k -> compile(p));
        var results = EligibilityRules.evaluate(clauses, facts.asCelMap());
        boolean en = "en".equals(locale.getLanguage());
        List<Eligibility.ClauseOutcome> outcomes = results.stream()
                .map(x -> new Eligibility.ClauseOutcome(x.seq(), en ? x.labelEn() : x.labelZh(), x.passed())).toList();
        List<String> failing = outcomes.stream().filter(o -> !o.passed()).map(Eligibility.ClauseOutcome::label).toList();
        boolean mayKnowValues = caller.isAdmin()
                || (caller.is(Role.ENTERPRISE) && Long.valueOf(enterpriseId).equals(caller.enterpriseId()));
        return new Eligibility(productId, enterpriseId, failing.isEmpty(), outcomes, failing,
                mayKnowValues ? facts.asCelMap() : null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> live() {
        return store.live(businessDate.today());
    }

    @Override
    public Verdict evaluate(Product p, Map<String, Object> facts, int maxFailures) {
        List<EligibilityRules.Compiled> clauses = compiled.computeIfAbsent(p.id() + "@" + p.version(), k -> compile(p));
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        int evaluations = 0;
        for (EligibilityRules.Compiled c : clauses) {
            if (zh.size() >= maxFailures) {
                break;
            }
            evaluations++;
            if (!EligibilityRules.evaluate(List.of(c), facts).get(0).passed()) {
                zh.add(c.labelZh());
                en.add(c.labelEn());
            }
        }
        return new Verdict(zh.isEmpty(), zh, en, evaluations);
    }

    private static List<EligibilityRules.Compiled> compile(Product p) {
        List<EligibilityRules.Compiled> out = new ArrayList<>();
        int seq = 1;
        for (ProductDraft.Clause c : p.clauses()) {
            var comp = EligibilityRules.compile(seq++, c.labelZh(), c.labelEn(), c.expression());
            if (!comp.ok()) {
                throw new IllegalStateException("Stored clause of product " + p.code() + " no longer compiles: " + comp.error());
            }
            out.add(comp.clause());
        }
        return List.copyOf(out);
    }
}
