package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.InvolutionWatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The involution watch's figures with names, and the institutions' cost settings checked and kept. */
@Service
class InvolutionService implements InvolutionWatch {

    private final InvolutionStore store;
    private final RestrictedLists restricted;
    private final ReferenceData reference;
    private final Institutions institutions;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    InvolutionService(InvolutionStore store, RestrictedLists restricted, ReferenceData reference, Institutions institutions,
                      BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.restricted = restricted;
        this.reference = reference;
        this.institutions = institutions;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(Caller caller) {
        if (caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.involution.not-enterprise", null));
        }
        LocalDate to = businessDate.today();
        LocalDate from = to.minusYears(1).plusDays(1);
        List<String> sectors = restrictedSectors(to);
        Map<Long, String> banks = institutions.list().stream().collect(Collectors.toMap(Institution::id, Institution::name));
        List<Row> rows = new ArrayList<>();
        for (String dimension : List.of("INSTITUTION", "REGION", "SECTOR")) {
            for (Row r : store.rows(caller, dimension, from, to, sectors)) {
                String name = switch (dimension) {
                    case "INSTITUTION" -> banks.get(Long.parseLong(r.key()));
                    case "REGION" -> reference.region(r.key()).map(x -> x.nameZh()).orElse(r.key());
                    default -> reference.industry(r.key()).map(x -> x.nameZh()).orElse(r.key());
                };
                rows.add(new Row(r.dimension(), r.key(), name, r.loans(), r.amount(), r.restrictedAmount(),
                        r.restrictedAmountYearBefore(), r.restrictedGrowthPercent(), r.capacityLoans(), r.capacityAmount(),
                        r.belowCostLoans(), r.belowCostAmount(), r.belowCostSharePercent()));
            }
        }
        return new Figures(from, to, sectors, rows);
    }

    /** The industry codes the restricted-industry catalogue names in force on the day (restricted or eliminated). */
    private List<String> restrictedSectors(LocalDate day) {
        TreeSet<String> codes = new TreeSet<>();
        for (int page = 0; page < 100; page++) {
            var found = restricted.list(new RestrictedLists.Filter(null, null, day), PageRequest.of(page, PageRequest.MAX_SIZE));
            found.items().forEach(l -> codes.add(l.entry().industryCode()));
            if (found.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return List.copyOf(codes);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CostSetting> costSettings(Caller caller) {
        return store.costSettings(caller.is(Role.INSTITUTION) ? caller.institutionId() : null);
    }

    @Override
    @Transactional
    public CostSetting setCost(Caller caller, CostSetting s) {
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null
                || !(caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.cost.institution-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        percent(s.fundingPercent(), "fundingPercent", 20, problems);
        percent(s.operatingPercent(), "operatingPercent", 20, problems);
        percent(s.capitalPercent(), "capitalPercent", 20, problems);
        percent(s.lgdPercent(), "lgdPercent", 100, problems);
        LocalDate today = businessDate.today();
        if (s.effectiveFrom() == null) {
            problems.add(Rejection.of("required", "effectiveFrom"));
        } else if (s.effectiveFrom().isBefore(today)) {
            problems.add(Rejection.of("warning.cost.past", "effectiveFrom", s.effectiveFrom(), today));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        store.setCost(caller.institutionId(), s, caller.username());
        audit.record(AuditEvent.success(caller.username(), "warning.cost.set", "institution", caller.institutionId(),
                s.fundingPercent() + " + " + s.operatingPercent() + " + " + s.capitalPercent() + ", LGD " + s.lgdPercent()
                        + " from " + s.effectiveFrom()));
        return new CostSetting(caller.institutionId(), s.fundingPercent(), s.operatingPercent(), s.capitalPercent(),
                s.lgdPercent(), s.effectiveFrom(), caller.username());
    }

    private static void percent(BigDecimal v, String field, int max, List<Rejection> problems) {
        if (v == null) {
            problems.add(Rejection.of("required", field));
        } else if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(Rejection.of("range", field, 0, max, v.toPlainString()));
        }
    }
}
