package cn.chanrong.registry.internal;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.registry.CollateralRegistry.Ranking;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.registry.domain.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What covers an asset: the active filings of other secured parties — the platform's and the imported
 * national-registry filings — on the same grantor and asset class, by identifier or by blanket scope,
 * and where an interest ranks among them ({@link Priority}).
 */
@Component
class JdbcCoverage {

    private static final String PLATFORM_COLUMNS = """
            f.number, coalesce(i.added_seq, f.seq) AS seq, f.secured_party, f.collateral_type, f.registered_at,
            f.registered_on, f.purchase_money, f.delivered_on""";

    private final JdbcClient jdbc;
    private final BusinessDate businessDate;

    JdbcCoverage(JdbcClient jdbc, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.businessDate = businessDate;
    }

    /** Every active filing by another party than {@code securedParty} that covers the request, platform's first. */
    List<Conflict> covering(long securedParty, FilingRequest.Normalised n) {
        String[] types = Arrays.stream(CollateralType.values())
                .filter(t -> t.assetClass().equals(n.type().assetClass())).map(Enum::name).toArray(String[]::new);
        List<Conflict> out = new ArrayList<>();
        // an active blanket filing on the asset class, or any filing when this request is itself blanket
        jdbc.sql("SELECT " + PLATFORM_COLUMNS.replace("coalesce(i.added_seq, f.seq)", "f.seq") + """
                         FROM registry_filing f
                        WHERE f.grantor = :g AND f.status = 'ACTIVE' AND f.expires_on >= :today AND f.secured_party <> :p
                          AND f.collateral_type = ANY(:types) AND (f.blanket_scope IS NOT NULL OR :blanket)
                        ORDER BY f.seq""")
                .param("g", n.grantor()).param("today", businessDate.today()).param("p", securedParty)
                .param("types", types).param("blanket", n.blanketScope() != null)
                .query((rs, i) -> out.add(platform(rs, Conflict.BLANKET, null)))
                .list();
        if (!n.identifiers().isEmpty()) {
            jdbc.sql("SELECT " + PLATFORM_COLUMNS + ", i.identifier" + """
                             FROM registry_identifier i JOIN registry_filing f ON f.id = i.filing_id
                            WHERE i.identifier = ANY(:ids) AND i.removed_by IS NULL AND f.grantor = :g AND f.status = 'ACTIVE'
                              AND f.expires_on >= :today AND f.secured_party <> :p AND f.collateral_type = ANY(:types)
                              AND f.blanket_scope IS NULL
                            ORDER BY f.seq, i.identifier""")
                    .param("ids", n.identifiers().toArray(String[]::new)).param("g", n.grantor())
                    .param("today", businessDate.today()).param("p", securedParty).param("types", types)
                    .query((rs, i) -> out.add(platform(rs, Conflict.IDENTIFIER, rs.getString("identifier"))))
                    .list();
        }
        out.addAll(external(securedParty, n, types));
        return List.copyOf(out);
    }

    private static Conflict platform(ResultSet rs, String reason, String identifier) throws SQLException {
        return new Conflict(rs.getString("number"), rs.getLong("seq"), rs.getLong("secured_party"),
                rs.getString("collateral_type"), reason, identifier, false, null,
                rs.getTimestamp("registered_at").toInstant(), rs.getObject("registered_on", LocalDate.class),
                rs.getBoolean("purchase_money"), rs.getObject("delivered_on", LocalDate.class), null, true);
    }

    /** National-registry filings (imported) by other parties that cover the request. */
    private List<Conflict> external(long securedParty, FilingRequest.Normalised n, String[] types) {
        List<Conflict> out = new ArrayList<>();
        String notOurs = " AND x.secured_party_name <> coalesce((SELECT name FROM institution_party_view WHERE id = :p), '')";
        jdbc.sql("""
                        SELECT x.number, x.collateral_type, x.secured_party_name, x.registered_at FROM registry_external_filing x
                        WHERE x.grantor = :g AND x.expires_on >= :today AND x.collateral_type = ANY(:types)
                          AND (x.blanket_scope IS NOT NULL OR :blanket)""" + notOurs + " ORDER BY x.registered_at")
                .param("g", n.grantor()).param("today", businessDate.today()).param("types", types)
                .param("blanket", n.blanketScope() != null).param("p", securedParty)
                .query((rs, i) -> out.add(external(rs, Conflict.BLANKET, null)))
                .list();
        if (!n.identifiers().isEmpty()) {
            jdbc.sql("""
                            SELECT x.number, x.collateral_type, x.secured_party_name, x.registered_at, i.identifier
                            FROM registry_external_identifier i JOIN registry_external_filing x ON x.id = i.filing_id
                            WHERE i.identifier = ANY(:ids) AND x.grantor = :g AND x.expires_on >= :today
                              AND x.collateral_type = ANY(:types) AND x.blanket_scope IS NULL""" + notOurs
                            + " ORDER BY x.registered_at, i.identifier")
                    .param("ids", n.identifiers().toArray(String[]::new)).param("g", n.grantor())
                    .param("today", businessDate.today()).param("types", types).param("p", securedParty)
                    .query((rs, i) -> out.add(external(rs, Conflict.IDENTIFIER, rs.getString("identifier"))))
                    .list();
        }
        return out;
    }

    private static Conflict external(ResultSet rs, String reason, String identifier) throws SQLException {
        Instant at = rs.getTimestamp("registered_at").toInstant();
        return new Conflict(rs.getString("number"), 0, 0, rs.getString("collateral_type"), reason, identifier, true,
                rs.getString("secured_party_name"), at, LocalDate.ofInstant(at, BusinessDate.ZONE), false, null, null, true);
    }

    /** Where {@code mine} ranks among {@code covering}, each filing once (a filing may cover several identifiers). */
    static Ranking rank(Priority.Interest mine, List<Conflict> covering) {
        List<Conflict> once = new ArrayList<>();
        List<Priority.Interest> interests = new ArrayList<>();
        for (Conflict c : covering) {
            if (once.stream().noneMatch(o -> o.number().equals(c.number()))) {
                once.add(c);
                interests.add(interest(c));
            }
        }
        Priority.Ranking r = Priority.rank(mine, interests);
        List<Conflict> ahead = r.ahead().stream().map(a -> {
            Conflict c = once.get(interests.indexOf(a.interest()));
            return c.ranked(a.rule().name(), !Priority.buyerTakesFree(a.interest()));
        }).toList();
        return new Ranking(r.position(), ahead, List.copyOf(covering));
    }

    static Priority.Interest interest(Conflict c) {
        return new Priority.Interest(c.number(), c.registeredOn(), c.registeredAt(), c.seq(),
                CollateralType.parse(c.collateralType()).orElseThrow(), c.purchaseMoney(), c.deliveredOn());
    }
}
