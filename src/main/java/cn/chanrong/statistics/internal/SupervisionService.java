package cn.chanrong.statistics.internal;

import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.statistics.Supervision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SupervisionService implements Supervision {

    static final List<String> DIMS = List.of("CHAIN", "PROVINCE", "INDUSTRY", "SIZE", "STAGE", "OWNERSHIP",
            "PRODUCT_TYPE", "TIER");

    private final FigureStore figures;
    private final StatisticsRefresh refresher;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final int minCell;

    SupervisionService(FigureStore figures, StatisticsRefresh refresher, ReferenceData reference,
                       MessageSource messages, Environment env) {
        this.figures = figures;
        this.refresher = refresher;
        this.reference = reference;
        this.messages = messages;
        this.minCell = env.getProperty("chanrong.statistics.min-cell", Integer.class, 3);
    }

    /** Sums of one cell as stored. */
    record Raw(long enterprises, long needs, BigDecimal needAmount, long matched, BigDecimal signed,
               BigDecimal disbursed, long disbursements, long beneficiaries, BigDecimal balance, BigDecimal balanceLy,
               BigDecimal disbursedLy, BigDecimal mfg, BigDecimal mlt, BigDecimal credit, BigDecimal npl,
               long firstLoan, long contributors, BigDecimal exposure, BigDecimal junior) {
    }

    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b == null || b.signum() == 0 || a == null ? null : a.divide(b, 4, RoundingMode.HALF_UP);
    }

    static Figures figures(Raw r, boolean suppressed) {
        if (suppressed) {
            return new Figures(r.enterprises(), 0, null, 0, null, null, 0, 0, null, null, null, null, null, null, null,
                    null, null, null, 0, 0, null, null, true);
        }
        BigDecimal avg = r.beneficiaries() == 0 ? null
                : r.disbursed().divide(BigDecimal.valueOf(r.beneficiaries()), 2, RoundingMode.HALF_UP);
        BigDecimal yoy = ratio(r.balance(), r.balanceLy());
        return new Figures(r.enterprises(), r.needs(), r.needAmount(), r.matched(), r.signed(), r.disbursed(),
                r.disbursements(), r.beneficiaries(), avg, r.balance(), r.balanceLy(),
                yoy == null ? null : yoy.subtract(BigDecimal.ONE), r.disbursedLy(), r.mfg(), ratio(r.mlt(), r.balance()),
                ratio(r.credit(), r.balance()), r.npl(), ratio(r.npl(), r.exposure()), r.firstLoan(), r.contributors(),
                r.exposure(), r.junior(), false);
    }

    @Override
    public long refresh(Caller caller) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        return refresher.refresh();
    }

    @Override
    @Transactional(readOnly = true)
    public Dashboard dashboard(Caller caller, Locale locale) {
        if (!caller.isAdmin() && !caller.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        String province = caller.regionPrefix();
        String department = caller.isAdmin() || "PBOC".equals(caller.department()) ? null : caller.department();
        return build(province == null ? "national" : province + "0000", province, department, false, locale,
                caller.isAdmin() || caller.is(Role.REGULATOR) ? caller : null);
    }

    @Override
    @Transactional(readOnly = true)
    public Dashboard publicOverview(Locale locale) {
        return build("national", null, null, true, locale, null);
    }

    private Dashboard build(String scope, String province, String department, boolean publicView, Locale locale,
                            Caller plansCaller) {
        boolean en = "en".equals(locale.getLanguage());
        String p = province == null ? "" : province;
        Map<String, Map<String, Raw>> ytd = new LinkedHashMap<>();
        Map<String, Raw> months = new java.util.TreeMap<>();
        for (FigureStore.Sum sum : figures.sums(p)) {
            if (sum.period().equals("YTD")) {
                ytd.computeIfAbsent(sum.dim(), k -> new LinkedHashMap<>()).put(sum.key(), sum.raw());
            } else {
                months.put(sum.period(), sum.raw());
            }
        }
        Map<String, Raw> provinces = new LinkedHashMap<>();
        figures.provinceTotals(p).forEach((code, r) -> provinces.put(code + "0000", r));
        ytd.put("PROVINCE", provinces);
        Raw total = ytd.getOrDefault("TOTAL", Map.of()).get("ALL");
        Raw empty = new Raw(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO);
        if (total == null) {
            total = empty;
        }
        FigureStore.Refreshed meta = figures.refreshed();
        LocalDate asOf = meta.asOf();
        BigDecimal increment = null;
        if (asOf != null) {
            Raw decPrev = months.get(asOf.getYear() - 1 + "-12");
            increment = total.balance().subtract(decPrev == null ? BigDecimal.ZERO : decPrev.balance());
        }
        Map<String, List<Cell>> breakdowns = new LinkedHashMap<>();
        for (String dim : DIMS) {
            List<Cell> cells = new ArrayList<>();
            Map<String, Raw> byKey = ytd.getOrDefault(dim, Map.of());
            List<String> hidden = publicView ? suppressed(byKey) : List.of();
            byKey.forEach((key, r) -> cells.add(new Cell(key, label(dim, key, en, locale), figures(r, hidden.contains(key)))));
            cells.sort(Comparator.comparing((Cell c) -> c.figures().suppressed())
                    .thenComparing(c -> c.figures().balance() == null ? BigDecimal.ZERO : c.figures().balance(),
                            Comparator.reverseOrder()).thenComparing(Cell::key));
            breakdowns.put(dim, cells);
        }
        List<Cell> series = new ArrayList<>();
        months.forEach((m, r) -> series.add(new Cell(m, m, figures(r, publicView && r.contributors() < minCell))));
        boolean headlineHidden = publicView && total.contributors() < minCell;
        List<Plan> planRows = plansCaller == null ? List.of() : figures.plans();
        return new Dashboard(scope, publicView, minCell, asOf,
                meta.refreshedAt() == null ? null : meta.refreshedAt().toInstant(), meta.millis(), meta.institutions(),
                meta.products(), figures(total, headlineHidden), headlineHidden ? null : increment, breakdowns, series,
                needFunnel(p, asOf), pushFunnel(p, department, asOf), planRows,
                publicView || asOf == null ? List.of() : instruments(total, province, asOf));
    }

    /** Loans paid out beside equity invested, in the year to the as-of day, in the caller's region. */
    private List<Instrument> instruments(Raw total, String province, LocalDate asOf) {
        var equity = figures.equityInvested(province, asOf.withDayOfYear(1), asOf);
        var leases = figures.leasesStarted(province, asOf.withDayOfYear(1), asOf);
        var policies = figures.policiesStarted(province, asOf.withDayOfYear(1), asOf);
        return List.of(new Instrument("LOAN", total.disbursements(), total.beneficiaries(), total.disbursed()),
                new Instrument("EQUITY", equity.count(), equity.enterprises(), equity.amount()),
                new Instrument("LEASE", leases.count(), leases.enterprises(), leases.amount()),
                new Instrument("INSURANCE", policies.count(), policies.enterprises(), policies.amount()));
    }

    /**
     * Cells of one breakdown to hide: those with fewer than the minimum enterprises behind them, and
     * when exactly one is hidden, the next smallest too, so it cannot be recovered from the total.
     */
    List<String> suppressed(Map<String, Raw> byKey) {
        List<String> hidden = new ArrayList<>();
        byKey.forEach((k, r) -> {
            if (r.contributors() < minCell) {
                hidden.add(k);
            }
        });
        if (hidden.size() == 1 && byKey.size() > 1) {
            byKey.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                    .min(Comparator.comparingLong((Map.Entry<String, Raw> e) -> e.getValue().contributors())
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        return hidden;
    }

    private List<FunnelStep> needFunnel(String province, LocalDate asOf) {
        if (asOf == null) {
            return List.of();
        }
        return figures.needFunnel(province, asOf);
    }

    private List<FunnelStep> pushFunnel(String province, String department, LocalDate asOf) {
        if (asOf == null) {
            return List.of();
        }
        return figures.pushFunnel(province, department, asOf);
    }

    private String label(String dim, String key, boolean en, Locale locale) {
        return switch (dim) {
            case "CHAIN" -> ChainTag.parse(key).map(t -> t.name(en)).orElse(key);
            case "PROVINCE" -> reference.region(key).map(r -> r.name(en)).orElse(key);
            case "INDUSTRY" -> reference.industry(key).map(i -> i.name(en)).orElse(key);
            case "SIZE" -> messages.getMessage("size." + key, null, key, locale);
            case "STAGE" -> messages.getMessage("stage." + key, null, key, locale);
            case "OWNERSHIP" -> messages.getMessage("ownership." + key, null, key, locale);
            case "PRODUCT_TYPE" -> ProductType.parse(key).map(t -> t.name(en)).orElse(en ? "No product" : "未关联产品");
            case "TIER" -> {
                try {
                    yield Tier.valueOf(key).label(en);
                } catch (IllegalArgumentException e) {
                    yield key;
                }
            }
            default -> key;
        };
    }

    static Instant none() {
        return null;
    }
}
