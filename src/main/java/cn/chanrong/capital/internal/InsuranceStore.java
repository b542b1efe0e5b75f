package cn.chanrong.capital.internal;

import cn.chanrong.capital.Insurance;
import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.capital.domain.PremiumSubsidy;
import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the schemes, the catalogue, policies and subsidy claims; reads scoped in SQL. */
@Repository
class InsuranceStore {

    static final ReadScope POLICIES = ReadScope.regulated().institution("p.institution_id").enterprise("p.enterprise_id")
            .regionOfEnterprise("p.enterprise_id");

    private static final String POLICY_COLUMNS = """
            SELECT p.id, p.number, p.institution_id, i.name, p.enterprise_id, e.name, p.scheme, c.edition, c.code, c.product,
                   p.insured_object, p.sum_insured, p.premium_rate, p.premium, p.start_on, p.end_on,
                   s.id, s.number, s.amount, s.status, s.claimed_on, s.confirmed_on, s.paid_on, s.refused_reason
              FROM capital_insurance_policy p JOIN institution_party_view i ON i.id = p.institution_id
              JOIN enterprise_party_view e ON e.id = p.enterprise_id
              JOIN capital_catalogue_item c ON c.id = p.item_id
              LEFT JOIN capital_subsidy_claim s ON s.policy_id = p.id""";

    private final JdbcClient jdbc;

    InsuranceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The terms of a scheme in force on a day for a maker of the province: the province's own scheme (首版次 schemes are
     * provincial) before the central one.
     */
    Optional<PremiumSubsidy.Terms> terms(InsuranceScheme scheme, LocalDate on, String province) {
        return jdbc.sql("""
                        SELECT premium_rate_cap, subsidy_percent, max_years FROM capital_insurance_scheme
                         WHERE scheme = :s AND (region_code IS NULL OR region_code = :p) AND effective_from <= :on
                           AND (effective_to IS NULL OR effective_to > :on)
                         ORDER BY region_code NULLS LAST, effective_from DESC LIMIT 1""")
                .param("s", scheme.name()).param("on", on).param("p", province)
                .query((rs, n) -> new PremiumSubsidy.Terms(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3)))
                .optional();
    }

    private static Insurance.CatalogueItem item(ResultSet rs, int n) throws SQLException {
        return new Insurance.CatalogueItem(rs.getLong(1), InsuranceScheme.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class));
    }

    private static final String ITEM_COLUMNS = """
            SELECT id, scheme, edition, code, product, manufacturer, valid_from, valid_to FROM capital_catalogue_item""";

    boolean insertItem(Insurance.CatalogueDraft d, String by) {
        return jdbc.sql("""
                        INSERT INTO capital_catalogue_item (scheme, edition, code, product, manufacturer, valid_from, valid_to,
                            imported_by)
                        VALUES (:s, :ed, :c, :p, :m, :f, :t, :by) ON CONFLICT (scheme, edition, code) DO NOTHING""")
                .param("s", d.scheme().name()).param("ed", d.edition()).param("c", d.code()).param("p", d.product())
                .param("m", d.manufacturer()).param("f", d.validFrom()).param("t", d.validTo()).param("by", by)
                .update() == 1;
    }

    Insurance.CatalogueItem item(InsuranceScheme scheme, String edition, String code) {
        return jdbc.sql(ITEM_COLUMNS + " WHERE scheme = :s AND edition = :ed AND code = :c").param("s", scheme.name())
                .param("ed", edition).param("c", code).query(InsuranceStore::item).single();
    }

    /** The entry of that code valid on the day (the latest edition first). */
    Optional<Insurance.CatalogueItem> itemOn(InsuranceScheme scheme, String code, LocalDate on) {
        return jdbc.sql(ITEM_COLUMNS + " " + """
                         WHERE scheme = :s AND code = :c AND valid_from <= :on AND (valid_to IS NULL OR valid_to > :on)
                         ORDER BY valid_from DESC LIMIT 1""")
                .param("s", scheme.name()).param("c", code).param("on", on).query(InsuranceStore::item).optional();
    }

    List<Insurance.CatalogueItem> catalogue(InsuranceScheme scheme, LocalDate on) {
        return jdbc.sql(ITEM_COLUMNS + " " + """
                         WHERE (CAST(:s AS text) IS NULL OR scheme = :s) AND valid_from <= :on
                           AND (valid_to IS NULL OR valid_to > :on) ORDER BY scheme, edition, code""")
                .param("s", scheme == null ? null : scheme.name()).param("on", on).query(InsuranceStore::item).list();
    }

    /** An institution (type) or an enterprise (its province code in {@code type}). */
    record Party(long id, String name, String type, String creditCode) {
    }

    Party institution(long id) {
        return jdbc.sql("SELECT id, name, type, credit_code FROM institution_party_view WHERE id = :id").param("id", id)
                .query((rs, n) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
    }

    Optional<Party> enterprise(String creditCode) {
        return jdbc.sql("SELECT id, name, substr(region_code, 1, 2) || '0000', credit_code FROM enterprise_party_view"
                        + " WHERE credit_code = :c")
                .param("c", creditCode)
                .query((rs, n) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    long insertPolicy(long insurerId, long insuredId, InsuranceScheme scheme, long itemId, String object, BigDecimal sum,
                      BigDecimal rate, BigDecimal premium, LocalDate start, LocalDate end, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_insurance_policy_number')").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO capital_insurance_policy (number, institution_id, enterprise_id, scheme, item_id,
                            insured_object, sum_insured, premium_rate, premium, start_on, end_on, issued_by)
                        VALUES (:no, :i, :e, :s, :item, :o, :sum, :rate, :pr, :start, :end, :by) RETURNING id""")
                .param("no", "PI" + start.getYear() + String.format("%06d", seq)).param("i", insurerId).param("e", insuredId)
                .param("s", scheme.name()).param("item", itemId).param("o", object).param("sum", sum).param("rate", rate)
                .param("pr", premium).param("start", start).param("end", end).param("by", by).query(Long.class).single();
    }

    private static Insurance.Policy policy(ResultSet rs, int n) throws SQLException {
        Long claim = rs.getObject(17, Long.class);
        var c = claim == null ? null : new Insurance.SubsidyClaim(claim, rs.getString(18), rs.getLong(1), rs.getBigDecimal(19),
                SubsidyClaimStatus.valueOf(rs.getString(20)), rs.getObject(21, LocalDate.class),
                rs.getObject(22, LocalDate.class), rs.getObject(23, LocalDate.class), rs.getString(24));
        return new Insurance.Policy(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), InsuranceScheme.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13).stripTrailingZeros(),
                rs.getBigDecimal(14), rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), c);
    }

    Page<Insurance.Policy> policies(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = POLICIES.where(caller, p);
        List<Insurance.Policy> items = jdbc.sql(POLICY_COLUMNS + " WHERE " + w + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(InsuranceStore::policy).list();
        long total = jdbc.sql("SELECT count(*) FROM capital_insurance_policy p WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Insurance.Policy> policy(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(POLICY_COLUMNS + " WHERE p.id = :id AND " + POLICIES.where(caller, p) + (lock ? " FOR UPDATE OF p" : ""))
                .params(p).param("id", id).query(InsuranceStore::policy).optional();
    }

    String provinceOf(long enterpriseId) {
        return jdbc.sql("SELECT substr(region_code, 1, 2) || '0000' FROM enterprise_party_view WHERE id = :id")
                .param("id", enterpriseId).query(String.class).single();
    }

    /** The first start and the last end of cover. */
    record Span(LocalDate firstStart, LocalDate lastEnd) {
    }

    /**
     * The span of the maker's subsidised cover of the policy's product — the same scheme and catalogue code, whatever the
     * edition — with this policy counted in; the maker's policies on the product are locked first, so that two claims
     * made at once cannot both pass.
     */
    Span subsidisedSpan(long policyId) {
        String same = """
                FROM capital_insurance_policy q JOIN capital_catalogue_item qc ON qc.id = q.item_id,
                     capital_insurance_policy p JOIN capital_catalogue_item pc ON pc.id = p.item_id
                WHERE p.id = :id AND q.enterprise_id = p.enterprise_id AND q.scheme = p.scheme AND qc.code = pc.code""";
        jdbc.sql("SELECT q.id " + same + " FOR UPDATE OF q").param("id", policyId).query(Long.class).list();
        return jdbc.sql("SELECT min(q.start_on), max(q.end_on) " + same + " " + """
                         AND (q.id = p.id OR EXISTS (SELECT 1 FROM capital_subsidy_claim s WHERE s.policy_id = q.id
                                                       AND s.status <> 'REFUSED'))""")
                .param("id", policyId)
                .query((rs, n) -> new Span(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class))).single();
    }

    long insertClaim(long policyId, BigDecimal amount, LocalDate on, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_subsidy_claim_number')").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO capital_subsidy_claim (number, policy_id, amount, status, claimed_on, claimed_by)
                        VALUES (:no, :p, :a, 'CLAIMED', :on, :by) ON CONFLICT (policy_id) DO NOTHING RETURNING id""")
                .param("no", "BT" + on.getYear() + String.format("%06d", seq)).param("p", policyId).param("a", amount)
                .param("on", on).param("by", by).query(Long.class).optional().orElse(-1L);
    }

    /** The policy a claim belongs to. */
    Optional<Long> policyOfClaim(long claimId) {
        return jdbc.sql("SELECT policy_id FROM capital_subsidy_claim WHERE id = :id").param("id", claimId)
                .query(Long.class).optional();
    }

    void moveClaim(long claimId, SubsidyClaimStatus to, LocalDate on, String by, String reason) {
        jdbc.sql("""
                        UPDATE capital_subsidy_claim
                           SET status = :s,
                               confirmed_on = CASE WHEN :s = 'CONFIRMED' THEN CAST(:on AS date) ELSE confirmed_on END,
                               confirmed_by = CASE WHEN :s = 'CONFIRMED' THEN :by ELSE confirmed_by END,
                               paid_on = CASE WHEN :s = 'PAID' THEN CAST(:on AS date) ELSE paid_on END,
                               paid_by = CASE WHEN :s = 'PAID' THEN :by ELSE paid_by END,
                               refused_reason = CASE WHEN :s = 'REFUSED' THEN :why ELSE refused_reason END
                         WHERE id = :id""")
                .param("s", to.name()).param("on", on).param("by", by).param("why", reason).param("id", claimId).update();
    }

    // --- claims on product failure

    private static final String LOSS_COLUMNS = """
            SELECT id, number, policy_id, occurred_on, description, claimed, status, paid, reason, reported_on, decided_on
              FROM capital_loss_claim""";

    private static Insurance.LossClaim loss(ResultSet rs, int n) throws SQLException {
        return new Insurance.LossClaim(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getBigDecimal(6), Insurance.LossStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class));
    }

    List<Insurance.LossClaim> losses(long policyId) {
        return jdbc.sql(LOSS_COLUMNS + " WHERE policy_id = :p ORDER BY id").param("p", policyId)
                .query(InsuranceStore::loss).list();
    }

    Optional<Insurance.LossClaim> loss(long id) {
        return jdbc.sql(LOSS_COLUMNS + " WHERE id = :id").param("id", id).query(InsuranceStore::loss).optional();
    }

    /** What the claims not declined already take of the sum insured (paid, or claimed while still open). */
    BigDecimal lossesTaken(long policyId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN status = 'PAID' THEN paid ELSE claimed END), 0) FROM capital_loss_claim
                         WHERE policy_id = :p AND status <> 'DECLINED'""")
                .param("p", policyId).query(BigDecimal.class).single();
    }

    long insertLoss(long policyId, Insurance.LossReport r, LocalDate on, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_loss_claim_number')").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO capital_loss_claim (number, policy_id, occurred_on, description, claimed, status,
                            reported_on, reported_by)
                        VALUES (:no, :p, :occ, :d, :a, 'REPORTED', :on, :by) RETURNING id""")
                .param("no", "LC" + on.getYear() + String.format("%06d", seq)).param("p", policyId)
                .param("occ", r.occurredOn()).param("d", r.description()).param("a", r.amount()).param("on", on)
                .param("by", by).query(Long.class).single();
    }

    boolean decideLoss(long id, Insurance.LossStatus to, BigDecimal paid, String reason, LocalDate on, String by) {
        return jdbc.sql("""
                        UPDATE capital_loss_claim SET status = :s, paid = :paid, reason = :why, decided_on = :on, decided_by = :by
                         WHERE id = :id AND status = 'REPORTED'""")
                .param("s", to.name()).param("paid", paid).param("why", reason).param("on", on).param("by", by)
                .param("id", id).update() == 1;
    }

    // --- work-queue counts, scoped as the policies are

    /** Policies in scope without a subsidy claim yet (the maker's to file). */
    long unclaimed(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_insurance_policy p WHERE NOT EXISTS (SELECT 1 FROM capital_subsidy_claim s"
                + " WHERE s.policy_id = p.id) AND " + POLICIES.where(caller, p)).params(p).query(Long.class).single();
    }

    /** Subsidy claims in scope at a status (the industry department's to confirm, the finance department's to pay). */
    long claims(Caller caller, SubsidyClaimStatus status) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_insurance_policy p JOIN capital_subsidy_claim s ON s.policy_id = p.id"
                + " WHERE s.status = :st AND " + POLICIES.where(caller, p)).params(p).param("st", status.name())
                .query(Long.class).single();
    }

    /** Failures reported and not yet settled on the policies in scope. */
    long lossesOpen(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_insurance_policy p JOIN capital_loss_claim l ON l.policy_id = p.id"
                + " WHERE l.status = 'REPORTED' AND " + POLICIES.where(caller, p)).params(p).query(Long.class).single();
    }
}
