package cn.chanrong.reference.internal;

import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.domain.RestrictedCategory;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the restricted-industry catalogues: the imports and their entries. */
@Repository
class RestrictedListStore {

    private static final String ENTRY = """
            r.catalogue, r.document, r.category, r.item_no, r.item, r.industry_code, r.products, r.processes, r.valid_from,
            r.valid_to""";

    private final JdbcClient jdbc;

    RestrictedListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key an entry is imported under: a later file with the same key updates the row. */
    static String key(RestrictedEntry e) {
        return String.join("|", e.catalogue(), e.category().name(), e.itemNo(), e.industryCode(), e.validFrom().toString());
    }

    long startImport(String actor, int rows) {
        return jdbc.sql("INSERT INTO ref_restricted_import (imported_by, row_count) VALUES (:a, :n) RETURNING id")
                .param("a", actor).param("n", rows).query(Long.class).single();
    }

    void finishImport(long id, int created, int updated, int unchanged) {
        jdbc.sql("UPDATE ref_restricted_import SET created = :c, updated = :u, unchanged = :n WHERE id = :id")
                .param("c", created).param("u", updated).param("n", unchanged).param("id", id).update();
    }

    /** The entries already held under these entries' keys, by {@link #key}. */
    Map<String, RestrictedEntry> existing(Collection<RestrictedEntry> entries) {
        Map<String, RestrictedEntry> out = new HashMap<>();
        if (entries.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + ENTRY + " FROM ref_restricted_entry r WHERE r.catalogue = ANY(:c) AND r.item_no = ANY(:i)")
                .param("c", entries.stream().map(RestrictedEntry::catalogue).distinct().toArray(String[]::new))
                .param("i", entries.stream().map(RestrictedEntry::itemNo).distinct().toArray(String[]::new))
                .query(rs -> {
                    RestrictedEntry e = entry(rs, 1);
                    out.put(key(e), e);
                });
        return out;
    }

    void upsert(RestrictedEntry e, long importId) {
        jdbc.sql("""
                        INSERT INTO ref_restricted_entry (catalogue, document, category, item_no, item, industry_code, products,
                                                          processes, valid_from, valid_to, import_id)
                        VALUES (:c, :d, :cat, :no, :item, :ind, :p, :pr, :f, :t, :imp)
                        ON CONFLICT (catalogue, category, item_no, industry_code, valid_from) DO UPDATE SET
                            document = excluded.document, item = excluded.item, products = excluded.products,
                            processes = excluded.processes, valid_to = excluded.valid_to, import_id = excluded.import_id""")
                .param("c", e.catalogue()).param("d", e.document()).param("cat", e.category().name())
                .param("no", e.itemNo()).param("item", e.item()).param("ind", e.industryCode())
                .param("p", e.products().toArray(String[]::new)).param("pr", e.processes().toArray(String[]::new))
                .param("f", e.validFrom()).param("t", e.validTo()).param("imp", importId).update();
    }

    /** In force on {@code date}, under {@code industryClass} or a code above it. */
    List<RestrictedEntry> inForce(String industryClass, LocalDate date) {
        if (industryClass == null || industryClass.isBlank()) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        for (int n = 1; n <= industryClass.length(); n++) {
            prefixes.add(industryClass.substring(0, n));
        }
        return jdbc.sql("SELECT " + ENTRY + """
                         FROM ref_restricted_entry r
                        WHERE r.industry_code = ANY(:codes) AND r.valid_from <= :d AND (r.valid_to IS NULL OR r.valid_to > :d)
                        ORDER BY r.category, r.industry_code, r.item_no""")
                .param("codes", prefixes.toArray(String[]::new)).param("d", date)
                .query(RestrictedListStore::entry).list();
    }

    /** A page of entries, newest start first, filtered by category, industry and the day they are in force on. */
    Page<RestrictedLists.Listed> page(RestrictedLists.Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> p = new HashMap<>();
        if (f.category() != null) {
            where.append(" AND r.category = :cat");
            p.put("cat", f.category().name());
        }
        if (f.industryCode() != null) {
            // the entries that concern this code: at it, above it (they cover it) or below it (they cover part of it)
            where.append(" AND (:ind LIKE r.industry_code || '%' OR r.industry_code LIKE :ind || '%')");
            p.put("ind", f.industryCode());
        }
        if (f.asOf() != null) {
            where.append(" AND r.valid_from <= :day AND (r.valid_to IS NULL OR r.valid_to > :day)");
            p.put("day", f.asOf());
        }
        long total = jdbc.sql("SELECT count(*) FROM ref_restricted_entry r" + where).params(p).query(Long.class).single();
        List<RestrictedLists.Listed> items = jdbc.sql("SELECT " + ENTRY + """
                        , r.id, r.import_id, i.imported_by, i.imported_at
                          FROM ref_restricted_entry r JOIN ref_restricted_import i ON i.id = r.import_id""" + where
                        + " ORDER BY r.valid_from DESC, r.category, r.catalogue, r.item_no, r.industry_code LIMIT :lim OFFSET :off")
                .params(p).param("lim", page.size()).param("off", page.offset())
                .query((rs, i) -> new RestrictedLists.Listed(rs.getLong(11), entry(rs, i), rs.getLong(12), rs.getString(13),
                        rs.getTimestamp(14).toInstant()))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static RestrictedEntry entry(ResultSet rs, int i) throws SQLException {
        return new RestrictedEntry(rs.getString(1), rs.getString(2), RestrictedCategory.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), strings(rs.getArray(7)), strings(rs.getArray(8)),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
