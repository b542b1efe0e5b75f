package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.InstitutionCatalog.Spec;
import cn.chanrong.demo.generator.ProductShapes.Clause;
import cn.chanrong.demo.generator.ProductShapes.Shape;
import cn.chanrong.demo.generator.ProductShapes.Sizes;
import cn.chanrong.demo.generator.ProductShapes.Template;
import cn.chanrong.demo.generator.ReferenceTables.Prefecture;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.domain.ProductType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hundred and fifty financing products: every institution offers at least one, banks most of the
 * rest; each product's type is one its institution typically offers ({@link Offerings}, within what
 * the platform's {@link ProductType#offeredBy} allows) and carries one
 * to four named eligibility clauses in CEL over the enterprise variable {@code e}.
 */
final class Products {

    static final int COUNT = 150;
    private static final int MAX_CLAUSES = 4;
    /** The first eight tags are the key chains; products favour them. */
    private static final int KEY_CHAINS = 8;

    private Products() {
    }

    static void write(long seed, ReferenceTables tables, CsvOut products, CsvOut clauses) {
        Rng rng = new Rng(seed, 0, Rng.Stream.PRODUCTS);
        List<Spec> institutions = InstitutionCatalog.ALL;
        Weighted.Builder<Integer> weights = Weighted.builder();
        for (int k = 0; k < institutions.size(); k++) {
            weights.add(k, isBank(institutions.get(k).type()) ? 4.0 : 1.5);
        }
        Weighted<Integer> institutionSampler = weights.build();
        Set<String> names = new HashSet<>();
        for (int n = 0; n < COUNT; n++) {
            int k = n < institutions.size() ? n : institutionSampler.sample(rng);
            product(n, k, institutions.get(k), tables, rng, names, products, clauses);
        }
    }

    private static void product(int n, int k, Spec institution, ReferenceTables tables, Rng rng, Set<String> names,
                                CsvOut products, CsvOut clausesOut) {
        InstitutionType itype = institution.type();
        ProductType type = rng.pick(List.copyOf(Offerings.of(itype)));
        Shape shape = ProductShapes.SHAPES.get(type);
        Template template = itype == InstitutionType.ASSET_MANAGEMENT_COMPANY
                ? new Template("市场化债转股", "Market-based Debt-for-equity Swap", new Clause("年营业收入不低于5000万元",
                        "Annual revenue of at least 50 million yuan", "e.annualRevenue >= 50000000.0"))
                : rng.pick(shape.names());
        Sizes sizes = rng.pick(shape.sizes());
        List<ChainTag> chains = chains(type, rng);

        String chainZh = chains.size() == 1 ? chains.get(0).name(false) + "产业链" : "";
        String chainEn = chains.size() == 1 ? chains.get(0).name(true) + " Chain " : "";
        String zh = institution.shortZh() + chainZh + template.zh();
        String en = institution.shortEn() + " " + chainEn + template.en();
        for (int phase = 2; !names.add(zh); phase++) {
            zh = institution.shortZh() + chainZh + template.zh() + "（" + phase + "期）";
            en = institution.shortEn() + " " + chainEn + template.en() + " (Phase " + phase + ")";
        }

        String code = String.format(Locale.ROOT, "P%04d", n + 1);
        products.text(code).text(InstitutionCatalog.creditCode(k)).text(zh).text(en).text(type.name());
        long minAmount = rng.pick(shape.minAmountsYuan());
        List<Long> maxChoices = shape.maxAmountsYuan().stream().filter(a -> a > minAmount).toList();
        products.money(minAmount * Money.YUAN).money(rng.pick(maxChoices) * Money.YUAN);
        int minTerm = rng.pick(shape.minTerms());
        List<Integer> termChoices = shape.maxTerms().stream().filter(t -> t >= minTerm).toList();
        products.number(minTerm).number(rng.pick(termChoices));
        price(type, itype, shape, rng, products);
        products.text(rng.pick(shape.securities()));
        products.text(String.join(";", chains.stream().map(Enum::name).toList())).text(sizes.list);
        products.text(rng.chance(0.06) ? "DRAFT" : "PUBLISHED").end();

        List<Clause> clauses = clauses(institution, tables, template, shape, sizes, chains, rng);
        for (int seq = 0; seq < clauses.size(); seq++) {
            Clause c = clauses.get(seq);
            clausesOut.text(code).number(seq + 1).text(c.labelZh()).text(c.labelEn()).text(c.expression()).end();
        }
    }

    /** Loans mostly at LPR + spread; fees, premiums, discount, lease and factoring rates, coupons and hurdles FIXED. */
    private static void price(ProductType type, InstitutionType itype, Shape shape, Rng rng, CsvOut out) {
        boolean fixed = shape.fixedOnly()
                || itype == InstitutionType.FACTORING
                || type == ProductType.FINANCIAL_LEASING && rng.chance(0.4)
                || rng.chance(0.1);
        if (fixed) {
            int low = shape.fixedLow();
            int high = shape.fixedHigh();
            if (type == ProductType.GUARANTEE) {
                // government guarantee agencies charge at most 1 % a year; commercial ones more
                low = itype == InstitutionType.GOVERNMENT_GUARANTEE_AGENCY ? 50 : 150;
                high = itype == InstitutionType.GOVERNMENT_GUARANTEE_AGENCY ? 100 : 300;
            }
            int hundredths = low + 5 * rng.between(0, (high - low) / 5);
            out.text("FIXED").empty().empty().money(hundredths);
        } else {
            int min = shape.spreadLow() + 5 * rng.between(0, (shape.spreadHigh() - shape.spreadLow()) / 5);
            int max = min + 5 * rng.between(10, 40);
            out.text("LPR_SPREAD").number(min).number(max).empty();
        }
    }

    private static List<ChainTag> chains(ProductType type, Rng rng) {
        if (type == ProductType.FIRST_SET_INSURANCE || type == ProductType.BANK_ACCEPTANCE_BILL
                || type == ProductType.GUARANTEE || !rng.chance(0.35)) {
            return List.of();
        }
        ChainTag[] all = ChainTag.values();
        int wanted = rng.between(1, 3);
        boolean[] chosen = new boolean[all.length];
        for (int c = 0; c < wanted; c++) {
            ChainTag t;
            do {
                t = rng.chance(0.7) ? all[rng.below(KEY_CHAINS)] : all[rng.below(all.length)];
            } while (chosen[t.ordinal()]);
            chosen[t.ordinal()] = true;
        }
        List<ChainTag> out = new ArrayList<>();
        for (ChainTag t : all) {
            if (chosen[t.ordinal()]) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Clause> clauses(Spec institution, ReferenceTables tables, Template template, Shape shape, Sizes sizes,
                                        List<ChainTag> chains, Rng rng) {
        List<Clause> out = new ArrayList<>();
        if (sizes != Sizes.ALL) {
            String list = "'" + sizes.list.replace(";", "','") + "'";
            out.add(new Clause(sizes.labelZh, sizes.labelEn, "e.sizeClass in [" + list + "]"));
        }
        // a chain of the eight key chains is granted on verified status; any other chain is the market aimed at, as declared
        String variable = chains.stream().allMatch(t -> t.kind() == ChainTag.Kind.KEY_CHAIN) ? "e.verifiedKeyChains"
                : "e.declaredChainTags";
        if (chains.size() == 1) {
            ChainTag t = chains.get(0);
            out.add(new Clause("属于" + t.name(false) + "产业链", "Chain: " + t.name(true),
                    "'" + t.name() + "' in " + variable));
        } else if (!chains.isEmpty()) {
            out.add(new Clause("属于目标产业链（" + String.join("、", chains.stream().map(t -> t.name(false)).toList()) + "）",
                    "In a target chain (" + String.join(", ", chains.stream().map(t -> t.name(true)).toList()) + ")",
                    variable + ".exists(t, t in ['" + String.join("','", chains.stream().map(Enum::name).toList()) + "'])"));
        }
        if (InstitutionCatalog.REGIONAL.contains(institution.type())) {
            out.add(regionClause(institution, tables));
        }
        if (template.clause() != null) {
            out.add(template.clause());
        }
        if (shape.typeClause() != null && !out.contains(shape.typeClause())) {
            out.add(shape.typeClause());
        }
        if (rng.chance(0.3)) {
            out.add(rng.chance(0.5) ? ProductShapes.EMPLOYEES_10 : ProductShapes.MANUFACTURING_OR_SOFTWARE);
        }
        if (out.isEmpty()) {
            out.add(ProductShapes.MANUFACTURING_OR_SOFTWARE);
        }
        return out.size() > MAX_CLAUSES ? out.subList(0, MAX_CLAUSES) : out;
    }

    /** Village banks lend in their own city, other local banks in their own province. */
    private static Clause regionClause(Spec institution, ReferenceTables tables) {
        Prefecture head = tables.prefectures.stream().filter(p -> p.code().equals(institution.headRegion())).findFirst().orElseThrow();
        if (institution.type() == InstitutionType.VILLAGE_BANK) {
            return new Clause("注册地在" + head.cityZh() + "市", "Registered in " + head.cityEn(),
                    "e.regionCode.startsWith('" + head.code().substring(0, 4) + "')");
        }
        return new Clause("注册地在" + head.province().nameZh(), "Registered in " + head.province().nameEn(),
                "e.regionCode.startsWith('" + head.province().prefix() + "')");
    }

    private static boolean isBank(InstitutionType t) {
        return switch (t) {
            case POLICY_BANK, LARGE_STATE_OWNED_BANK, JOINT_STOCK_BANK, CITY_COMMERCIAL_BANK, RURAL_COMMERCIAL_BANK,
                 RURAL_COOPERATIVE, VILLAGE_BANK, PRIVATE_BANK, FOREIGN_BANK -> true;
            default -> false;
        };
    }
}
