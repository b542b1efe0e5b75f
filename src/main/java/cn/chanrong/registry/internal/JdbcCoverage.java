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

    private final JdbcClient jdbc;
    private final BusinessDate businessDate;

    JdbcCoverage(JdbcClient jdbc, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.businessDate = businessDate;
    }

    /**
     * Every active filing by another party than {@code securedParty} that covers the request, platform's first:
     * one query, four parts — the platform's blanket filings on the asset class (any filing when the request is
     * itself blanket) and its filings naming one of the identifiers, then the same among the imported
     * national-registry filings — each part in its own order (registration sequence, resp. time, then identifier).
     */
    List<Conflict> covering(long securedParty, FilingRequest.Normalised n) {
        String[] types = Arrays.stream(CollateralType.values())
                .filter(t -> t.assetClass().equals(n.type().assetClass())).map(Enum::name).toArray(String[]::new);
        String[] ids = n.identifiers().toArray(String[]::new);
        List<Conflict> out = new ArrayList<>();
        jdbc.sql("""
                        SELECT 1 AS part, f.seq AS ord, f.number, f.seq AS seq, f.secured_party, NULL AS secured_party_name, f.collateral_type,
                               f.registered_at, f.registered_on, f.purchase_money, f.delivered_on, NULL AS identifier
                          FROM registry_filing f
                         WHERE f.grantor = :g AND f.status = 'ACTIVE' AND f.expires_on >= :today AND f.secured_party <> :p
                           AND f.collateral_type = ANY(:types) AND (f.blanket_scope IS NOT NULL OR :blanket)
                        UNION ALL
                        SELECT 2, f.seq, f.number, coalesce(i.added_seq, f.seq), f.secured_party, NULL, f.collateral_type,
                               f.registered_at, f.registered_on, f.purchase_money, f.delivered_on, i.identifier
                          FROM registry_identifier i JOIN registry_filing f ON f.id = i.filing_id
                         WHERE i.identifier = ANY(:ids) AND i.removed_by IS NULL AND f.grantor = :g AND f.status = 'ACTIVE'
                           AND f.expires_on >= :today AND f.secured_party <> :p AND f.collateral_type = ANY(:types)
                           AND f.blanket_scope IS NULL
                        UNION ALL
                        SELECT 3, 0, x.number, 0, 0, x.secured_party_name, x.collateral_type, x.registered_at, NULL, false, NULL, NULL
                          FROM registry_external_filing x
                         WHERE x.grantor = :g AND x.expires_on >= :today AND x.collateral_type = ANY(:types)
                           AND (x.blanket_scope IS NOT NULL OR :blanket) AND x.secured_party_name <> coalesce(
                             (SELECT name FROM institution_party_view WHERE id = :p), '')
                        UNION ALL
                        SELECT 4, 0, x.number, 0, 0, x.secured_party_name, x.collateral_type, x.registered_at, NULL, false, NULL,
                               i.identifier
                          FROM registry_external_identifier i JOIN registry_external_filing x ON x.id = i.filing_id
                         WHERE i.identifier = ANY(:ids) AND x.grantor = :g AND x.expires_on >= :today
                           AND x.collateral_type = ANY(:types) AND x.blanket_scope IS NULL AND x.secured_party_name <> coalesce(
                             (SELECT name FROM institution_party_view WHERE id = :p), '')
                        ORDER BY part, ord, registered_at, identifier""")
                .param("g", n.grantor()).param("today", businessDate.today()).param("p", securedParty)
                .param("types", types).param("blanket", n.blanketScope() != null).param("ids", ids)
                .query((rs, i) -> out.add(switch (rs.getInt("part")) {
                    case 1 -> platform(rs, Conflict.BLANKET, null);
                    case 2 -> platform(rs, Conflict.IDENTIFIER, rs.getString("identifier"));
                    case 3 -> external(rs, Conflict.BLANKET, null);
                    default -> external(rs, Conflict.IDENTIFIER, rs.getString("identifier"));
                }))
                .list();
        return List.copyOf(out);
    }

    private static Conflict platform(ResultSet rs, String reason, String identifier) throws SQLException {
        return new Conflict(rs.getString("number"), rs.getLong("seq"), rs.getLong("secured_party"),
                rs.getString("collateral_type"), reason, identifier, false, null,
                rs.getTimestamp("registered_at").toInstant(), rs.getObject("registered_on", LocalDate.class),
                rs.getBoolean("purchase_money"), rs.getObject("delivered_on", LocalDate.class), null, true);
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
