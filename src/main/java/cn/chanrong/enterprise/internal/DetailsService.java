package cn.chanrong.enterprise.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseStatuses;
import cn.chanrong.enterprise.Qualification;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.QualificationType;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.enterprise.domain.StatusRules;
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
    private final StatusListStore statuses;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    DetailsService(EnterpriseStore enterprises, DetailsStore store, StatusListStore statuses, BusinessDate businessDate,
                   AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.store = store;
        this.statuses = statuses;
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
        EnterpriseStore.Row row = visible(caller, enterpriseId);
        LocalDate today = businessDate.today();
        StatusRules.Standing standing = StatusRules.on(today,
                statuses.held(List.of(enterpriseId)).getOrDefault(enterpriseId, List.of()), store.chainTags(enterpriseId));
        return facts(row, standing, today);
    }

    private static cn.chanrong.enterprise.EnterpriseFacts facts(EnterpriseStore.Row r, StatusRules.Standing s, LocalDate today) {
        var p = r.profile();
        return new cn.chanrong.enterprise.EnterpriseFacts(r.id(), p.employees(), p.annualRevenue(),
                java.time.Period.between(p.foundingDate(), today).getYears(), p.sizeClass().name(),
                p.growthStage(today).name(), p.regionCode(), p.industryCode(), p.ownership().name(),
                names(s.declaredChains()), names(s.verifiedKeyChains()), names(s.verified()), names(s.declared()),
                p.mainProducts());
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, cn.chanrong.enterprise.EnterpriseFacts> factsOf(java.util.Collection<Long> ids) {
        LocalDate today = businessDate.today();
        var tags = store.chainTags(ids);
        var held = statuses.held(ids);
        java.util.Map<Long, cn.chanrong.enterprise.EnterpriseFacts> out = new java.util.HashMap<>();
        for (EnterpriseStore.Row r : enterprises.findAll(ids)) {
            Set<ChainTag> chains = EnumSet.noneOf(ChainTag.class);
            tags.getOrDefault(r.id(), Set.of()).forEach(t -> ChainTag.parse(t).ifPresent(chains::add));
            out.put(r.id(), facts(r, StatusRules.on(today, held.getOrDefault(r.id(), List.of()), chains), today));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public EnterpriseStatuses statuses(Caller caller, long enterpriseId) {
        visible(caller, enterpriseId);
        LocalDate today = businessDate.today();
        List<StatusRules.Held> held = statuses.held(List.of(enterpriseId)).getOrDefault(enterpriseId, List.of());
        return new EnterpriseStatuses(enterpriseId, today, held, StatusRules.on(today, held, store.chainTags(enterpriseId)));
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
        QualificationType t = checkQualification(type, issuer, certificate, validFrom, validTo);
        if (store.qualificationExists(enterpriseId, t, validFrom)) {
            throw Rejected.invalid(Rejection.of("qualification.duplicate", "validFrom", t.name(), validFrom.toString()));
        }
        String iss = issuer.strip();
        String cert = certificate == null || certificate.isBlank() ? null : certificate.strip();
        long id = store.insertQualification(enterpriseId, t, iss, cert, validFrom, validTo, caller.username());
        audit.record(AuditEvent.success(caller.username(), "enterprise.qualification.add", "enterprise", enterpriseId,
                t + " from " + validFrom));
        events.publishEvent(new cn.chanrong.enterprise.EnterpriseQualificationsChanged(enterpriseId));
        return new Qualification(id, t, iss, cert, validFrom, validTo, null);
    }

    @Override
    @Transactional
    public Qualification confirmQualification(Caller regulator, long enterpriseId, String type, String issuer,
                                              String certificate, LocalDate validFrom, LocalDate validTo) {
        if (!regulator.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.confirm.miit-only", null));
        }
        visible(regulator, enterpriseId);
        QualificationType t = checkQualification(type, issuer, certificate, validFrom, validTo);
        String iss = issuer.strip();
        String cert = certificate == null || certificate.isBlank() ? null : certificate.strip();
        long id = store.confirmDeclared(enterpriseId, t, validFrom, iss, cert, validTo, regulator.username())
                .orElseGet(() -> store.insertQualification(enterpriseId, t, iss, cert, validFrom, validTo,
                        regulator.username(), regulator.username()));
        audit.record(AuditEvent.success(regulator.username(), "enterprise.qualification.confirm", "enterprise", enterpriseId,
                t + " from " + validFrom));
        events.publishEvent(new cn.chanrong.enterprise.EnterpriseQualificationsChanged(enterpriseId));
        return store.qualifications(enterpriseId).stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    /** The qualification's type when every field is right; otherwise every wrong field, refused. */
    private static QualificationType checkQualification(String type, String issuer, String certificate, LocalDate validFrom,
                                                        LocalDate validTo) {
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
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        return t;
    }

    @Override
    @Transactional
    public void removeQualification(Caller caller, long enterpriseId, long qualificationId) {
        editable(caller, enterpriseId);
        boolean confirmed = store.qualifications(enterpriseId).stream()
                .anyMatch(q -> q.id() == qualificationId && q.confirmed());
        if (confirmed && !caller.isAdmin()) {
            // a regulator's confirmation is not the enterprise's to withdraw
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("qualification.confirmed", null));
        }
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
