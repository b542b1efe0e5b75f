package cn.chanrong.demo.generator;

import cn.chanrong.enterprise.EnterpriseImports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the demo economy for a count and seed into a directory. Phases: draw every enterprise's
 * skeleton; decide supply chains and the guarantees among suppliers (written as they are drawn), groups and controllers; stream each
 * enterprise with its statements and qualifications; then groups, related parties, institutions and
 * products. Memory grows with a few arrays per enterprise, never with rows.
 */
public final class EconomyGenerator {

    public static final String ENTERPRISES = "enterprises.csv";
    public static final String STATEMENTS = "statements.csv";
    public static final String QUALIFICATIONS = "qualifications.csv";
    public static final String RELATIONSHIPS = "relationships.csv";
    public static final String GUARANTEES = "guarantees.csv";
    public static final String GROUPS = "groups.csv";
    public static final String RELATED_PARTIES = "related_parties.csv";
    public static final String INSTITUTIONS = "institutions.csv";
    public static final String PRODUCTS = "products.csv";
    public static final String PRODUCT_CLAUSES = "product_clauses.csv";

    /** Header of every file, in the order the files are listed in the summary. */
    public static final Map<String, String> HEADERS = headers();

    private EconomyGenerator() {
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        // the platform's import reads these two layouts, so they come from its API, not a copy
        h.put(ENTERPRISES, EnterpriseImports.ENTERPRISE_COLUMNS);
        h.put(STATEMENTS, EnterpriseImports.STATEMENT_COLUMNS);
        h.put(QUALIFICATIONS, "credit_code,type,issuer,valid_from,valid_to");
        h.put(RELATIONSHIPS, "supplier_credit_code,customer_credit_code,annual_volume");
        h.put(GUARANTEES, "guarantor_credit_code,debtor_credit_code,amount");
        h.put(GROUPS, "group_code,name,name_en,actual_controller,parent_credit_code");
        h.put(RELATED_PARTIES, "credit_code,related_credit_code,relation");
        h.put(INSTITUTIONS, "credit_code,name,name_en,type,head_region");
        h.put(PRODUCTS, "product_code,institution_credit_code,name,name_en,type,min_amount,max_amount,min_term_months,"
                + "max_term_months,pricing,spread_min_bp,spread_max_bp,fixed_rate_percent,security,target_chains,target_sizes,status");
        h.put(PRODUCT_CLAUSES, "product_code,seq,label_zh,label_en,expression");
        return Collections.unmodifiableMap(h);
    }

    public static GenerationSummary generate(GeneratorSettings settings, Path directory, GenerationProgress progress) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, CsvOut> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> h : HEADERS.entrySet()) {
                out.put(h.getKey(), new CsvOut(directory, h.getKey(), h.getValue()));
            }
            ReferenceTables tables = ReferenceTables.get();
            Population population = Population.draw(settings, tables);
            SupplyChains chains = SupplyChains.build(population, out.get(RELATIONSHIPS), out.get(GUARANTEES));
            Groups groups = Groups.build(population);
            EnterpriseRows.write(population, chains, groups, out, progress);
            groups.write(out.get(GROUPS), out.get(RELATED_PARTIES));
            InstitutionCatalog.write(out.get(INSTITUTIONS));
            Products.write(settings.seed(), tables, out.get(PRODUCTS), out.get(PRODUCT_CLAUSES));
        } finally {
            for (CsvOut o : out.values()) {
                o.close();
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (CsvOut o : out.values()) {
            rows.put(o.file(), o.rows());
        }
        return new GenerationSummary(rows, (System.nanoTime() - started) / 1e9);
    }

    /** Data rows written so far across files: the progress display's rate. */
    static long rows(Iterable<CsvOut> files) {
        long n = 0;
        for (CsvOut o : files) {
            n += o.rows();
        }
        return n;
    }
}
