package cn.chanrong.institution.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.shared.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Institutions and their products from the generated economy. Products are created through the
 * product service as each institution's operator would, so every generated clause is compiled and
 * checked; those marked published are published.
 */
@Component
class InstitutionDemoContributor implements DemoContributor {

    private final JdbcInstitutions institutions;
    private final ProductService products;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    InstitutionDemoContributor(JdbcInstitutions institutions, ProductService products, JdbcClient jdbc,
                               TransactionTemplate tx) {
        this.institutions = institutions;
        this.products = products;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void contribute(Path economy) {
        tx.executeWithoutResult(s -> {
            Caller admin = Caller.system("demo-loader");
            Map<String, Long> ids = new HashMap<>();
            for (Csv.Row r : rows(economy.resolve("institutions.csv"))) {
                String code = r.fields().get(0);
                Institution i = institutions.byCreditCode(code).orElseGet(() -> institutions.register(admin, code,
                        r.fields().get(1), r.fields().get(2), InstitutionType.valueOf(r.fields().get(3))));
                ids.put(code, i.id());
                jdbc.sql("UPDATE institution SET head_region = :r WHERE id = :id").param("r", r.fields().get(4))
                        .param("id", i.id()).update();
            }
            Map<String, List<ProductDraft.Clause>> clauses = new HashMap<>();
            for (Csv.Row r : rows(economy.resolve("product_clauses.csv"))) {
                clauses.computeIfAbsent(r.fields().get(0), k -> new ArrayList<>())
                        .add(new ProductDraft.Clause(r.fields().get(2), r.fields().get(3), r.fields().get(4)));
            }
            for (Csv.Row r : rows(economy.resolve("products.csv"))) {
                List<String> f = r.fields();
                if (jdbc.sql("SELECT count(*) FROM product WHERE code = :c").param("c", f.get(0)).query(Long.class).single() > 0) {
                    continue;
                }
                Long institution = ids.get(f.get(1));
                Caller operator = new Caller("demo-loader", Role.INSTITUTION, null, institution, null, null,
                        Set.of("operator"));
                var p = products.create(operator, new ProductDraft(f.get(0), f.get(2), f.get(3), f.get(4),
                        new java.math.BigDecimal(f.get(5)), new java.math.BigDecimal(f.get(6)), Integer.valueOf(f.get(7)), Integer.valueOf(f.get(8)), f.get(9), integer(f.get(10)),
                        integer(f.get(11)), blank(f.get(12)), f.get(13), list(f.get(14)), list(f.get(15)), List.of(), List.of(), null,
                        null, clauses.getOrDefault(f.get(0), List.of())));
                if ("PUBLISHED".equals(f.get(16))) {
                    products.publish(operator, p.id());
                }
            }
        });
    }

    private static List<Csv.Row> rows(Path file) {
        try {
            List<Csv.Row> all = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
            return all.isEmpty() ? List.of() : all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer integer(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(";")).filter(x -> !x.isBlank()).toList();
    }
}
