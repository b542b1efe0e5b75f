package cn.chanrong.enterprise.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.Qualification;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.QualificationType;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DetailsService implements EnterpriseDetails {

    private final EnterpriseStore enterprises;
    private final DetailsStore store;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    DetailsService(EnterpriseStore enterprises, DetailsStore store, BusinessDate businessDate, AuditTrail audit,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.store = store;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    /** The enterprise as the caller may see it, or "not found". */
    private EnterpriseStore.Row visible(Caller caller, long id) {
        return enterprises.find(id, Visibility.of(caller)).orElseThrow(() -> Rejected.notFound("enterprise", id));
    }

    private EnterpriseStore.Row editable(Caller caller, long id) {
        EnterpriseStore.Row row = visible(caller, id);
        if (!(caller.isAdmin() || (caller.is(Role.ENTERPRISE) && Long.valueOf(id).equals(caller.enterpriseId())))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("enterprise.edit-forbidden", null));
        }
        return row;
    }

    @Override
    @Transactional(readOnly = true)
    public cn.chanrong.enterprise.EnterpriseFacts facts(Caller caller, long enterpriseId) {
        var p = visible(caller, enterpriseId).profile();
        LocalDate today = businessDate.today();
        Set<String> tags = store.chainTags(enterpriseId).stream().map(Enum::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> quals = store.qualifications(enterpriseId).stream().filter(q -> q.validOn(today))
                .map(q -> q.type().name()).collect(Collectors.toCollection(java.util.TreeSet::new));
        int age = java.time.Period.between(p.foundingDate(), today).getYears();
        return new cn.chanrong.enterprise.EnterpriseFacts(enterpriseId, p.employees(), p.annualRevenue(), age,
                p.sizeClass().name(), p.growthStage(today).name(), p.regionCode(), p.industryCode(),
                p.ownership().name(), tags, quals);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, cn.chanrong.enterprise.EnterpriseFacts> factsOf(java.util.Collection<Long> ids) {
        LocalDate today = businessDate.today();
        var tags = store.chainTags(ids);
        var quals = store.validQualifications(ids, today);
        java.util.Map<Long, cn.chanrong.enterprise.EnterpriseFacts> out = new java.util.HashMap<>();
        for (EnterpriseStore.Row r : enterprises.findAll(ids)) {
            var p = r.profile();
            out.put(r.id(), new cn.chanrong.enterprise.EnterpriseFacts(r.id(), p.employees(), p.annualRevenue(),
                    java.time.Period.between(p.foundingDate(), today).getYears(), p.sizeClass().name(),
                    p.growthStage(today).name(), p.regionCode(), p.industryCode(), p.ownership().name(),
                    tags.getOrDefault(r.id(), Set.of()), quals.getOrDefault(r.id(), Set.of())));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AnnualStatement> statements(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        return store.statements(enterpriseId, caller.is(Role.INSTITUTION));
    }

    @Override
    @Transactional
    public AnnualStatement saveStatement(Caller caller, long enterpriseId, StatementRules.Input input) {
        EnterpriseStore.Row row = editable(caller, enterpriseId);
        StatementRules.Outcome outcome = StatementRules.check(input, businessDate.today().getYear(),
                row.profile().employees());
        if (!outcome.ok()) {
            throw Rejected.invalid(outcome.rejections());
        }
        AnnualStatement s = outcome.statement();
        if (s.year() < row.profile().foundingDate().getYear()) {
            throw Rejected.invalid(Rejection.of("statement.before-founding", "year", s.year(),
                    row.profile().foundingDate().toString()));
        }
        store.upsertStatement(enterpriseId, s, caller.username());
        audit.record(AuditEvent.success(caller.username(), "enterprise.statement.save", "enterprise", enterpriseId,
                "year " + s.year() + (s.published() ? " published" : "")));
        return s;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Qualification> qualifications(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        return store.qualifications(enterpriseId);
    }

    @Override
    @Transactional
    public Qualification addQualification(Caller caller, long enterpriseId, String type, String issuer,
                                          String certificate, LocalDate validFrom, LocalDate validTo) {
        editable(caller, enterpriseId);
        List<Rejection> r = new ArrayList<>();
        QualificationType t = type == null ? null : QualificationType.parse(type.strip()).orElse(null);
        if (t == null) {
            r.add(type == null || type.isBlank() ? Rejection.of("required", "type")
                    : Rejection.of("enum", "type", type, List.of(QualificationType.values()).toString()));
        }
        String iss = issuer == null ? "" : issuer.strip();
        if (iss.length() < 2 || iss.length() > 200) {
            r.add(Rejection.of("length", "issuer", 2, 200));
        }
        if (certificate != null && certificate.strip().length() > 100) {
            r.add(Rejection.of("length", "certificate", 0, 100));
        }
        if (validFrom == null) {
            r.add(Rejection.of("required", "validFrom"));
        } else if (validTo != null && !validTo.isAfter(validFrom)) {
            r.add(Rejection.of("range.reversed", "validTo", validFrom.toString(), validTo.toString()));
        }
        if (r.isEmpty() && store.qualificationExists(enterpriseId, t, validFrom)) {
            r.add(Rejection.of("qualification.duplicate", "validFrom", t.name(), validFrom.toString()));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        String cert = certificate == null || certificate.isBlank() ? null : certificate.strip();
        long id = store.insertQualification(enterpriseId, t, iss, cert, validFrom, validTo, caller.username());
        audit.record(AuditEvent.success(caller.username(), "enterprise.qualification.add", "enterprise", enterpriseId,
                t + " from " + validFrom));
        events.publishEvent(new cn.chanrong.enterprise.EnterpriseQualificationsChanged(enterpriseId));
        return new Qualification(id, t, iss, cert, validFrom, validTo);
    }

    @Override
    @Transactional
    public void removeQualification(Caller caller, long enterpriseId, long qualificationId) {
        editable(caller, enterpriseId);
        if (!store.deleteQualification(enterpriseId, qualificationId)) {
            throw Rejected.notFound("qualification", qualificationId);
        }
        audit.record(AuditEvent.success(caller.username(), "enterprise.qualification.remove", "enterprise",
                enterpriseId, "qualification " + qualificationId));
        events.publishEvent(new cn.chanrong.enterprise.EnterpriseQualificationsChanged(enterpriseId));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<ChainTag> chainTags(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        return store.chainTags(enterpriseId);
    }

    @Override
    @Transactional
    public Set<ChainTag> setChainTags(Caller caller, long enterpriseId, List<String> tags) {
        editable(caller, enterpriseId);
        Set<ChainTag> parsed = EnumSet.noneOf(ChainTag.class);
        List<Rejection> r = new ArrayList<>();
        for (String raw : tags == null ? List.<String>of() : tags) {
            ChainTag.parse(raw == null ? "" : raw.strip()).ifPresentOrElse(parsed::add,
                    () -> r.add(Rejection.of("chain-tag.unknown", "tags", raw)));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        store.replaceChainTags(enterpriseId, parsed);
        events.publishEvent(new cn.chanrong.enterprise.EnterpriseChainTagsChanged(enterpriseId,
                parsed.stream().map(Enum::name).toList()));
        audit.record(AuditEvent.success(caller.username(), "enterprise.chain-tags.set", "enterprise", enterpriseId,
                parsed.stream().map(Enum::name).collect(Collectors.joining(","))));
        return parsed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SupplyLink> supplyLinks(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        if (caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("enterprise.private-data", null));
        }
        return store.supplyLinks(enterpriseId);
    }

    @Override
    @Transactional(readOnly = true)
    public cn.chanrong.enterprise.Affiliation affiliation(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        return store.affiliation(enterpriseId);
    }

    @Override
    @Transactional
    public SupplyLink declareSupplyLink(Caller caller, long enterpriseId, String counterpartyCreditCode,
                                        SupplyLink.Role role, BigDecimal annualVolume) {
        editable(caller, enterpriseId);
        List<Rejection> r = new ArrayList<>();
        if (role == null) {
            r.add(Rejection.of("required", "role"));
        }
        if (annualVolume == null) {
            r.add(Rejection.of("required", "annualVolume"));
        } else if (annualVolume.signum() < 0 || annualVolume.stripTrailingZeros().scale() > 2) {
            r.add(Rejection.of("amount.format", "annualVolume", annualVolume.toPlainString()));
        }
        long counterparty = -1;
        if (counterpartyCreditCode == null || counterpartyCreditCode.isBlank()) {
            r.add(Rejection.of("required", "counterpartyCreditCode"));
        } else {
            var found = store.idByCreditCode(counterpartyCreditCode.strip());
            if (found.isEmpty()) {
                r.add(Rejection.of("enterprise.unknown-credit-code", "counterpartyCreditCode", counterpartyCreditCode));
            } else if (found.get()[0] == enterpriseId) {
                r.add(Rejection.of("relationship.self", "counterpartyCreditCode"));
            } else {
                counterparty = found.get()[0];
            }
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        BigDecimal volume = annualVolume.setScale(2);
        long supplier = role == SupplyLink.Role.CUSTOMER ? enterpriseId : counterparty;
        long customer = role == SupplyLink.Role.CUSTOMER ? counterparty : enterpriseId;
        store.upsertSupplyLink(supplier, customer, volume, caller.username());
        audit.record(AuditEvent.success(caller.username(), "enterprise.supply-link.declare", "enterprise",
                enterpriseId, role + " " + counterpartyCreditCode));
        long cp = counterparty;
        return store.supplyLinks(enterpriseId).stream().filter(l -> l.counterpartyId() == cp && l.role() == role)
                .findFirst().orElseThrow();
    }
}
