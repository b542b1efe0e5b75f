package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.Vouchers.Event;
import cn.chanrong.scf.Vouchers.Filter;
import cn.chanrong.scf.Vouchers.Imbalance;
import cn.chanrong.scf.Vouchers.Node;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.Vouchers.Tree;
import cn.chanrong.scf.Vouchers.Voucher;
import cn.chanrong.scf.domain.PenetrationTree;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads vouchers, parts and events as the caller may see them, and the penetration tree. */
@Component
class VoucherReads {

    static final Set<String> STATUSES = Set.of("ISSUED", "SETTLED", "OVERDUE");

    private final JdbcClient jdbc;

    VoucherReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VOUCHER = """
            SELECT v.id, v.number, v.issuer_id, i.name AS issuer_name, v.supplier_id, s.name AS supplier_name,
                   v.face_value, v.issued_on, v.maturity, v.over_default, v.trade_background, v.status, v.paid,
                   v.settled_on,
                   (SELECT coalesce(sum(p.amount), 0) FROM scf_voucher_part p
                     WHERE p.voucher_id = v.id AND p.status IN ('LIVE', 'DISCOUNTED')) AS outstanding
              FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id JOIN enterprise_party_view s ON s.id = v.supplier_id""";

    private static final String PART = """
            SELECT p.id, p.voucher_id, v.number, p.parent_id, p.tier, p.holder_id, h.name AS holder_name, p.amount,
                   p.status, p.funder_id, f.name AS funder_name, p.loan_id, p.discount_rate, p.discount_interest,
                   p.discounted_on, p.paid, p.shortfall, v.maturity, p.recourse
              FROM scf_voucher_part p JOIN scf_voucher v ON v.id = p.voucher_id
              JOIN enterprise_party_view h ON h.id = p.holder_id LEFT JOIN institution_party_view f ON f.id = p.funder_id""";

    static Voucher voucher(ResultSet rs, int i) throws SQLException {
        return new Voucher(rs.getLong("id"), rs.getString("number"), rs.getLong("issuer_id"), rs.getString("issuer_name"),
                rs.getLong("supplier_id"), rs.getString("supplier_name"), rs.getBigDecimal("face_value"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("maturity", LocalDate.class),
                rs.getBoolean("over_default"), rs.getString("trade_background"), rs.getString("status"),
                rs.getBigDecimal("paid"), rs.getObject("settled_on", LocalDate.class),
                rs.getBigDecimal("outstanding").setScale(2));
    }

    static Part part(ResultSet rs, int i) throws SQLException {
        return new Part(rs.getLong("id"), rs.getLong("voucher_id"), rs.getString("number"),
                rs.getObject("parent_id", Long.class), rs.getInt("tier"), rs.getLong("holder_id"),
                rs.getString("holder_name"), rs.getBigDecimal("amount"), rs.getString("status"),
                rs.getObject("funder_id", Long.class), rs.getString("funder_name"), rs.getObject("loan_id", Long.class),
                rs.getBigDecimal("discount_rate"), rs.getBigDecimal("discount_interest"),
                rs.getObject("discounted_on", LocalDate.class), rs.getBigDecimal("paid"), rs.getBigDecimal("shortfall"),
                rs.getObject("maturity", LocalDate.class), rs.getObject("recourse", Boolean.class));
    }

    static Event event(ResultSet rs, int i) throws SQLException {
        return new Event(rs.getLong("id"), rs.getObject("part_id", Long.class), rs.getString("kind"),
                rs.getBigDecimal("amount"), rs.getObject("from_enterprise_id", Long.class),
                rs.getObject("to_enterprise_id", Long.class), rs.getObject("to_institution_id", Long.class),
                rs.getString("trade_background"), rs.getString("detail"), rs.getObject("loan_id", Long.class),
                rs.getObject("entry_id", Long.class), rs.getString("actor"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    /** The condition on {@code v} (a voucher joined to its issuer {@code i}) that limits rows to what the caller may see. */
    static final ReadScope SCOPE = ReadScope.regulated().enterprise("v.issuer_id")
            .enterpriseWhen("EXISTS (SELECT 1 FROM scf_voucher_part x WHERE x.voucher_id = v.id AND x.holder_id = :sc_ent)")
            .institutionWhen("EXISTS (SELECT 1 FROM scf_voucher_part x WHERE x.voucher_id = v.id"
                    + " AND x.funder_id = :sc_inst)");

    static String visibleTo(Caller c, Map<String, Object> params) {
        return SCOPE.where(c, params);
    }

    boolean visible(Caller caller, long voucherId) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql("SELECT count(*) FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id WHERE v.id = :id AND "
                + where).params(p).param("id", voucherId).query(Long.class).single() > 0;
    }

    /** The voucher regardless of who asks (commands check rights themselves). */
    Optional<Voucher> voucher(long id) {
        return jdbc.sql(VOUCHER + " WHERE v.id = :id").param("id", id).query(VoucherReads::voucher).optional();
    }

    Voucher visibleVoucher(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql(VOUCHER + " WHERE v.id = :id AND " + where).params(p).param("id", id)
                .query(VoucherReads::voucher).optional().orElseThrow(() -> Rejected.notFound("voucher", id));
    }

    Optional<Part> part(long id) {
        return jdbc.sql(PART + " WHERE p.id = :id").param("id", id).query(VoucherReads::part).optional();
    }

    List<Part> parts(long voucherId) {
        return jdbc.sql(PART + " WHERE p.voucher_id = :v ORDER BY p.id").param("v", voucherId)
                .query(VoucherReads::part).list();
    }

    List<Event> events(long voucherId) {
        return jdbc.sql("SELECT * FROM scf_voucher_event WHERE voucher_id = :v ORDER BY id").param("v", voucherId)
                .query(VoucherReads::event).list();
    }

    List<Long> receivables(long voucherId) {
        return jdbc.sql("SELECT receivable_id FROM scf_voucher_receivable WHERE voucher_id = :v ORDER BY receivable_id")
                .param("v", voucherId).query(Long.class).list();
    }

    Page<Voucher> search(Caller caller, Filter filter, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(caller, p));
        if (filter != null && filter.status() != null && !filter.status().isBlank()) {
            String status = filter.status().strip();
            if (!STATUSES.contains(status)) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, "[ISSUED, SETTLED, OVERDUE]"));
            }
            where.append(" AND v.status = :status");
            p.put("status", status);
        }
        if (filter != null && filter.relation() != null && !filter.relation().isBlank()) {
            p.put("v_ent", caller.enterpriseId() == null ? -1L : caller.enterpriseId());
            switch (filter.relation().strip()) {
                case "ISSUED" -> where.append(" AND v.issuer_id = :v_ent");
                case "HELD" -> where.append(" AND EXISTS (SELECT 1 FROM scf_voucher_part y WHERE y.voucher_id = v.id"
                        + " AND y.holder_id = :v_ent)");
                default -> throw Rejected.invalid(Rejection.of("enum", "relation", filter.relation(), "[ISSUED, HELD]"));
            }
        }
        List<Voucher> items = jdbc.sql(VOUCHER + " WHERE " + where + " ORDER BY v.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(VoucherReads::voucher).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id WHERE " + where)
                .params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Page<Part> held(Caller caller, boolean liveOnly, PageRequest page) {
        long me = caller.enterpriseId() == null ? -1L : caller.enterpriseId();
        String where = " WHERE p.holder_id = :me" + (liveOnly ? " AND p.status = 'LIVE'" : "");
        List<Part> items = jdbc.sql(PART + where + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset").param("me", me)
                .param("limit", page.size()).param("offset", page.offset()).query(VoucherReads::part).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_voucher_part p" + where).param("me", me).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The penetration tree of a voucher, with what {@link PenetrationTree#check} finds wrong (nothing, normally). */
    Tree tree(Voucher v) {
        List<Part> parts = parts(v.id());
        Map<String, Part> byId = new LinkedHashMap<>();
        parts.forEach(p -> byId.put(String.valueOf(p.id()), p));
        PenetrationTree.Built built = PenetrationTree.build(parts.stream().map(p -> new PenetrationTree.Part(
                String.valueOf(p.id()), p.parentId() == null ? null : String.valueOf(p.parentId()), p.holderName(),
                fen(p.amount()), PenetrationTree.Status.valueOf(p.status()), p.tier())).toList());
        if (built.root() == null) {
            return new Tree(v.id(), v.number(), v.faceValue(), null, Map.of(),
                    built.rejections().stream().map(Rejection::code).toList());
        }
        List<String> problems = PenetrationTree.check(built.root(), fen(v.faceValue())).stream().map(Rejection::code)
                .toList();
        Map<Integer, BigDecimal> byTier = new LinkedHashMap<>();
        built.root().outstandingByTier().forEach((tier, amount) -> byTier.put(tier, yuan(amount)));
        return new Tree(v.id(), v.number(), v.faceValue(), node(built.root(), byId), byTier, problems);
    }

    private static Node node(PenetrationTree.Node n, Map<String, Part> byId) {
        Part p = byId.get(n.part().id());
        return new Node(p.id(), p.parentId(), p.tier(), p.holderId(), p.holderName(), p.amount(), p.status(),
                p.funderId(), p.funderName(), n.children().stream().map(c -> node(c, byId)).toList());
    }

    /**
     * Vouchers whose leaves do not sum to the face value: for an unsettled voucher its LIVE and
     * DISCOUNTED parts, for a settled or overdue one those and its SETTLED parts.
     */
    List<Imbalance> conservation(Long voucherId) {
        return jdbc.sql("""
                        SELECT v.id, v.number, v.face_value,
                               coalesce(sum(p.amount) FILTER (WHERE p.status IN ('LIVE', 'DISCOUNTED')
                                   OR (p.status = 'SETTLED' AND v.status <> 'ISSUED')), 0) AS leaf_sum
                          FROM scf_voucher v LEFT JOIN scf_voucher_part p ON p.voucher_id = v.id
                         WHERE CAST(:id AS BIGINT) IS NULL OR v.id = :id
                         GROUP BY v.id
                        HAVING v.face_value <> coalesce(sum(p.amount) FILTER (WHERE p.status IN ('LIVE', 'DISCOUNTED')
                                   OR (p.status = 'SETTLED' AND v.status <> 'ISSUED')), 0)
                         ORDER BY v.id""")
                .param("id", voucherId, java.sql.Types.BIGINT)
                .query((rs, i) -> new Imbalance(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4).setScale(2)))
                .list();
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static boolean enterpriseRole(Caller c) {
        return c.is(Role.ENTERPRISE) && c.enterpriseId() != null;
    }
}
