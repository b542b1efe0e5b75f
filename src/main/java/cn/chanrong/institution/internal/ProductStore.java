package cn.chanrong.institution.internal;

import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.institution.Products;
import cn.chanrong.institution.domain.EligibilityRules;
import cn.chanrong.institution.domain.ProductRules;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for products. Reads take the caller's scope: published products, plus its own institution's. */
@Repository
class ProductStore {

    private static final String COLUMNS = """
            p.id, p.code, p.institution_id, i.name AS institution_name, p.name, p.name_en, p.type, p.min_amount,
            p.max_amount, p.min_term_months, p.max_term_months, p.pricing, p.spread_min_bp, p.spread_max_bp,
            p.fixed_rate, p.security, p.target_chains, p.target_sizes, p.target_stages, p.target_regions, p.status, p.effective_from,
            p.effective_to, p.version""";
    private static final String SCOPE = "(p.status = 'PUBLISHED' OR :s_all OR p.institution_id = :s_inst)";

    record Scope(boolean all, long institutionId) {
    }

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long institutionId, ProductRules.Valid p, String actor) {
        long id = jdbc.sql("""
                        INSERT INTO product (code, institution_id, name, name_en, type, min_amount, max_amount,
                            min_term_months, max_term_months, pricing, spread_min_bp, spread_max_bp, fixed_rate, security,
                            target_chains, target_sizes, target_stages, target_regions, effective_from, effective_to, created_by)
                        VALUES (:code, :inst, :name, :nameEn, :type, :min, :max, :minT, :maxT, :pricing, :sMin, :sMax,
                            :fixed, :security, :chains, :sizes, :stages, :regions, :from, :to, :actor) RETURNING id""")
                .params(params(p)).param("inst", institutionId).param("actor", actor)
                .query(Long.class).single();
        insertClauses(id, p.clauses());
        return id;
    }

    boolean update(long id, ProductRules.Valid p, int expectedVersion) {
        int n = jdbc.sql("""
                        UPDATE product SET code = :code, name = :name, name_en = :nameEn, type = :type, min_amount = :min,
                            max_amount = :max, min_term_months = :minT, max_term_months = :maxT, pricing = :pricing,
                            spread_min_bp = :sMin, spread_max_bp = :sMax, fixed_rate = :fixed, security = :security,
                            target_chains = :chains, target_sizes = :sizes, target_stages = :stages, target_regions = :regions,
                            effective_from = :from, effective_to = :to, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :v""")
                .params(params(p)).param("id", id).param("v", expectedVersion).update();
        if (n == 1) {
            jdbc.sql("DELETE FROM product_clause WHERE product_id = :id").param("id", id).update();
            insertClauses(id, p.clauses());
        }
        return n == 1;
    }

    boolean setStatus(long id, Product.Status status, int expectedVersion) {
        return jdbc.sql("UPDATE product SET status = :s, version = version + 1, updated_at = now() WHERE id = :id AND version = :v")
                .param("s", status.name()).param("id", id).param("v", expectedVersion).update() == 1;
    }

    /** The product with this code, if any. */
    Optional<Long> idOfCode(String code) {
        return jdbc.sql("SELECT id FROM product WHERE code = :c").param("c", code).query(Long.class).optional();
    }

    /** The type of the institution offering a product: it decides which rules the product must satisfy. */
    String institutionType(long institutionId) {
        return jdbc.sql("SELECT type FROM institution WHERE id = :id").param("id", institutionId).query(String.class).single();
    }

    boolean codeTaken(String code, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM product WHERE code = :c AND id <> :x").param("c", code).param("x", exceptId)
                .query(Long.class).single() > 0;
    }

    private void insertClauses(long id, List<EligibilityRules.Compiled> clauses) {
        for (EligibilityRules.Compiled c : clauses) {
            jdbc.sql("INSERT INTO product_clause (product_id, seq, label_zh, label_en, expression) VALUES (:p, :s, :z, :e, :x)")
                    .param("p", id).param("s", c.seq()).param("z", c.labelZh()).param("e", c.labelEn())
                    .param("x", c.expression()).update();
        }
    }

    private static Map<String, Object> params(ProductRules.Valid p) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("nameEn", p.nameEn());
        m.put("type", p.type().name());
        m.put("min", p.minAmount());
        m.put("max", p.maxAmount());
        m.put("minT", p.minTerm());
        m.put("maxT", p.maxTerm());
        m.put("pricing", p.pricing());
        m.put("sMin", p.spreadMinBp());
        m.put("sMax", p.spreadMaxBp());
        m.put("fixed", p.fixedRate());
        m.put("security", p.security());
        m.put("chains", String.join(",", p.targetChains()));
        m.put("sizes", String.join(",", p.targetSizes()));
        m.put("stages", String.join(",", p.targetStages()));
        m.put("regions", String.join(",", p.targetRegions()));
        m.put("from", p.effectiveFrom());
        m.put("to", p.effectiveTo());
        return m;
    }

    Optional<Product> find(long id, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product p JOIN institution i ON i.id = p.institution_id WHERE p.id = :id AND " + SCOPE)
                .param("id", id).param("s_all", scope.all()).param("s_inst", scope.institutionId())
                .query(ProductStore::row).optional().map(p -> withClauses(List.of(p)).get(0));
    }

    /** Published products in effect on {@code day}, with their clauses. */
    List<Product> live(java.time.LocalDate day) {
        return withClauses(jdbc.sql("SELECT " + COLUMNS + " FROM product p JOIN institution i ON i.id = p.institution_id "
                        + "WHERE p.status = 'PUBLISHED' AND (p.effective_from IS NULL OR p.effective_from <= :d) "
                        + "AND (p.effective_to IS NULL OR p.effective_to > :d) ORDER BY p.id")
                .param("d", day).query(ProductStore::row).list());
    }

    List<Product> search(Products.ProductFilter f, Scope scope, PageRequest page) {
        return withClauses(jdbc.sql("SELECT " + COLUMNS + " FROM product p JOIN institution i ON i.id = p.institution_id WHERE "
                        + SCOPE + FILTER + " ORDER BY p.id LIMIT :limit OFFSET :offset")
                .params(filter(f)).param("s_all", scope.all()).param("s_inst", scope.institutionId())
                .param("limit", page.size()).param("offset", page.offset())
                .query(ProductStore::row).list());
    }

    long count(Products.ProductFilter f, Scope scope) {
        return jdbc.sql("SELECT count(*) FROM product p WHERE " + SCOPE + FILTER)
                .params(filter(f)).param("s_all", scope.all()).param("s_inst", scope.institutionId())
                .query(Long.class).single();
    }

    private static final String FILTER = """
             AND (CAST(:f_type AS text) IS NULL OR p.type = :f_type)
             AND (CAST(:f_status AS text) IS NULL OR p.status = :f_status)
             AND (CAST(:f_chain AS text) IS NULL OR (',' || p.target_chains || ',') LIKE :f_chain)
             AND (CAST(:f_inst AS bigint) IS NULL OR p.institution_id = :f_inst)""";

    private static Map<String, Object> filter(Products.ProductFilter f) {
        Map<String, Object> m = new HashMap<>();
        m.put("f_type", blank(f.type()));
        m.put("f_status", blank(f.status()));
        m.put("f_chain", blank(f.chainTag()) == null ? null : "%," + f.chainTag().strip() + ",%");
        m.put("f_inst", f.institutionId());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The products with their clauses, read in one query for the whole list. */
    private List<Product> withClauses(List<Product> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<Long, List<ProductDraft.Clause>> byProduct = new HashMap<>();
        jdbc.sql("""
                        SELECT product_id, label_zh, label_en, expression FROM product_clause
                        WHERE product_id = ANY(:ids) ORDER BY product_id, seq""")
                .param("ids", products.stream().map(Product::id).toArray(Long[]::new))
                .query((rs, n) -> byProduct.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new ProductDraft.Clause(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return products.stream().map(p -> new Product(p.id(), p.code(), p.institutionId(), p.institutionName(), p.name(),
                p.nameEn(), p.type(), p.minAmount(), p.maxAmount(), p.minTermMonths(), p.maxTermMonths(), p.pricing(),
                p.spreadMinBp(), p.spreadMaxBp(), p.fixedRatePercent(), p.security(), p.targetChains(), p.targetSizes(),
                p.targetStages(), p.targetRegions(), p.status(), p.effectiveFrom(), p.effectiveTo(),
                List.copyOf(byProduct.getOrDefault(p.id(), List.of())), p.version())).toList();
    }

    private static Product row(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        List<ProductDraft.Clause> clauses = List.of();
        return new Product(id, rs.getString("code"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("name"), rs.getString("name_en"), ProductType.valueOf(rs.getString("type")),
                rs.getBigDecimal("min_amount"), rs.getBigDecimal("max_amount"), rs.getInt("min_term_months"),
                rs.getInt("max_term_months"), rs.getString("pricing"), (Integer) rs.getObject("spread_min_bp"),
                (Integer) rs.getObject("spread_max_bp"), rs.getBigDecimal("fixed_rate"), rs.getString("security"),
                list(rs.getString("target_chains")), list(rs.getString("target_sizes")), list(rs.getString("target_stages")),
                list(rs.getString("target_regions")), Product.Status.valueOf(rs.getString("status")),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class), clauses,
                rs.getInt("version"));
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
