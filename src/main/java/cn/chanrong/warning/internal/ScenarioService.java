package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.StressScenarios;
import cn.chanrong.warning.domain.Contagion;
import cn.chanrong.warning.domain.ScenarioKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running a scenario: the caller checked (a regulator, or an institution's staff for its own book), the shock checked
 * against the registry and the reference tables (a regional regulator shocks only its region), the firms shocked read,
 * the contagion rule run over the graph round by round, and the scenario with every firm it stressed kept in one
 * transaction. Results and exposures are read from the book when asked, in the caller's scope.
 */
@Service
class ScenarioService implements StressScenarios {

    /** The most firms one scenario shocks (a sector or region that wide is a macro scenario, not a chain's). */
    static final int MAX_SHOCKED = 200_000;

    private final ScenarioStore store;
    private final WarningListStore registry;
    private final BusinessDate businessDate;
    private final ReferenceData reference;
    private final AuditTrail audit;

    ScenarioService(ScenarioStore store, WarningListStore registry, BusinessDate businessDate, ReferenceData reference,
                    AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.businessDate = businessDate;
        this.reference = reference;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Scenario run(Caller caller, Run run) {
        return run(caller, run, businessDate.today());
    }

    /** As {@link #run(Caller, Run)}, on {@code on} (the demo's scenarios). */
    @Transactional
    Scenario run(Caller caller, Run run, LocalDate on) {
        if (!caller.is(Role.REGULATOR) && !caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.scenario.who", null));
        }
        return execute(caller, run, on);
    }

    /** Who runs the scenarios a non-performing loan starts. */
    static final String AUTOMATIC = "warning-contagion";

    /**
     * The platform's own scenario when a loan of a firm others depend on turns non-performing (docs/WARNING.md §3): the
     * firm's default, shared like a regulator's, once a year per firm; false when nobody depends on the firm enough to
     * be stressed, or it ran already within the year.
     */
    @Transactional
    boolean onDefault(long loanId, String tier, LocalDate on) {
        long firm = store.obligorOf(loanId);
        if (!store.hasDependents(firm, DEFAULT_THRESHOLD_PERCENT.movePointLeft(2).doubleValue())
                || store.ranAutomatically(firm, AUTOMATIC, on.minusYears(1))) {
            return false;
        }
        var e = store.enterprise(firm);
        execute(Caller.system(AUTOMATIC), new Run(ScenarioKind.ENTERPRISE_DEFAULT, e.name() + "贷款分类为" + tier
                + "（自动传染分析）", e.creditCode(), null, null, null, null, null), on);
        return true;
    }

    private Scenario execute(Caller caller, Run run, LocalDate on) {
        List<Rejection> problems = new ArrayList<>();
        if (run.kind() == null) {
            problems.add(Rejection.of("required", "shockKind"));
        }
        String prefix = caller.regionPrefix();
        Long enterpriseId = null;
        String enterpriseName = null;
        String industry = null;
        String region = null;
        if (run.kind() == ScenarioKind.ENTERPRISE_DEFAULT) {
            var bad = CreditCode.check(run.creditCode(), "creditCode");
            if (bad.isPresent()) {
                problems.add(bad.get());
            } else {
                var e = registry.enterprise(run.creditCode()).orElse(null);
                if (e == null || prefix != null && (e.regionCode() == null || !e.regionCode().startsWith(prefix))) {
                    problems.add(Rejection.of("warning.scenario.enterprise", "creditCode", run.creditCode()));
                } else {
                    enterpriseId = e.id();
                    enterpriseName = e.name();
                }
            }
        } else if (run.kind() == ScenarioKind.SECTOR_SHOCK) {
            industry = run.industryCode() == null ? null : run.industryCode().strip();
            if (industry == null || industry.isEmpty()) {
                problems.add(Rejection.of("required", "industryCode"));
            } else if (reference.industry(industry).isEmpty()) {
                problems.add(Rejection.of("warning.scenario.industry", "industryCode", industry));
            }
        } else if (run.kind() == ScenarioKind.REGION_SHOCK) {
            region = run.regionCode() == null ? null : run.regionCode().strip();
            if (region == null || region.isEmpty()) {
                problems.add(Rejection.of("required", "regionCode"));
            } else if (reference.region(region).isEmpty()) {
                problems.add(Rejection.of("warning.scenario.region", "regionCode", region));
            } else if (prefix != null && !region.startsWith(prefix)) {
                problems.add(Rejection.of("warning.list.outside-region", "regionCode", region, caller.regionCode()));
            }
        }
        BigDecimal shock = run.kind() == ScenarioKind.ENTERPRISE_DEFAULT ? new BigDecimal("100") : run.shockPercent();
        if (shock == null) {
            problems.add(Rejection.of("required", "shockPercent"));
        } else if (shock.signum() <= 0 || shock.compareTo(new BigDecimal("100")) > 0) {
            problems.add(Rejection.of("range", "shockPercent", "0.01", "100", shock.toPlainString()));
        }
        BigDecimal threshold = run.thresholdPercent() == null ? DEFAULT_THRESHOLD_PERCENT : run.thresholdPercent();
        if (threshold.signum() <= 0 || threshold.compareTo(new BigDecimal("100")) > 0) {
            problems.add(Rejection.of("range", "thresholdPercent", "0.01", "100", threshold.toPlainString()));
        } else if (shock != null && threshold.compareTo(shock) > 0) {
            problems.add(Rejection.of("warning.scenario.threshold", "thresholdPercent", threshold.toPlainString(),
                    shock.toPlainString()));
        }
        int depth = run.maxDepth() == null ? DEFAULT_MAX_DEPTH : run.maxDepth();
        if (depth < 1 || depth > 10) {
            problems.add(Rejection.of("range", "maxDepth", 1, 10, depth));
        }
        String title = run.title() == null || run.title().isBlank() ? null : run.title().strip();
        if (title != null && (title.length() < 2 || title.length() > 200)) {
            problems.add(Rejection.of("length", "title", 2, 200));
        }
        String scopePrefix = prefix;
        if (problems.isEmpty() && run.kind() != ScenarioKind.ENTERPRISE_DEFAULT) {
            String like = industry != null ? industry : shockPrefix(region);
            long n = store.count(industry, industry != null ? null : like);
            if (n == 0) {
                problems.add(Rejection.of("warning.scenario.nobody", industry != null ? "industryCode" : "regionCode", like));
            } else if (n > MAX_SHOCKED) {
                problems.add(Rejection.of("warning.scenario.too-broad", industry != null ? "industryCode" : "regionCode", n,
                        MAX_SHOCKED));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Map<Long, Double> shocks = new LinkedHashMap<>();
        if (enterpriseId != null) {
            shocks.put(enterpriseId, 1.0);
        } else {
            double s = shock.movePointLeft(2).doubleValue();
            for (long id : store.members(industry, industry != null ? null : shockPrefix(region))) {
                shocks.put(id, s);
            }
        }
        double th = threshold.movePointLeft(2).doubleValue();
        Contagion.Result result = Contagion.propagate(shocks, store::edges, th, depth);
        if (title == null) {
            title = switch (run.kind()) {
                case ENTERPRISE_DEFAULT -> enterpriseName + "违约";
                case SECTOR_SHOCK -> reference.industry(industry).orElseThrow().nameZh() + "行业冲击" + shock.stripTrailingZeros()
                        .toPlainString() + "%";
                case REGION_SHOCK -> reference.region(region).orElseThrow().nameZh() + "区域冲击" + shock.stripTrailingZeros()
                        .toPlainString() + "%";
            };
        }
        long id = store.insert(new ScenarioStore.Insert(run.kind(), title, enterpriseId, industry, region, shock, threshold,
                depth, on, caller, shocks.size(), result.hits().size(), result.rounds()));
        store.insertFirms(id, result.hits().values());
        audit.record(AuditEvent.success(caller.username(), "warning.scenario.run", "warning_scenario", id,
                run.kind() + ": " + shocks.size() + " shocked, " + result.hits().size() + " stressed in " + result.rounds()
                        + " rounds" + (scopePrefix == null ? "" : ", region " + caller.regionCode())));
        return scenario(store.scenario(Caller.system(AUTOMATIC), id).orElseThrow());
    }

    @Override
    public Contagion.Result propagate(Map<Long, Double> shocks, double threshold, int maxDepth) {
        return Contagion.propagate(shocks, store::edges, threshold, maxDepth);
    }

    @Override
    public Map<Long, Contagion.Hit> propagateInSql(Map<Long, Double> shocks, double threshold, int maxDepth) {
        return store.walk(shocks, threshold, maxDepth);
    }

    /** The region code as a prefix: a province's first two digits, a prefecture's four, a county's six. */
    static String shockPrefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        return region.endsWith("00") ? region.substring(0, 4) : region;
    }

    @Override
    public Page<Scenario> scenarios(Caller caller, PageRequest page) {
        return store.scenarios(caller, page).map(this::scenario);
    }

    @Override
    public Results results(Caller caller, long id) {
        Scenario s = scenario(store.scenario(caller, id).orElseThrow(() -> Rejected.notFound("warning-scenario", id)));
        boolean amounts = ScenarioStore.EXPOSURES.department(caller) || !caller.is(Role.REGULATOR);
        List<Figure> byInstitution = new ArrayList<>();
        List<Figure> byChain = new ArrayList<>();
        List<Figure> byRegion = new ArrayList<>();
        if (amounts) {
            var sums = store.exposureSums(caller, id, ScenarioStore.By.INSTITUTION);
            Map<Long, String> names = store.institutionNames(sums.stream().map(r -> Long.parseLong(r.key())).toList());
            for (var r : sums) {
                byInstitution.add(new Figure(r.key(), names.get(Long.parseLong(r.key())), r.firms(), r.loans(), r.balance(),
                        r.weighted()));
            }
        }
        merge(caller, id, ScenarioStore.By.CHAIN, amounts, byChain,
                k -> ChainTag.parse(k).map(t -> t.name(false)).orElse(k));
        merge(caller, id, ScenarioStore.By.REGION, amounts, byRegion,
                k -> reference.region(k).map(r -> r.nameZh()).orElse(k));
        return new Results(s, amounts, byInstitution, byChain, byRegion);
    }

    /**
     * A breakdown by chain or province: a regulator's firms stressed in its region beside the amounts it may read; an
     * institution's firms and amounts on its own exposures.
     */
    private void merge(Caller caller, long id, ScenarioStore.By by, boolean amounts, List<Figure> into,
                       java.util.function.Function<String, String> name) {
        Map<String, Figure> rows = new LinkedHashMap<>();
        if (!caller.is(Role.INSTITUTION)) {
            for (var f : store.firmSums(caller, id, by)) {
                rows.put(f.key(), new Figure(f.key(), name.apply(f.key()), f.firms(), amounts ? 0L : null,
                        amounts ? BigDecimal.ZERO.setScale(2) : null, amounts ? BigDecimal.ZERO.setScale(2) : null));
            }
        }
        if (amounts) {
            for (var e : store.exposureSums(caller, id, by)) {
                Figure before = rows.get(e.key());
                rows.put(e.key(), new Figure(e.key(), name.apply(e.key()), before == null ? e.firms() : before.firms(),
                        e.loans(), e.balance(), e.weighted()));
            }
        }
        into.addAll(rows.values());
    }

    @Override
    public Page<Exposure> exposures(Caller caller, long id, PageRequest page) {
        store.scenario(caller, id).orElseThrow(() -> Rejected.notFound("warning-scenario", id));
        var rows = store.exposures(caller, id, page);
        Set<Long> ids = new HashSet<>();
        rows.items().forEach(r -> Arrays.stream(r.path()).forEach(ids::add));
        Map<Long, String> names = store.enterpriseNames(ids);
        return rows.map(r -> new Exposure(r.loanId(), r.loanNumber(), r.institutionId(), r.institutionName(), r.borrowerId(), r.borrowerName(),
                r.obligorId(), r.obligorName(), r.onObligor(), r.balance(), percent(r.impact()), r.depth(),
                r.channel() == null ? null : Contagion.Channel.valueOf(r.channel()),
                Arrays.stream(r.path()).mapToObj(p -> new Step(p, names.get(p))).toList()));
    }

    private static BigDecimal percent(double impact) {
        return BigDecimal.valueOf(impact).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    private Scenario scenario(ScenarioStore.Row r) {
        return new Scenario(r.id(), ScenarioStore.number(r.id(), r.runOn()), r.kind(), r.title(), r.enterpriseId(),
                r.enterpriseName(), r.industryCode(),
                r.industryCode() == null ? null : reference.industry(r.industryCode()).map(i -> i.nameZh()).orElse(null),
                r.regionCode(), r.regionCode() == null ? null : reference.region(r.regionCode()).map(x -> x.nameZh()).orElse(null),
                r.shock(), r.threshold(), r.maxDepth(), r.runOn(), r.runBy(), r.institutionId(), r.shocked(), r.stressed(),
                r.rounds());
    }
}
