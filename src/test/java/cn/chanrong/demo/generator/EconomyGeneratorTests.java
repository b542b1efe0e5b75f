package cn.chanrong.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.SizeClass;
import cn.chanrong.enterprise.domain.SizeStandard;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.domain.EligibilityRules;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EconomyGeneratorTests {

    static final int SMALL = 300;
    static final long SEED = GeneratorSettings.DEFAULT_SEED;

    @TempDir
    static Path shared;
    static Map<String, List<Map<String, String>>> files;

    @BeforeAll
    static void generateOnce() throws IOException {
        EconomyGenerator.generate(new GeneratorSettings(SMALL, SEED), shared, GenerationProgress.NONE);
        files = new HashMap<>();
        for (String file : EconomyGenerator.HEADERS.keySet()) {
            files.put(file, read(shared.resolve(file), EconomyGenerator.HEADERS.get(file)));
        }
    }

    @Test
    void the_same_count_and_seed_give_byte_identical_files(@TempDir Path again) throws IOException {
        EconomyGenerator.generate(new GeneratorSettings(SMALL, SEED), again, GenerationProgress.NONE);
        for (String file : EconomyGenerator.HEADERS.keySet()) {
            assertThat(sha256(again.resolve(file))).as(file).isEqualTo(sha256(shared.resolve(file)));
        }
    }

    @Test
    void another_seed_gives_another_economy(@TempDir Path other) throws IOException {
        EconomyGenerator.generate(new GeneratorSettings(SMALL, SEED + 1), other, GenerationProgress.NONE);
        assertThat(sha256(other.resolve(EconomyGenerator.ENTERPRISES))).isNotEqualTo(sha256(shared.resolve(EconomyGenerator.ENTERPRISES)));
        assertThat(sha256(other.resolve(EconomyGenerator.STATEMENTS))).isNotEqualTo(sha256(shared.resolve(EconomyGenerator.STATEMENTS)));
    }

    @Test
    void every_file_parses_back_with_its_header_and_the_summary_counts_its_rows(@TempDir Path dir) throws IOException {
        GenerationSummary summary = EconomyGenerator.generate(new GeneratorSettings(SMALL, SEED), dir, GenerationProgress.NONE);
        assertThat(summary.rowsPerFile().keySet()).containsExactlyElementsOf(EconomyGenerator.HEADERS.keySet());
        for (String file : EconomyGenerator.HEADERS.keySet()) {
            assertThat(files.get(file)).as(file).hasSize(summary.rowsPerFile().get(file).intValue());
        }
        assertThat(files.get(EconomyGenerator.ENTERPRISES)).hasSize(SMALL);
        assertThat(EconomyGenerator.HEADERS.get(EconomyGenerator.ENTERPRISES)).isEqualTo(
                "credit_code,name,name_en,region_code,industry_code,ownership,founding_date,employees,annual_revenue,"
                        + "chain_tags,group_code,actual_controller");
    }

    @Test
    void credit_codes_are_valid_unique_and_disjoint_from_institutions() {
        List<String> enterprises = column(EconomyGenerator.ENTERPRISES, "credit_code");
        List<String> institutions = column(EconomyGenerator.INSTITUTIONS, "credit_code");
        List<String> all = new ArrayList<>(enterprises);
        all.addAll(institutions);
        assertThat(all).allSatisfy(code -> assertThat(CreditCode.check(code, "code")).as(code).isEmpty());
        assertThat(all).doesNotHaveDuplicates();
        for (Map<String, String> e : files.get(EconomyGenerator.ENTERPRISES)) {
            assertThat(e.get("credit_code").substring(0, 8)).isEqualTo("91" + e.get("region_code"));
        }
    }

    @Test
    void names_look_registered_and_are_unique_in_both_languages() {
        List<String> zh = column(EconomyGenerator.ENTERPRISES, "name");
        List<String> en = column(EconomyGenerator.ENTERPRISES, "name_en");
        assertThat(zh).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).endsWith("公司"));
        assertThat(en).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).endsWith("Co., Ltd."));
    }

    @Test
    void industries_and_regions_come_from_the_reference_tables() throws IOException {
        Set<String> classes = reference(ReferenceTables.INDUSTRY_RESOURCE, "4");
        Set<String> prefectures = reference(ReferenceTables.REGION_RESOURCE, "2");
        for (Map<String, String> e : files.get(EconomyGenerator.ENTERPRISES)) {
            assertThat(classes).contains(e.get("industry_code"));
            assertThat(prefectures).contains(e.get("region_code"));
        }
        assertThat(prefectures).containsAll(column(EconomyGenerator.INSTITUTIONS, "head_region"));
        for (ChainTags.Rule rule : ChainTags.RULES) {
            assertThat(classes).as("chain rule prefix " + rule.prefix()).anyMatch(c -> c.startsWith(rule.prefix()));
        }
    }

    @Test
    void statements_balance_and_stay_within_revenue_and_headcount() {
        Map<String, Map<String, String>> enterprises = byCode();
        Map<String, Integer> latestYear = new HashMap<>();
        for (Map<String, String> s : files.get(EconomyGenerator.STATEMENTS)) {
            Map<String, String> e = enterprises.get(s.get("credit_code"));
            assertThat(e).isNotNull();
            BigDecimal assets = new BigDecimal(s.get("total_assets"));
            BigDecimal liabilities = new BigDecimal(s.get("total_liabilities"));
            assertThat(new BigDecimal(s.get("equity"))).isEqualByComparingTo(assets.subtract(liabilities));
            assertThat(new BigDecimal(s.get("main_business_revenue"))).isLessThanOrEqualTo(new BigDecimal(s.get("revenue")));
            assertThat(Integer.parseInt(s.get("rd_staff"))).isLessThanOrEqualTo(Integer.parseInt(e.get("employees")));
            assertThat(s.get("revenue")).matches("\\d+\\.\\d{2}");
            int year = Integer.parseInt(s.get("year"));
            assertThat(year).isBetween(GeneratorSettings.FIRST_YEAR, GeneratorSettings.LAST_YEAR)
                    .isGreaterThanOrEqualTo(Integer.parseInt(e.get("founding_date").substring(0, 4)));
            latestYear.merge(s.get("credit_code"), year, Math::max);
            if (year == GeneratorSettings.LAST_YEAR) {
                assertThat(s.get("revenue")).isEqualTo(e.get("annual_revenue"));
            }
        }
        assertThat(latestYear).hasSize(SMALL).allSatisfy((code, year) -> assertThat(year).isEqualTo(GeneratorSettings.LAST_YEAR));
    }

    @Test
    void supply_chain_links_join_known_enterprises_once_without_loops() {
        Set<String> known = byCode().keySet();
        Set<String> pairs = new HashSet<>();
        List<Map<String, String>> links = files.get(EconomyGenerator.RELATIONSHIPS);
        assertThat(links).isNotEmpty();
        for (Map<String, String> r : links) {
            String supplier = r.get("supplier_credit_code");
            String customer = r.get("customer_credit_code");
            assertThat(known).contains(supplier, customer);
            assertThat(supplier).isNotEqualTo(customer);
            assertThat(pairs.add(supplier + ">" + customer)).as("duplicate pair").isTrue();
            assertThat(new BigDecimal(r.get("annual_volume"))).isPositive();
            assertThat(pairs).doesNotContain(customer + ">" + supplier);
        }
    }

    @Test
    void the_demo_economys_chains_run_four_tiers_deep_with_shared_suppliers_and_guarantees_among_suppliers(@TempDir Path dir)
            throws IOException {
        EconomyGenerator.generate(new GeneratorSettings(GeneratorSettings.DEFAULT_ENTERPRISES, SEED), dir, GenerationProgress.NONE);
        Map<String, List<String>> customersOf = new HashMap<>();
        for (Map<String, String> r : read(dir.resolve(EconomyGenerator.RELATIONSHIPS), EconomyGenerator.HEADERS.get(
                EconomyGenerator.RELATIONSHIPS))) {
            customersOf.computeIfAbsent(r.get("supplier_credit_code"), k -> new ArrayList<>()).add(r.get("customer_credit_code"));
        }
        // the longest way from a supplier up to a firm that buys from others but supplies nobody (a core)
        Map<String, Integer> depth = new HashMap<>();
        int deepest = 0;
        for (String s : customersOf.keySet()) {
            deepest = Math.max(deepest, depth(s, customersOf, depth));
        }
        assertThat(deepest).as("tiers below the core").isGreaterThanOrEqualTo(4);
        long shared = customersOf.entrySet().stream().filter(e -> depth.get(e.getKey()) >= 3 && e.getValue().size() > 1).count();
        assertThat(shared).as("suppliers at tier 3 or 4 selling to two buyers").isPositive();

        Set<String> known = new HashSet<>(read(dir.resolve(EconomyGenerator.ENTERPRISES), EconomyGenerator.HEADERS.get(
                EconomyGenerator.ENTERPRISES)).stream().map(e -> e.get("credit_code")).toList());
        List<Map<String, String>> guarantees = read(dir.resolve(EconomyGenerator.GUARANTEES),
                EconomyGenerator.HEADERS.get(EconomyGenerator.GUARANTEES));
        assertThat(guarantees).hasSizeGreaterThan(20);
        Set<String> pairs = new HashSet<>();
        for (Map<String, String> g : guarantees) {
            assertThat(known).contains(g.get("guarantor_credit_code"), g.get("debtor_credit_code"));
            assertThat(g.get("guarantor_credit_code")).isNotEqualTo(g.get("debtor_credit_code"));
            assertThat(pairs.add(g.get("guarantor_credit_code") + ">" + g.get("debtor_credit_code"))).isTrue();
            assertThat(new BigDecimal(g.get("amount"))).isGreaterThanOrEqualTo(new BigDecimal("10000.00"));
            assertThat(customersOf).containsKeys(g.get("guarantor_credit_code"), g.get("debtor_credit_code"));
        }
        assertThat(guarantees).anySatisfy(g -> assertThat(pairs).contains(g.get("debtor_credit_code") + ">"
                + g.get("guarantor_credit_code")));
    }

    private static int depth(String supplier, Map<String, List<String>> customersOf, Map<String, Integer> memo) {
        Integer known = memo.get(supplier);
        if (known != null) {
            return known;
        }
        int d = 0;
        for (String c : customersOf.getOrDefault(supplier, List.of())) {
            d = Math.max(d, 1 + depth(c, customersOf, memo));
        }
        memo.put(supplier, d);
        return d;
    }

    @Test
    void groups_and_related_parties_refer_to_known_enterprises() {
        Map<String, Map<String, String>> enterprises = byCode();
        Set<String> groupCodes = new HashSet<>(column(EconomyGenerator.GROUPS, "group_code"));
        for (Map<String, String> g : files.get(EconomyGenerator.GROUPS)) {
            assertThat(enterprises.get(g.get("parent_credit_code")).get("group_code")).isEqualTo(g.get("group_code"));
        }
        for (Map<String, String> e : enterprises.values()) {
            assertThat(e.get("group_code")).satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(groupCodes).contains(c));
        }
        for (Map<String, String> r : files.get(EconomyGenerator.RELATED_PARTIES)) {
            assertThat(enterprises).containsKeys(r.get("credit_code"), r.get("related_credit_code"));
            assertThat(r.get("credit_code")).isNotEqualTo(r.get("related_credit_code"));
            assertThat(r.get("relation")).isIn("SAME_GROUP", "SAME_CONTROLLER", "PARENT", "SUBSIDIARY");
            if (r.get("relation").equals("SAME_CONTROLLER")) {
                assertThat(enterprises.get(r.get("credit_code")).get("actual_controller"))
                        .isEqualTo(enterprises.get(r.get("related_credit_code")).get("actual_controller"));
            }
        }
    }

    @Test
    void every_institution_type_is_present_and_offers_only_what_it_may() {
        Map<String, InstitutionType> institutions = files.get(EconomyGenerator.INSTITUTIONS).stream()
                .collect(Collectors.toMap(i -> i.get("credit_code"), i -> InstitutionType.valueOf(i.get("type"))));
        // the re-guarantee chain above the agencies is the named cast's (one national fund, Fujian's re-guarantor)
        assertThat(Set.copyOf(institutions.values())).containsExactlyInAnyOrderElementsOf(java.util.EnumSet.complementOf(
                java.util.EnumSet.of(InstitutionType.PROVINCIAL_REGUARANTOR, InstitutionType.NATIONAL_GUARANTEE_FUND)));
        List<Map<String, String>> products = files.get(EconomyGenerator.PRODUCTS);
        assertThat(products).hasSize(Products.COUNT);
        assertThat(products.stream().map(p -> p.get("institution_credit_code")).distinct()).hasSameSizeAs(institutions.keySet());
        for (Map<String, String> p : products) {
            ProductType type = ProductType.valueOf(p.get("type"));
            InstitutionType offeredBy = institutions.get(p.get("institution_credit_code"));
            assertThat(type.offeredBy(offeredBy)).as(type + " by " + offeredBy).isTrue();
            int minTerm = Integer.parseInt(p.get("min_term_months"));
            int maxTerm = Integer.parseInt(p.get("max_term_months"));
            assertThat(maxTerm).isBetween(minTerm, type.defaultMaxTermMonths());
            assertThat(new BigDecimal(p.get("max_amount"))).isGreaterThan(new BigDecimal(p.get("min_amount")));
            if (p.get("pricing").equals("LPR_SPREAD")) {
                assertThat(Integer.parseInt(p.get("spread_max_bp"))).isGreaterThanOrEqualTo(Integer.parseInt(p.get("spread_min_bp")));
                assertThat(p.get("fixed_rate_percent")).isEmpty();
            } else {
                assertThat(p.get("pricing")).isEqualTo("FIXED");
                assertThat(p.get("spread_min_bp") + p.get("spread_max_bp")).isEmpty();
                assertThat(new BigDecimal(p.get("fixed_rate_percent"))).isPositive();
            }
            assertThat(p.get("security")).isIn("CREDIT", "GUARANTEE", "COLLATERAL", "PLEDGE");
            assertThat(p.get("status")).isIn("PUBLISHED", "DRAFT");
        }
        assertThat(products).filteredOn(p -> p.get("type").contains("INSURANCE"))
                .allSatisfy(p -> assertThat(institutions.get(p.get("institution_credit_code"))).isEqualTo(InstitutionType.INSURER));
    }

    @Test
    void every_product_has_one_to_four_clauses_that_the_platform_compiles() {
        Map<String, List<Map<String, String>>> byProduct = files.get(EconomyGenerator.PRODUCT_CLAUSES).stream()
                .collect(Collectors.groupingBy(c -> c.get("product_code"), LinkedHashMap::new, Collectors.toList()));
        assertThat(byProduct.keySet()).containsExactlyInAnyOrderElementsOf(column(EconomyGenerator.PRODUCTS, "product_code"));
        Map<String, EligibilityRules.Compilation> compiled = new HashMap<>();
        for (List<Map<String, String>> clauses : byProduct.values()) {
            assertThat(clauses).hasSizeBetween(1, 4);
            for (Map<String, String> c : clauses) {
                assertThat(c.get("label_zh")).isNotBlank();
                assertThat(c.get("label_en")).isNotBlank();
                EligibilityRules.Compilation result = compiled.computeIfAbsent(c.get("expression"),
                        x -> EligibilityRules.compile(1, c.get("label_zh"), c.get("label_en"), x));
                assertThat(result.ok()).as(c.get("expression") + ": " + result.error()).isTrue();
            }
        }
    }

    @Test
    void most_enterprises_are_private_smes_and_manufacturing_concentrates_on_the_coast() {
        List<Map<String, String>> enterprises = files.get(EconomyGenerator.ENTERPRISES);
        long privately = enterprises.stream().filter(e -> e.get("ownership").equals("PRIVATE")).count();
        long smes = enterprises.stream().filter(e -> size(e).isSme()).count();
        long microOrSmall = enterprises.stream().filter(e -> size(e) == SizeClass.MICRO || size(e) == SizeClass.SMALL).count();
        long coastal = enterprises.stream().filter(e -> Set.of("44", "32", "33", "37", "35").contains(e.get("region_code").substring(0, 2))).count();
        long software = enterprises.stream().filter(e -> e.get("industry_code").startsWith("I65")).count();
        assertThat(privately).isGreaterThanOrEqualTo(enterprises.size() * 60L / 100);
        assertThat(smes).isGreaterThanOrEqualTo(enterprises.size() * 80L / 100);
        assertThat(microOrSmall).isGreaterThan(enterprises.size() / 2L);
        assertThat(coastal).isGreaterThan(enterprises.size() * 40L / 100);
        assertThat(software).isBetween(1L, enterprises.size() * 15L / 100);
    }

    @Test
    void chain_tags_fit_the_industry() {
        Map<ChainTag, List<String>> allowedPrefixes = Map.of(
                ChainTag.IC, List.of("C397", "C3562", "C3985", "I6520"),
                ChainTag.MACHINE_TOOLS, List.of("C342", "C3321", "C3493"),
                ChainTag.MEDICAL_EQUIPMENT, List.of("C358"),
                ChainTag.SERVERS, List.of("C391"),
                ChainTag.INSTRUMENTS, List.of("C40"),
                ChainTag.BASIC_SOFTWARE, List.of("I65"),
                ChainTag.INDUSTRIAL_SOFTWARE, List.of("I65", "C3914"),
                ChainTag.SOFTWARE, List.of("I65"));
        for (Map<String, String> e : files.get(EconomyGenerator.ENTERPRISES)) {
            if (e.get("chain_tags").isEmpty()) {
                continue;
            }
            for (String tag : e.get("chain_tags").split(";")) {
                ChainTag t = ChainTag.valueOf(tag);
                List<String> prefixes = allowedPrefixes.get(t);
                if (prefixes != null) {
                    assertThat(prefixes).as(tag + " on " + e.get("industry_code")).anyMatch(e.get("industry_code")::startsWith);
                }
            }
        }
    }

    @Test
    void little_giants_are_specialised_smes_and_qualifications_start_after_founding() {
        Map<String, Map<String, String>> enterprises = byCode();
        Map<String, Set<String>> held = new HashMap<>();
        for (Map<String, String> q : files.get(EconomyGenerator.QUALIFICATIONS)) {
            Map<String, String> e = enterprises.get(q.get("credit_code"));
            assertThat(e).isNotNull();
            assertThat(q.get("valid_from")).isGreaterThanOrEqualTo(e.get("founding_date"));
            assertThat(q.get("valid_to")).isGreaterThan(q.get("valid_from"));
            assertThat(q.get("issuer")).isNotBlank();
            held.computeIfAbsent(q.get("credit_code"), k -> new HashSet<>()).add(q.get("type"));
        }
        assertThat(held.values()).filteredOn(s -> s.contains("LITTLE_GIANT")).allMatch(s -> s.contains("SPECIALISED_SME"));
        assertThat(held).allSatisfy((code, types) -> {
            if (types.contains("SPECIALISED_SME") || types.contains("TECH_SME")) {
                assertThat(size(enterprises.get(code)).isSme()).isTrue();
            }
        });
    }

    @Test
    void settings_refuse_counts_outside_the_supported_range() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new GeneratorSettings(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new GeneratorSettings(GeneratorSettings.MAX_ENTERPRISES + 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Brands.capacity()).isGreaterThanOrEqualTo(GeneratorSettings.MAX_ENTERPRISES);
        assertThat(PersonNames.capacity()).isGreaterThanOrEqualTo(GeneratorSettings.MAX_ENTERPRISES);
    }

    private static SizeClass size(Map<String, String> e) {
        return SizeStandard.forIndustry(e.get("industry_code"))
                .classify(Integer.parseInt(e.get("employees")), new BigDecimal(e.get("annual_revenue")));
    }

    private static Map<String, Map<String, String>> byCode() {
        return files.get(EconomyGenerator.ENTERPRISES).stream().collect(Collectors.toMap(e -> e.get("credit_code"), e -> e));
    }

    private static List<String> column(String file, String name) {
        return files.get(file).stream().map(r -> r.get(name)).toList();
    }

    /** Parses with the platform's own CSV reader and checks the header and every row's width. */
    private static List<Map<String, String>> read(Path file, String header) throws IOException {
        List<Csv.Row> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> columns = List.of(header.split(","));
        assertThat(rows.get(0).fields()).as(file.getFileName().toString()).isEqualTo(columns);
        List<Map<String, String>> out = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            assertThat(r.fields()).as(file.getFileName() + " line " + r.line()).hasSameSizeAs(columns);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), r.fields().get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static Set<String> reference(String resource, String level) throws IOException {
        try (InputStream in = EconomyGeneratorTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream().skip(1)
                    .filter(r -> r.fields().get(1).equals(level)).map(r -> r.fields().get(0)).collect(Collectors.toSet());
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
