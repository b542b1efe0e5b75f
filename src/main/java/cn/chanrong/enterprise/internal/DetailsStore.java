package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.Qualification;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.QualificationType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for statements, qualifications, chain tags and supply links. Callers check visibility first. */
@Repository
class DetailsStore {

    private final JdbcClient jdbc;

    DetailsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AnnualStatement> statements(long enterpriseId, boolean publishedOnly) {
        return jdbc.sql("""
                        SELECT year, revenue, main_business_revenue, rd_expense, rd_staff, net_profit, total_assets,
                               total_liabilities, ip_class1, ip_class2, published
                        FROM enterprise_statement WHERE enterprise_id = :id AND (published OR NOT :po) ORDER BY year""")
                .param("id", enterpriseId).param("po", publishedOnly)
                .query((rs, i) -> new AnnualStatement(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getInt(9), rs.getInt(10), rs.getBoolean(11)))
                .list();
    }

    void upsertStatement(long enterpriseId, AnnualStatement s, String actor) {
        jdbc.sql("""
                        INSERT INTO enterprise_statement (enterprise_id, year, revenue, main_business_revenue, rd_expense,
                            rd_staff, net_profit, total_assets, total_liabilities, ip_class1, ip_class2, published, updated_by)
                        VALUES (:id, :y, :rev, :main, :rd, :rds, :np, :ta, :tl, :ip1, :ip2, :pub, :a)
                        ON CONFLICT (enterprise_id, year) DO UPDATE SET revenue = excluded.revenue,
                            main_business_revenue = excluded.main_business_revenue, rd_expense = excluded.rd_expense,
                            rd_staff = excluded.rd_staff, net_profit = excluded.net_profit,
                            total_assets = excluded.total_assets, total_liabilities = excluded.total_liabilities,
                            ip_class1 = excluded.ip_class1, ip_class2 = excluded.ip_class2,
                            published = excluded.published, updated_at = now(), updated_by = excluded.updated_by""")
                .param("id", enterpriseId).param("y", s.year()).param("rev", s.revenue())
                .param("main", s.mainBusinessRevenue()).param("rd", s.rdExpense()).param("rds", s.rdStaff())
                .param("np", s.netProfit()).param("ta", s.totalAssets()).param("tl", s.totalLiabilities())
                .param("ip1", s.ipClass1()).param("ip2", s.ipClass2()).param("pub", s.published()).param("a", actor)
                .update();
    }

    List<Qualification> qualifications(long enterpriseId) {
        return jdbc.sql("""
                        SELECT id, type, issuer, certificate, valid_from, valid_to, confirmed_by FROM enterprise_qualification
                        WHERE enterprise_id = :id ORDER BY valid_from, id""")
                .param("id", enterpriseId)
                .query((rs, i) -> new Qualification(rs.getLong(1), QualificationType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    boolean qualificationExists(long enterpriseId, QualificationType type, LocalDate validFrom) {
        return jdbc.sql("""
                        SELECT count(*) FROM enterprise_qualification
                        WHERE enterprise_id = :id AND type = :t AND valid_from = :f""")
                .param("id", enterpriseId).param("t", type.name()).param("f", validFrom)
                .query(Long.class).single() > 0;
    }

    long insertQualification(long enterpriseId, QualificationType type, String issuer, String certificate,
                             LocalDate from, LocalDate to, String actor) {
        return insertQualification(enterpriseId, type, issuer, certificate, from, to, actor, null);
    }

    /** {@code confirmedBy}: the regulator whose confirmation verifies it, null for a declaration. */
    long insertQualification(long enterpriseId, QualificationType type, String issuer, String certificate,
                             LocalDate from, LocalDate to, String actor, String confirmedBy) {
        return jdbc.sql("""
                        INSERT INTO enterprise_qualification (enterprise_id, type, issuer, certificate, valid_from, valid_to,
                                                              created_by, confirmed_by)
                        VALUES (:id, :t, :i, :c, :f, :to, :a, :cb) RETURNING id""")
                .param("id", enterpriseId).param("t", type.name()).param("i", issuer).param("c", certificate)
                .param("f", from).param("to", to).param("a", actor).param("cb", confirmedBy)
                .query(Long.class).single();
    }

    /** A regulator confirms a qualification already declared with the same start: it becomes verified. */
    java.util.Optional<Long> confirmDeclared(long enterpriseId, QualificationType type, LocalDate from, String issuer,
                                             String certificate, LocalDate to, String confirmedBy) {
        return jdbc.sql("""
                        UPDATE enterprise_qualification SET issuer = :i, certificate = coalesce(:c, certificate), valid_to = :to,
                               confirmed_by = :cb
                        WHERE enterprise_id = :id AND type = :t AND valid_from = :f RETURNING id""")
                .param("id", enterpriseId).param("t", type.name()).param("f", from).param("i", issuer)
                .param("c", certificate).param("to", to).param("cb", confirmedBy)
                .query(Long.class).optional();
    }

    boolean deleteQualification(long enterpriseId, long qualificationId) {
        return jdbc.sql("DELETE FROM enterprise_qualification WHERE id = :q AND enterprise_id = :id")
                .param("q", qualificationId).param("id", enterpriseId).update() == 1;
    }

    /** Chain tags of many enterprises, by enterprise. */
    java.util.Map<Long, Set<String>> chainTags(java.util.Collection<Long> ids) {
        java.util.Map<Long, Set<String>> out = new java.util.HashMap<>();
        jdbc.sql("SELECT enterprise_id, tag FROM enterprise_chain_tag WHERE enterprise_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                });
        return out;
    }

    Set<ChainTag> chainTags(long enterpriseId) {
        Set<ChainTag> tags = EnumSet.noneOf(ChainTag.class);
        jdbc.sql("SELECT tag FROM enterprise_chain_tag WHERE enterprise_id = :id").param("id", enterpriseId)
                .query(String.class).list().forEach(t -> ChainTag.parse(t).ifPresent(tags::add));
        return tags;
    }

    void replaceChainTags(long enterpriseId, Set<ChainTag> tags) {
        jdbc.sql("DELETE FROM enterprise_chain_tag WHERE enterprise_id = :id").param("id", enterpriseId).update();
        for (ChainTag t : tags) {
            jdbc.sql("INSERT INTO enterprise_chain_tag (enterprise_id, tag) VALUES (:id, :t)")
                    .param("id", enterpriseId).param("t", t.name()).update();
        }
    }

    List<SupplyLink> supplyLinks(long enterpriseId) {
        return jdbc.sql("""
                        SELECT c.id, c.credit_code, c.name, 'CUSTOMER', r.annual_volume
                        FROM enterprise_relationship r JOIN enterprise c ON c.id = r.customer_id WHERE r.supplier_id = :id
                        UNION ALL
                        SELECT s.id, s.credit_code, s.name, 'SUPPLIER', r.annual_volume
                        FROM enterprise_relationship r JOIN enterprise s ON s.id = r.supplier_id WHERE r.customer_id = :id
                        ORDER BY 4, 5 DESC""")
                .param("id", enterpriseId)
                .query((rs, i) -> new SupplyLink(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SupplyLink.Role.valueOf(rs.getString(4)), rs.getBigDecimal(5)))
                .list();
    }

    cn.chanrong.enterprise.Affiliation affiliation(long enterpriseId) {
        var head = jdbc.sql("""
                        SELECT g.code, g.name, e.actual_controller FROM enterprise e LEFT JOIN enterprise_group g ON g.id = e.group_id
                        WHERE e.id = :id""")
                .param("id", enterpriseId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        var related = jdbc.sql("""
                        SELECT o.id, o.credit_code, o.name, r.relation FROM enterprise_related_party r
                        JOIN enterprise o ON o.id = r.related_enterprise_id WHERE r.enterprise_id = :id ORDER BY r.relation, o.id""")
                .param("id", enterpriseId)
                .query((rs, i) -> new cn.chanrong.enterprise.Affiliation.RelatedParty(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
        return new cn.chanrong.enterprise.Affiliation(head[0], head[1], head[2], related);
    }

    Optional<long[]> idByCreditCode(String creditCode) {
        return jdbc.sql("SELECT id FROM enterprise WHERE credit_code = :c").param("c", creditCode)
                .query((rs, i) -> new long[] {rs.getLong(1)}).optional();
    }

    void upsertSupplyLink(long supplierId, long customerId, BigDecimal volume, String actor) {
        jdbc.sql("""
                        INSERT INTO enterprise_relationship (supplier_id, customer_id, annual_volume, declared_by)
                        VALUES (:s, :c, :v, :a)
                        ON CONFLICT (supplier_id, customer_id) DO UPDATE SET annual_volume = excluded.annual_volume,
                            declared_by = excluded.declared_by""")
                .param("s", supplierId).param("c", customerId).param("v", volume).param("a", actor).update();
    }
}
