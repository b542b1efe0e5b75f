package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.shared.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's part of the generated demo economy: groups, enterprises (through the CSV import, so
 * the demo data passes the same rules as anyone's), qualifications, supply relationships and
 * guarantees between firms, related parties before the platform is up; five years of statements in the background.
 */
@Component
class EnterpriseDemoContributor implements DemoContributor {

    private static final Caller LOADER = Caller.system("demo-loader");
    private static final int STATEMENT_CHUNK = 2_000;

    /** The industry regulator who imports the authorities' lists of the demo economy. */
    private static final Caller REGULATOR = new Caller("regulator-miit", cn.chanrong.identity.Role.REGULATOR, null, null,
            "MIIT", null, java.util.Set.of());

    private final ImportService imports;
    private final StatusListService lists;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    EnterpriseDemoContributor(ImportService imports, StatusListService lists, JdbcClient jdbc, TransactionTemplate tx) {
        this.imports = imports;
        this.lists = lists;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void contribute(Path economy) {
        tx.executeWithoutResult(s -> {
            List<Csv.Row> groups = rows(economy.resolve("groups.csv"));
            for (Csv.Row g : groups) {
                jdbc.sql("""
                                INSERT INTO enterprise_group (code, name, name_en, actual_controller) VALUES (:c, :n, :e, :a)
                                ON CONFLICT (code) DO NOTHING""")
                        .param("c", g.fields().get(0)).param("n", g.fields().get(1)).param("e", blank(g.fields().get(2)))
                        .param("a", blank(g.fields().get(3))).update();
            }
            check(imports.importEnterprises(LOADER, read(economy.resolve("enterprises.csv")), "UTF-8"));
            for (Csv.Row g : groups) {
                jdbc.sql("""
                                UPDATE enterprise_group SET parent_id = (SELECT id FROM enterprise WHERE credit_code = :p)
                                WHERE code = :c""")
                        .param("p", g.fields().get(4)).param("c", g.fields().get(0)).update();
            }
            for (Csv.Row q : rows(economy.resolve("qualifications.csv"))) {
                jdbc.sql("""
                                INSERT INTO enterprise_qualification (enterprise_id, type, issuer, valid_from, valid_to, created_by)
                                SELECT id, :t, :i, :f, :to, 'demo-loader' FROM enterprise WHERE credit_code = :c
                                ON CONFLICT (enterprise_id, type, valid_from) DO NOTHING""")
                        .param("c", q.fields().get(0)).param("t", q.fields().get(1)).param("i", q.fields().get(2))
                        .param("f", LocalDate.parse(q.fields().get(3)))
                        .param("to", blank(q.fields().get(4)) == null ? null : LocalDate.parse(q.fields().get(4)))
                        .update();
            }
            check(lists.importList(REGULATOR, statusList(rows(economy.resolve("qualifications.csv"))), "UTF-8"));
            for (Csv.Row r : rows(economy.resolve("relationships.csv"))) {
                jdbc.sql("""
                                INSERT INTO enterprise_relationship (supplier_id, customer_id, annual_volume, declared_by)
                                SELECT s.id, c.id, CAST(:v AS numeric), 'demo-loader' FROM enterprise s, enterprise c
                                WHERE s.credit_code = :s AND c.credit_code = :c
                                ON CONFLICT (supplier_id, customer_id) DO NOTHING""")
                        .param("s", r.fields().get(0)).param("c", r.fields().get(1)).param("v", r.fields().get(2)).update();
            }
            for (Csv.Row r : rows(economy.resolve("guarantees.csv"))) {
                jdbc.sql("""
                                INSERT INTO enterprise_guarantee (guarantor_id, debtor_id, amount, declared_by)
                                SELECT g.id, d.id, CAST(:v AS numeric), 'demo-loader' FROM enterprise g, enterprise d
                                WHERE g.credit_code = :g AND d.credit_code = :d
                                ON CONFLICT (guarantor_id, debtor_id) DO NOTHING""")
                        .param("g", r.fields().get(0)).param("d", r.fields().get(1)).param("v", r.fields().get(2)).update();
            }
            for (Csv.Row r : rows(economy.resolve("related_parties.csv"))) {
                jdbc.sql("""
                                INSERT INTO enterprise_related_party (enterprise_id, related_enterprise_id, relation)
                                SELECT a.id, b.id, :r FROM enterprise a, enterprise b
                                WHERE a.credit_code = :a AND b.credit_code = :b
                                ON CONFLICT (enterprise_id, related_enterprise_id) DO NOTHING""")
                        .param("a", r.fields().get(0)).param("b", r.fields().get(1)).param("r", r.fields().get(2)).update();
            }
        });
    }

    /** Statements in chunks, each its own import (all-or-nothing per chunk), reporting progress. */
    @Override
    public void background(Path economy, DoubleConsumer progress) {
        List<String> lines = lines(economy.resolve("statements.csv"));
        String header = lines.get(0);
        int total = lines.size() - 1;
        for (int from = 1; from <= total; from += STATEMENT_CHUNK) {
            int to = Math.min(total + 1, from + STATEMENT_CHUNK);
            String chunk = header + "\n" + String.join("\n", lines.subList(from, to)) + "\n";
            check(imports.importStatements(LOADER, chunk.getBytes(StandardCharsets.UTF_8), "UTF-8"));
            progress.accept((double) (to - 1) / total);
        }
    }

    /**
     * The authorities' lists behind the economy's qualifications: every listed kind (专精特新, 小巨人,
     * 高新技术企业, 链主, 首台套) is on its issuer's list, except about one in four, which stays as the
     * enterprise declared it — so the demo has verified and declared status alike.
     */
    static byte[] statusList(List<Csv.Row> qualifications) {
        StringBuilder csv = new StringBuilder(cn.chanrong.enterprise.StatusLists.COLUMNS).append('\n');
        for (Csv.Row q : qualifications) {
            String code = q.fields().get(0);
            var list = cn.chanrong.enterprise.domain.StatusList.parse(q.fields().get(1)).orElse(null);
            if (list == null || Math.floorMod((code + list).hashCode(), 4) == 0) {
                continue;
            }
            String from = q.fields().get(3);
            csv.append(list.name()).append(',').append(q.fields().get(2)).append(',')
                    .append(from, 0, 4).append("年度").append(list.type().name(false)).append("名单").append(',')
                    .append(code).append(',').append(from).append(',').append(q.fields().get(4)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void check(ImportReport report) {
        if (!report.accepted()) {
            throw new IllegalStateException("demo " + report.kind() + " refused: " + report.errors().stream().limit(5)
                    .map(e -> "line " + e.line() + " " + e.column() + " " + e.rejection().code() + e.rejection().args())
                    .toList());
        }
    }

    private static List<Csv.Row> rows(Path file) {
        List<Csv.Row> all = Csv.parse(new String(read(file), StandardCharsets.UTF_8));
        return all.isEmpty() ? List.of() : all.subList(1, all.size());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
