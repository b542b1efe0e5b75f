package cn.chanrong.institution.domain;

import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.GrowthStage;
import cn.chanrong.enterprise.domain.SizeClass;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Every rule a product must meet, returning all rejections at once. */
public final class ProductRules {

    public static final int MAX_CLAUSES = 20;
    public static final int MAX_SPREAD_BP = 2_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** A product that passed every rule, typed. */
    public record Valid(String code, String name, String nameEn, ProductType type, BigDecimal minAmount,
                        BigDecimal maxAmount, int minTerm, int maxTerm, String pricing, Integer spreadMinBp,
                        Integer spreadMaxBp, BigDecimal fixedRate, String security, List<String> targetChains,
                        List<String> targetSizes, List<String> targetStages, List<String> targetRegions, LocalDate effectiveFrom,
                        LocalDate effectiveTo, List<EligibilityRules.Compiled> clauses) {
    }

    public record Outcome(Valid product, List<Rejection> rejections) {
        public boolean ok() {
            return rejections.isEmpty();
        }
    }

    private final Function<ProductType, Integer> maxTermMonths;
    private final Predicate<String> knownRegion;

    public ProductRules(Function<ProductType, Integer> maxTermMonths, Predicate<String> knownRegion) {
        this.maxTermMonths = maxTermMonths;
        this.knownRegion = knownRegion;
    }

    public Outcome check(ProductDraft d, InstitutionType offeredBy) {
        List<Rejection> r = new ArrayList<>();
        String code = trim(d.code());
        if (code == null) {
            r.add(Rejection.of("required", "code"));
        } else if (!code.matches("[A-Za-z0-9._-]{2,40}")) {
            r.add(Rejection.of("product.code", "code", code));
        }
        String name = trim(d.name());
        if (name == null || name.length() < 2 || name.length() > 200) {
            r.add(Rejection.of("length", "name", 2, 200));
        }
        String nameEn = trim(d.nameEn());
        if (nameEn != null && nameEn.length() > 200) {
            r.add(Rejection.of("length", "nameEn", 0, 200));
        }
        ProductType type = null;
        if (trim(d.type()) == null) {
            r.add(Rejection.of("required", "type"));
        } else {
            type = ProductType.parse(d.type().strip()).orElse(null);
            if (type == null) {
                r.add(Rejection.of("enum", "type", d.type(), Arrays.toString(ProductType.values())));
            } else if (offeredBy != null && !type.offeredBy(offeredBy)) {
                r.add(Rejection.of("product.type-not-offered", "type", type.name(), offeredBy.name()));
            }
        }
        BigDecimal min = amount(d.minAmount(), "minAmount", r);
        BigDecimal max = amount(d.maxAmount(), "maxAmount", r);
        if (min != null && max != null && max.compareTo(min) < 0) {
            r.add(Rejection.of("range.reversed-amount", "maxAmount", min.toPlainString(), max.toPlainString()));
        }
        Integer minTerm = d.minTermMonths();
        Integer maxTerm = d.maxTermMonths();
        if (minTerm == null) {
            r.add(Rejection.of("required", "minTermMonths"));
        } else if (minTerm < 1) {
            r.add(Rejection.of("range", "minTermMonths", 1, 600, minTerm));
        }
        if (maxTerm == null) {
            r.add(Rejection.of("required", "maxTermMonths"));
        } else if (minTerm != null && maxTerm < minTerm) {
            r.add(Rejection.of("range.reversed-term", "maxTermMonths", minTerm, maxTerm));
        } else if (type != null && maxTerm > maxTermMonths.apply(type)) {
            r.add(Rejection.of("product.term-above-maximum", "maxTermMonths", maxTerm, maxTermMonths.apply(type),
                    type.name()));
        }
        String pricing = trim(d.pricing());
        BigDecimal fixed = null;
        if (pricing == null) {
            r.add(Rejection.of("required", "pricing"));
        } else if (pricing.equals("LPR_SPREAD")) {
            if (d.spreadMinBp() == null || d.spreadMaxBp() == null) {
                r.add(Rejection.of("required", d.spreadMinBp() == null ? "spreadMinBp" : "spreadMaxBp"));
            } else if (d.spreadMaxBp() < d.spreadMinBp()) {
                r.add(Rejection.of("range.reversed-spread", "spreadMaxBp", d.spreadMinBp(), d.spreadMaxBp()));
            } else if (d.spreadMinBp() < -MAX_SPREAD_BP || d.spreadMaxBp() > MAX_SPREAD_BP) {
                r.add(Rejection.of("range", "spreadMaxBp", -MAX_SPREAD_BP, MAX_SPREAD_BP, d.spreadMaxBp()));
            }
        } else if (pricing.equals("FIXED")) {
            fixed = rate(d.fixedRatePercent(), r);
        } else if (!pricing.equals("NONE")) {
            r.add(Rejection.of("enum", "pricing", pricing, "[LPR_SPREAD, FIXED, NONE]"));
        }
        String security = trim(d.security());
        if (security == null) {
            r.add(Rejection.of("required", "security"));
        } else if (!List.of("CREDIT", "GUARANTEE", "COLLATERAL", "PLEDGE").contains(security)) {
            r.add(Rejection.of("enum", "security", security, "[CREDIT, GUARANTEE, COLLATERAL, PLEDGE]"));
        }
        List<String> chains = codes(d.targetChains());
        chains.stream().filter(c -> ChainTag.parse(c).isEmpty())
                .forEach(c -> r.add(Rejection.of("chain-tag.unknown", "targetChains", c)));
        List<String> sizes = codes(d.targetSizes());
        sizes.stream().filter(s -> Arrays.stream(SizeClass.values()).noneMatch(x -> x.name().equals(s)))
                .forEach(s -> r.add(Rejection.of("enum", "targetSizes", s, Arrays.toString(SizeClass.values()))));
        List<String> stages = codes(d.targetStages());
        stages.stream().filter(s -> Arrays.stream(GrowthStage.values()).noneMatch(x -> x.name().equals(s)))
                .forEach(s -> r.add(Rejection.of("enum", "targetStages", s, Arrays.toString(GrowthStage.values()))));
        List<String> regions = codes(d.targetRegions());
        regions.stream().filter(x -> !knownRegion.test(x))
                .forEach(x -> r.add(Rejection.of("region-code.unknown", "targetRegions", x)));
        LocalDate from = date(d.effectiveFrom(), "effectiveFrom", r);
        LocalDate to = date(d.effectiveTo(), "effectiveTo", r);
        if (from != null && to != null && !to.isAfter(from)) {
            r.add(Rejection.of("range.reversed", "effectiveTo", from.toString(), to.toString()));
        }
        List<EligibilityRules.Compiled> compiled = new ArrayList<>();
        List<ProductDraft.Clause> clauses = d.clauses() == null ? List.of() : d.clauses();
        if (clauses.size() > MAX_CLAUSES) {
            r.add(Rejection.of("product.too-many-clauses", "clauses", MAX_CLAUSES));
        }
        for (int i = 0; i < clauses.size() && i < MAX_CLAUSES; i++) {
            ProductDraft.Clause c = clauses.get(i);
            String field = "clauses[" + i + "]";
            if (c == null || trim(c.labelZh()) == null || trim(c.labelEn()) == null) {
                r.add(Rejection.of("product.clause-label", field, i + 1));
                continue;
            }
            if (trim(c.expression()) == null || c.expression().length() > 2000) {
                r.add(Rejection.of("product.clause-expression", field, i + 1, c.labelZh()));
                continue;
            }
            EligibilityRules.Compilation comp = EligibilityRules.compile(i + 1, c.labelZh().strip(), c.labelEn().strip(),
                    c.expression().strip());
            if (comp.ok()) {
                compiled.add(comp.clause());
            } else {
                r.add(Rejection.of("product.clause-malformed", field, i + 1, c.labelZh(), comp.error()));
            }
        }
        if (!r.isEmpty()) {
            return new Outcome(null, List.copyOf(r));
        }
        return new Outcome(new Valid(code, name, nameEn, type, min, max, minTerm, maxTerm, pricing,
                pricing.equals("LPR_SPREAD") ? d.spreadMinBp() : null, pricing.equals("LPR_SPREAD") ? d.spreadMaxBp() : null,
                fixed, security, chains, sizes, stages, regions, from, to, List.copyOf(compiled)), List.of());
    }

    private static BigDecimal amount(BigDecimal value, String field, List<Rejection> r) {
        return Amounts.check(value, field, false, MAX_AMOUNT, r);
    }

    private static BigDecimal rate(String raw, List<Rejection> r) {
        if (trim(raw) == null) {
            r.add(Rejection.of("required", "fixedRatePercent"));
            return null;
        }
        try {
            BigDecimal v = Amounts.plain(raw);
            if (v.signum() < 0 || v.compareTo(new BigDecimal("36")) > 0) {
                r.add(Rejection.of("range", "fixedRatePercent", 0, 36, raw));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            r.add(Rejection.of("amount.format", "fixedRatePercent", raw));
            return null;
        }
    }

    private static LocalDate date(String raw, String field, List<Rejection> r) {
        if (trim(raw) == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            r.add(Rejection.of("date.format", field, raw));
            return null;
        }
    }

    private static List<String> codes(List<String> raw) {
        return raw == null ? List.of() : raw.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .distinct().toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
