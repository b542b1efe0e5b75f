package cn.chanrong.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: SQL written in one module names only its own tables and the read
 * views another module publishes. Every table and view of the schema has an owner here, so a new
 * migration fails this test until it is placed.
 */
class TableOwnershipTests {

    static final Path MAIN = Path.of("src/main/java/cn/chanrong");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table name prefixes (or whole names) and the module that owns them; the longest prefix wins. */
    static final Map<String, String> OWNERS = new LinkedHashMap<>();

    static {
        owner("identity", "app_user", "consent");
        owner("audit", "audit_entry");
        owner("cashflow", "cash_");
        owner("credit", "credit_bureau_summary", "credit_decision", "credit_features", "credit_model", "tax_grade",
                "tax_record", "credit_grade_view", "credit_score_history", "credit_score_view");
        owner("lending", "loan", "facility", "credit_plan", "eod_run", "eod_work", "lending_");
        owner("enterprise", "enterprise");
        owner("institution", "institution", "product");
        owner("ledger", "journal_entry", "ledger_", "posting");
        owner("monitoring", "monitoring_");
        owner("policy", "policy_");
        owner("warning", "warning_");
        owner("capital", "capital_");
        owner("matching", "financing_need", "need_", "project_", "roadshow", "matching_");
        owner("platform", "event_publication", "idempotency_record");
        owner("reference", "ref_");
        owner("registry", "registry_");
        owner("scf", "scf_");
        owner("statistics", "stat_");
    }


    /**
     * Uses that remain, each with its reason and the issue that removes it. Keys are
     * {@code module -> table}.
     */
    static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("cli -> *", "the benchmarks build and check synthetic books of millions of rows in SQL; #26 moves"
                    + " them onto the owners' bulk APIs and published views"),
            Map.entry("lending -> enterprise", "the synthetic loan book (the benchmarks' generator of a million loans)"
                    + " picks borrowers in bulk; #26 gives it the enterprise module's bulk read"),
            Map.entry("lending -> institution", "as lending -> enterprise, for the lender (#26)"),
            Map.entry("lending -> journal_entry", "the synthetic loan book posts a million disbursements set-wise beside"
                    + " the ledger; #26 routes it through the ledger's batch API"),
            Map.entry("lending -> posting", "as lending -> journal_entry (#26)"));

    private static void owner(String module, String... prefixes) {
        for (String p : prefixes) {
            OWNERS.put(p, module);
        }
    }

    static String ownerOf(String table) {
        String best = null;
        for (String p : OWNERS.keySet()) {
            if ((table.equals(p) || table.startsWith(p) && (p.endsWith("_") || table.charAt(p.length()) == '_'))
                    && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best == null ? null : OWNERS.get(best);
    }

    static final Pattern CREATE = Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    static final Pattern USE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)");

    /** Tables and views of the schema: a table is private to its owner, a view is what its owner publishes. */
    static Set<String> schema(boolean views) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (m.group(1).equalsIgnoreCase("TABLE") != views) {
                        names.add(m.group(2).toLowerCase());
                    }
                }
            }
        }
        return names;
    }

    @Test
    void every_table_of_the_schema_has_an_owner() throws IOException {
        Set<String> all = new TreeSet<>(schema(false));
        all.addAll(schema(true));
        List<String> orphans = all.stream().filter(t -> ownerOf(t) == null).toList();
        assertThat(orphans).as("tables without an owner in TableOwnershipTests.OWNERS").isEmpty();
    }

    @Test
    void sql_in_a_module_names_only_its_own_tables_and_published_views() throws IOException {
        Set<String> tables = schema(false);
        tables.removeAll(schema(true));
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = MAIN.relativize(f).getName(0).toString();
                String source = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = USE.matcher(source);
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (!tables.contains(table)) {
                        continue;
                    }
                    String owner = ownerOf(table);
                    if (owner != null && !owner.equals(module) && !EXCEPTIONS.containsKey(module + " -> " + table)
                            && !EXCEPTIONS.containsKey(module + " -> *")) {
                        found.computeIfAbsent(module + " -> " + table, k -> new TreeSet<>())
                                .add(MAIN.relativize(f).toString());
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        found.forEach((k, v) -> lines.add(k + "  " + v));
        assertThat(lines).as("SQL naming another module's table (read its API or a view it publishes)").isEmpty();
    }

    @Test
    void the_exceptions_are_still_needed() throws IOException {
        // an exception nobody needs any more is removed, so the list only shrinks
        for (String key : EXCEPTIONS.keySet()) {
            String module = key.substring(0, key.indexOf(" -> "));
            String table = key.substring(key.indexOf(" -> ") + 4);
            if (table.equals("*")) {
                continue;
            }
            boolean used = false;
            try (Stream<Path> files = Files.walk(MAIN.resolve(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = USE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        used |= m.group(1).equalsIgnoreCase(table);
                    }
                }
            }
            assertThat(used).as(key + " is no longer used: remove the exception").isTrue();
        }
    }
}
