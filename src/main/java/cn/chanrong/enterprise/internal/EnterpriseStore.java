package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.Profile;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the registry; every read takes the caller's {@link Visibility}. */
@Repository
class EnterpriseStore {

    private static final String COLUMNS = """
            e.id, e.credit_code, e.credit_code_override, e.name, e.name_en, e.region_code, e.industry_code,
            e.ownership, e.founding_date, e.employees, e.annual_revenue, e.main_products, e.version""";

    record Row(long id, Profile profile, int version) {
    }

    private final JdbcClient jdbc;

    EnterpriseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Profile p, String actor) {
        return jdbc.sql("""
                        INSERT INTO enterprise (credit_code, credit_code_override, name, name_en, region_code, industry_code,
                                                ownership, founding_date, employees, annual_revenue, main_products,
                                                created_by, updated_by)
                        VALUES (:cc, :ov, :n, :ne, :r, :i, :o, :f, :emp, :rev, COALESCE(CAST(:mp AS text[]), '{}'), :a, :a)
                        RETURNING id""")
                .params(profileParams(p)).param("a", actor)
                .query(Long.class).single();
    }

    /** Updates when the version matches; returns whether a row changed. */
    boolean update(long id, Profile p, int expectedVersion, String actor) {
        return jdbc.sql("""
                        UPDATE enterprise SET credit_code = :cc, credit_code_override = :ov, name = :n, name_en = :ne,
                               region_code = :r, industry_code = :i, ownership = :o, founding_date = :f, employees = :emp,
                               annual_revenue = :rev, main_products = COALESCE(CAST(:mp AS text[]), main_products),
                               version = version + 1, updated_at = now(), updated_by = :a
                        WHERE id = :id AND version = :v""")
                .params(profileParams(p)).param("a", actor).param("id", id).param("v", expectedVersion)
                .update() == 1;
    }

    private static java.util.Map<String, Object> profileParams(Profile p) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("cc", p.creditCode());
        m.put("ov", p.creditCodeOverride());
        m.put("n", p.name());
        m.put("ne", p.nameEn());
        m.put("r", p.regionCode());
        m.put("i", p.industryCode());
        m.put("o", p.ownership().name());
        m.put("f", p.foundingDate());
        m.put("emp", p.employees());
        m.put("rev", p.annualRevenue());
        // null: the input did not state its main products, and those held are kept
        m.put("mp", p.mainProducts() == null ? null : p.mainProducts().toArray(String[]::new));
        return m;
    }

    boolean creditCodeTaken(String creditCode, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = :cc AND id <> :x")
                .param("cc", creditCode).param("x", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    /** Many enterprises at once, for system jobs (no visibility: callers of this are not people). */
    List<Row> findAll(java.util.Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(EnterpriseStore::row).list();
    }

    Optional<Row> find(long id, Visibility v) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = :id AND " + v.predicate())
                .param("id", id).params(visibility(v))
                .query(EnterpriseStore::row).optional();
    }

    List<Row> search(EnterpriseFilter f, Visibility v, PageRequest page, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE " + v.predicate() + where(f)
                        + " ORDER BY e.id LIMIT :limit OFFSET :offset")
                .params(visibility(v)).params(filter(f)).param("today", today)
                .param("limit", page.size()).param("offset", page.offset())
                .query(EnterpriseStore::row).list();
    }

    long count(EnterpriseFilter f, Visibility v, LocalDate today) {
        return jdbc.sql("SELECT count(*) FROM enterprise e WHERE " + v.predicate() + where(f))
                .params(visibility(v)).params(filter(f)).param("today", today)
                .query(Long.class).single();
    }

    /** Only the conditions the filter uses, so the plan fits the query actually asked. */
    private static String where(EnterpriseFilter f) {
        StringBuilder w = new StringBuilder();
        if (blankToNull(f.creditCode()) != null) {
            w.append(" AND e.credit_code = :f_cc");
        }
        if (blankToNull(f.name()) != null) {
            w.append(" AND (e.name LIKE :f_name OR e.name_en ILIKE :f_name)");
        }
        if (blankToNull(f.regionCode()) != null) {
            w.append(" AND e.region_code LIKE :f_region");
        }
        if (blankToNull(f.industryCode()) != null) {
            w.append(" AND e.industry_code LIKE :f_ind");
        }
        if (blankToNull(f.chainTag()) != null) {
            w.append(" AND EXISTS (SELECT 1 FROM enterprise_chain_tag t WHERE t.enterprise_id = e.id AND t.tag = :f_tag)");
        }
        if (blankToNull(f.qualification()) != null) {
            w.append(" ").append("""
                     AND EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.enterprise_id = e.id AND q.type = :f_q
                     AND q.valid_from <= CAST(:today AS date) AND (q.valid_to IS NULL OR q.valid_to > CAST(:today AS date)))""");
        }
        if (blankToNull(f.sizeClass()) != null) {
            w.append(" AND (").append(cn.chanrong.enterprise.EnterpriseSql.SIZE).append(") = :f_size");
        }
        if (blankToNull(f.growthStage()) != null) {
            w.append(" AND (").append(cn.chanrong.enterprise.EnterpriseSql.STAGE).append(") = :f_stage");
        }
        return w.toString();
    }

    private static java.util.Map<String, Object> filter(EnterpriseFilter f) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("f_cc", blankToNull(f.creditCode()));
        String name = blankToNull(f.name());
        m.put("f_name", name == null ? null : "%" + escapeLike(name) + "%");
        String region = blankToNull(f.regionCode());
        m.put("f_region", region == null ? null : regionPrefix(region) + "%");
        String ind = blankToNull(f.industryCode());
        m.put("f_ind", ind == null ? null : escapeLike(ind) + "%");
        m.put("f_tag", blankToNull(f.chainTag()));
        m.put("f_q", blankToNull(f.qualification()));
        m.put("f_size", blankToNull(f.sizeClass()));
        m.put("f_stage", blankToNull(f.growthStage()));
        return m;
    }

    /** 440000 selects the province (44…), 440300 the prefecture (4403…), 440305 the county. */
    static String regionPrefix(String code) {
        String c = escapeLike(code);
        if (c.matches("[0-9]{6}")) {
            if (c.endsWith("0000")) {
                return c.substring(0, 2);
            }
            if (c.endsWith("00")) {
                return c.substring(0, 4);
            }
        }
        return c;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static java.util.Map<String, Object> visibility(Visibility v) {
        return v.params();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Profile p = new Profile(rs.getString("credit_code"), rs.getString("credit_code_override"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("region_code"), rs.getString("industry_code"),
                Ownership.valueOf(rs.getString("ownership")), rs.getObject("founding_date", LocalDate.class),
                rs.getInt("employees"), rs.getBigDecimal("annual_revenue"),
                List.of((String[]) rs.getArray("main_products").getArray()));
        return new Row(rs.getLong("id"), p, rs.getInt("version"));
    }
}
