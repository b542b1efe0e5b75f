package cn.chanrong.enterprise.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseRegistered;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.domain.Profile;
import cn.chanrong.enterprise.domain.ProfileRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RegistryService implements Enterprises {

    private final EnterpriseStore store;
    private final ProfileRules rules;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    RegistryService(EnterpriseStore store, ReferenceData reference, BusinessDate businessDate, AuditTrail audit,
                    ApplicationEventPublisher events) {
        this.store = store;
        this.rules = new ProfileRules(code -> reference.region(code).isPresent(),
                code -> reference.industry(code).filter(i -> i.level() == 4).isPresent());
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public Enterprise register(Caller caller, ProfileRules.Input input) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("enterprise.create-forbidden", null));
        }
        Profile p = validate(input, caller);
        if (store.creditCodeTaken(p.creditCode(), null)) {
            throw Rejected.conflict(Rejection.of("credit-code.taken", "creditCode", p.creditCode()));
        }
        long id = store.insert(p, caller.username());
        audit.record(AuditEvent.success(caller.username(), "enterprise.create", "enterprise", id,
                p.creditCode() + (p.creditCodeOverride() == null ? "" : " override: " + p.creditCodeOverride())));
        events.publishEvent(new EnterpriseRegistered(id, p.creditCode(), p.regionCode(), p.industryCode(),
                p.sizeClass().name()));
        return view(id, p, 0);
    }

    @Override
    @Transactional
    public Enterprise update(Caller caller, long id, ProfileRules.Input input, int expectedVersion, boolean fromIfMatch) {
        EnterpriseStore.Row current = store.find(id, Visibility.of(caller))
                .orElseThrow(() -> Rejected.notFound("enterprise", id));
        if (!mayEdit(caller, id)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("enterprise.edit-forbidden", null));
        }
        Profile stated = validate(input, caller);
        Profile p = stated.mainProducts() == null ? stated.withMainProducts(current.profile().mainProducts()) : stated;
        if (!p.creditCode().equals(current.profile().creditCode()) && !caller.isAdmin()) {
            throw Rejected.invalid(Rejection.of("credit-code.immutable", "creditCode"));
        }
        if (store.creditCodeTaken(p.creditCode(), id)) {
            throw Rejected.conflict(Rejection.of("credit-code.taken", "creditCode", p.creditCode()));
        }
        if (!store.update(id, p, expectedVersion, caller.username())) {
            Rejection stale = Rejection.of("version.stale", "version", expectedVersion, current.version());
            throw fromIfMatch ? Rejected.of(Rejected.Kind.PRECONDITION_FAILED, stale) : Rejected.conflict(stale);
        }
        audit.record(AuditEvent.success(caller.username(), "enterprise.update", "enterprise", id,
                "version " + (expectedVersion + 1)));
        events.publishEvent(new EnterpriseProfileChanged(id, expectedVersion + 1, p.regionCode(), p.industryCode(),
                p.sizeClass().name()));
        return view(id, p, expectedVersion + 1);
    }

    @Override
    @Transactional(readOnly = true)
    public Enterprise get(Caller caller, long id) {
        return store.find(id, Visibility.of(caller)).map(r -> view(r.id(), r.profile(), r.version()))
                .orElseThrow(() -> Rejected.notFound("enterprise", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Enterprise> search(Caller caller, EnterpriseFilter filter, PageRequest page) {
        checkFilter(filter);
        Visibility v = Visibility.of(caller);
        LocalDate today = businessDate.today();
        var rows = store.search(filter, v, page, today);
        long total = store.count(filter, v, today);
        return new Page<>(rows.stream().map(r -> view(r.id(), r.profile(), r.version())).toList(), page.page(),
                page.size(), total);
    }

    private static void checkFilter(EnterpriseFilter f) {
        java.util.List<Rejection> r = new java.util.ArrayList<>();
        checkEnum(f.chainTag(), "chainTag", cn.chanrong.enterprise.domain.ChainTag.values(), r);
        checkEnum(f.sizeClass(), "sizeClass", cn.chanrong.enterprise.domain.SizeClass.values(), r);
        checkEnum(f.growthStage(), "growthStage", cn.chanrong.enterprise.domain.GrowthStage.values(), r);
        checkEnum(f.qualification(), "qualification", cn.chanrong.enterprise.domain.QualificationType.values(), r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
    }

    private static void checkEnum(String value, String field, Enum<?>[] allowed, java.util.List<Rejection> r) {
        if (value != null && !value.isBlank()
                && java.util.Arrays.stream(allowed).noneMatch(a -> a.name().equals(value.strip()))) {
            r.add(Rejection.of("enum", field, value, java.util.Arrays.toString(allowed)));
        }
    }

    @Override
    public boolean mayEdit(Caller caller, Enterprise enterprise) {
        return mayEdit(caller, enterprise.id());
    }

    private static boolean mayEdit(Caller caller, long id) {
        return caller.isAdmin() || (caller.is(Role.ENTERPRISE) && Long.valueOf(id).equals(caller.enterpriseId()));
    }

    private Profile validate(ProfileRules.Input input, Caller caller) {
        ProfileRules.Outcome outcome = rules.check(input, caller.isAdmin(), businessDate.today());
        if (!outcome.ok()) {
            throw Rejected.invalid(outcome.rejections());
        }
        return outcome.profile();
    }

    private Enterprise view(long id, Profile p, int version) {
        LocalDate today = businessDate.today();
        return new Enterprise(id, p.creditCode(), p.creditCodeOverride() != null, p.name(), p.nameEn(), p.regionCode(),
                p.industryCode(), p.ownership(), p.foundingDate(), p.employees(), p.annualRevenue(), p.sizeClass(),
                p.growthStage(today), version, p.mainProducts());
    }
}
