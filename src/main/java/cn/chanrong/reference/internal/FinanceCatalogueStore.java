package cn.chanrong.reference.internal;

import cn.chanrong.reference.FinanceCatalogues;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the green and transition catalogues: editions and their items. */
@Repository
class FinanceCatalogueStore {

    private final JdbcClient jdbc;

    FinanceCatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FinanceCatalogues.Edition> editions() {
        return jdbc.sql("""
                        SELECT edition, kind, name_zh, name_en, document, valid_from, valid_to FROM ref_finance_catalogue
                         ORDER BY kind, valid_from, edition""")
                .query((rs, i) -> new FinanceCatalogues.Edition(rs.getString(1), FinanceCatalogues.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class)))
                .list();
    }

    /** Every item of every edition, in edition and code order (codes compared part by part). */
    List<FinanceCatalogues.Item> items() {
        return jdbc.sql("""
                        SELECT edition, code, level, parent_code, name_zh, name_en, industry_code
                          FROM ref_finance_catalogue_item ORDER BY edition, string_to_array(code, '.')::int[]""")
                .query((rs, i) -> new FinanceCatalogues.Item(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Writes an item: 1 when it was new, 0 when it replaced one with the same code. */
    int upsert(FinanceCatalogues.Item item) {
        return jdbc.sql("""
                        INSERT INTO ref_finance_catalogue_item (edition, code, level, parent_code, name_zh, name_en, industry_code)
                        VALUES (:e, :c, :l, :p, :zh, :en, :ind)
                        ON CONFLICT (edition, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                               industry_code = EXCLUDED.industry_code
                        RETURNING (xmax = 0)::int""")
                .param("e", item.edition()).param("c", item.code()).param("l", item.level()).param("p", item.parentCode())
                .param("zh", item.nameZh()).param("en", item.nameEn()).param("ind", item.industryCode())
                .query(Integer.class).single();
    }
}
