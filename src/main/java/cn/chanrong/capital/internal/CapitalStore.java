package cn.chanrong.capital.internal;

import cn.chanrong.capital.EquityDeals;
import cn.chanrong.capital.Investors;
import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of investors, needs and deals, every read scoped in SQL. Needs: the enterprise its own; a qualified investor the
 * open ones shown to all qualified investors or to it by name; every regulator where the enterprise is. Deals: the
 * investor, the enterprise, every regulator where the enterprise is.
 */
@Repository
class CapitalStore {

    static final ReadScope NEEDS = ReadScope.regulated().enterprise("n.enterprise_id")
            .institutionWhen("n.status = 'OPEN' AND (n.disclosure = 'ALL_QUALIFIED' OR :sc_inst = ANY (n.chosen))")
            .regionOfEnterprise("n.enterprise_id");
    static final ReadScope DEALS = ReadScope.regulated().institution("d.institution_id").enterprise("d.enterprise_id")
            .regionOfEnterprise("d.enterprise_id");

    private static final String NEED_COLUMNS = """
            SELECT n.id, n.number, n.enterprise_id, e.name, e.region_code, n.amount, n.pre_money, n.stage,
                   n.use_of_proceeds, n.disclosure, n.status, n.published_on
              FROM capital_need n JOIN enterprise_party_view e ON e.id = n.enterprise_id""";

    private static final String DEAL_COLUMNS = """
            SELECT d.id, d.number, d.institution_id, i.name, d.enterprise_id, e.name, d.need_id, d.roadshow_id, r.title,
                   d.round, d.stage, d.amount, d.share_percent, d.post_money, d.invested_on, d.reason, d.opened_on
              FROM capital_deal d JOIN institution_party_view i ON i.id = d.institution_id
              JOIN enterprise_party_view e ON e.id = d.enterprise_id
              LEFT JOIN (SELECT DISTINCT roadshow_id, title FROM roadshow_enterprise_view) r ON r.roadshow_id = d.roadshow_id""";

    private final JdbcClient jdbc;

    CapitalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Institution(long id, String name, String type) {
    }

    Optional<Institution> institution(long id) {
        return jdbc.sql("SELECT id, name, type FROM institution_party_view WHERE id = :id").param("id", id)
                .query((rs, i) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<Long> institutionByCode(String creditCode) {
        return jdbc.sql("SELECT id FROM institution_party_view WHERE credit_code = :c").param("c", creditCode)
                .query(Long.class).optional();
    }

    record Firm(long id, String name, String regionCode) {
    }

    Optional<Firm> enterprise(String creditCode) {
        return jdbc.sql("SELECT id, name, region_code FROM enterprise_party_view WHERE credit_code = :c").param("c", creditCode)
                .query((rs, i) -> new Firm(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Firm enterprise(long id) {
        return jdbc.sql("SELECT id, name, region_code FROM enterprise_party_view WHERE id = :id").param("id", id)
                .query((rs, i) -> new Firm(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    String creditCode(long enterpriseId) {
        return jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", enterpriseId)
                .query(String.class).single();
    }

    /** The latest roadshow that presented the enterprise. */
    Optional<Long> roadshowOf(long enterpriseId) {
        return jdbc.sql("SELECT roadshow_id FROM roadshow_enterprise_view WHERE enterprise_id = :e ORDER BY month DESC,"
                        + " roadshow_id DESC LIMIT 1").param("e", enterpriseId).query(Long.class).optional();
    }

    Set<String> chainTags(long enterpriseId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT tag FROM enterprise_chain_tag_view WHERE enterprise_id = :e ORDER BY tag")
                .param("e", enterpriseId).query(String.class).list());
    }

    boolean presented(long roadshowId, long enterpriseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM roadshow_enterprise_view WHERE roadshow_id = :r AND enterprise_id = :e)")
                .param("r", roadshowId).param("e", enterpriseId).query(Boolean.class).single();
    }

    // --- investors and mandates

    record InvestorRow(long institutionId, String name, String type, InvestorKind kind, String amac, LocalDate verifiedOn) {
    }

    private static final String INVESTOR_COLUMNS = """
            SELECT v.institution_id, i.name, i.type, v.kind, v.amac_number, v.verified_on
              FROM capital_investor v JOIN institution_party_view i ON i.id = v.institution_id""";

    private static InvestorRow investor(ResultSet rs, int n) throws SQLException {
        return new InvestorRow(rs.getLong(1), rs.getString(2), rs.getString(3), InvestorKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class));
    }

    Optional<InvestorRow> investor(long institutionId) {
        return jdbc.sql(INVESTOR_COLUMNS + " WHERE v.institution_id = :i").param("i", institutionId)
                .query(CapitalStore::investor).optional();
    }

    List<InvestorRow> investors() {
        return jdbc.sql(INVESTOR_COLUMNS + " ORDER BY i.name").query(CapitalStore::investor).list();
    }

    boolean insertInvestor(long institutionId, InvestorKind kind, String amac, String by) {
        return jdbc.sql("""
                        INSERT INTO capital_investor (institution_id, kind, amac_number, registered_by) VALUES (:i, :k, :a, :by)
                        ON CONFLICT (institution_id) DO NOTHING""")
                .param("i", institutionId).param("k", kind.name()).param("a", amac).param("by", by).update() == 1;
    }

    void verify(long institutionId, LocalDate on, String by) {
        jdbc.sql("UPDATE capital_investor SET verified_on = :on, verified_by = :by WHERE institution_id = :i")
                .param("on", on).param("by", by).param("i", institutionId).update();
    }

    long insertMandate(long institutionId, Investors.MandateDraft d, String by) {
        return jdbc.sql("""
                        INSERT INTO capital_mandate (institution_id, name, stages, chains, regions, min_ticket, max_ticket,
                            horizon_years, created_by)
                        VALUES (:i, :n, CAST(:s AS text[]), CAST(:c AS text[]), CAST(:r AS text[]), :min, :max, :h, :by)
                        RETURNING id""")
                .param("i", institutionId).param("n", d.name())
                .param("s", d.stages().stream().map(Enum::name).toArray(String[]::new))
                .param("c", d.chains().toArray(String[]::new)).param("r", d.regions().toArray(String[]::new))
                .param("min", d.minTicket()).param("max", d.maxTicket()).param("h", d.horizonYears()).param("by", by)
                .query(Long.class).single();
    }

    List<Investors.Mandate> mandates(long institutionId, boolean activeOnly) {
        return jdbc.sql("""
                        SELECT id, name, stages, chains, regions, min_ticket, max_ticket, horizon_years, active
                          FROM capital_mandate WHERE institution_id = :i""" + (activeOnly ? " AND active" : "") + " ORDER BY id")
                .param("i", institutionId)
                .query((rs, n) -> new Investors.Mandate(rs.getLong(1), rs.getString(2), texts(rs.getArray(3)).stream()
                        .map(InvestmentStage::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)),
                        texts(rs.getArray(4)), texts(rs.getArray(5)), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8),
                        rs.getBoolean(9)))
                .list();
    }

    private static Set<String> texts(java.sql.Array a) throws SQLException {
        return new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }

    // --- needs

    long insertNeed(long enterpriseId, EquityDeals.NeedDraft d, long[] chosen, LocalDate on, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_need_number')").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO capital_need (number, enterprise_id, amount, pre_money, stage, use_of_proceeds, disclosure,
                            chosen, published_on, created_by)
                        VALUES (:no, :e, :a, :pre, :s, :u, :d, CAST(:c AS bigint[]), :on, :by) RETURNING id""")
                .param("no", "EN" + on.getYear() + String.format("%06d", seq)).param("e", enterpriseId)
                .param("a", d.amount()).param("pre", d.preMoney()).param("s", d.stage().name()).param("u", d.useOfProceeds())
                .param("d", d.disclosure().name()).param("c", Arrays.stream(chosen).boxed().toArray(Long[]::new))
                .param("on", on).param("by", by).query(Long.class).single();
    }

    record NeedRow(long id, String number, long enterpriseId, String enterpriseName, String regionCode, BigDecimal amount,
                   BigDecimal preMoney, InvestmentStage stage, String use, EquityDeals.Disclosure disclosure,
                   cn.chanrong.capital.domain.NeedStatus status,
                   LocalDate publishedOn) {
    }

    private static NeedRow need(ResultSet rs, int n) throws SQLException {
        return new NeedRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), InvestmentStage.valueOf(rs.getString(8)), rs.getString(9),
                EquityDeals.Disclosure.valueOf(rs.getString(10)), cn.chanrong.capital.domain.NeedStatus.valueOf(rs.getString(11)),
                rs.getObject(12, LocalDate.class));
    }

    Page<NeedRow> needs(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = NEEDS.where(caller, p);
        List<NeedRow> items = jdbc.sql(NEED_COLUMNS + " WHERE " + w + " ORDER BY n.published_on DESC, n.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(CapitalStore::need).list();
        long total = jdbc.sql("SELECT count(*) FROM capital_need n WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<NeedRow> need(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(NEED_COLUMNS + " WHERE n.id = :id AND " + NEEDS.where(caller, p) + (lock ? " FOR UPDATE OF n" : ""))
                .params(p).param("id", id).query(CapitalStore::need).optional();
    }

    void needFunded(long needId) {
        jdbc.sql("UPDATE capital_need SET status = 'FUNDED' WHERE id = :id AND status = 'OPEN'").param("id", needId).update();
    }

    // --- deals

    long insertDeal(long institutionId, long enterpriseId, Long needId, Long roadshowId, String round, LocalDate on,
                    String by) {
        long seq = jdbc.sql("SELECT nextval('capital_deal_number')").query(Long.class).single();
        long id = jdbc.sql("""
                        INSERT INTO capital_deal (number, institution_id, enterprise_id, need_id, roadshow_id, round, stage,
                            opened_on, opened_by)
                        VALUES (:no, :i, :e, :n, :r, :round, 'INTEREST', :on, :by) RETURNING id""")
                .param("no", "EQ" + on.getYear() + String.format("%06d", seq)).param("i", institutionId)
                .param("e", enterpriseId).param("n", needId).param("r", roadshowId).param("round", round).param("on", on)
                .param("by", by).query(Long.class).single();
        event(id, null, DealStage.INTEREST, on, null, by);
        return id;
    }

    void moveDeal(long id, DealStage from, EquityDeals.Move m, LocalDate on, String by) {
        jdbc.sql("""
                        UPDATE capital_deal SET stage = :s, amount = coalesce(:a, amount), share_percent = coalesce(:sh, share_percent),
                               post_money = coalesce(:pm, post_money), invested_on = :inv, reason = :why
                         WHERE id = :id""")
                .param("s", m.stage().name()).param("a", m.amount()).param("sh", m.sharePercent()).param("pm", m.postMoney())
                .param("inv", m.stage() == DealStage.INVESTED ? m.investedOn() : null)
                .param("why", m.stage() == DealStage.DECLINED ? m.reason() : null).param("id", id).update();
        event(id, from, m.stage(), on, m.reason(), by);
    }

    private void event(long dealId, DealStage from, DealStage to, LocalDate on, String note, String by) {
        jdbc.sql("""
                        INSERT INTO capital_deal_event (deal_id, from_stage, to_stage, on_day, note, by_user)
                        VALUES (:d, :f, :t, :on, :n, :by)""")
                .param("d", dealId).param("f", from == null ? null : from.name()).param("t", to.name()).param("on", on)
                .param("n", note).param("by", by).update();
    }

    private EquityDeals.Deal deal(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new EquityDeals.Deal(id, rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class), rs.getString(9), rs.getString(10),
                DealStage.valueOf(rs.getString(11)), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                rs.getObject(15, LocalDate.class), rs.getString(16), rs.getObject(17, LocalDate.class), List.of());
    }

    Page<EquityDeals.Deal> deals(Caller caller, DealStage stage, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = DEALS.where(caller, p) + (stage == null ? "" : " AND d.stage = :st");
        if (stage != null) {
            p.put("st", stage.name());
        }
        List<EquityDeals.Deal> items = jdbc.sql(DEAL_COLUMNS + " WHERE " + w + " ORDER BY d.opened_on DESC, d.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> deal(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM capital_deal d WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    long inProgress(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_deal d WHERE d.stage NOT IN ('INVESTED', 'DECLINED') AND "
                + DEALS.where(caller, p)).params(p).query(Long.class).single();
    }

    Optional<EquityDeals.Deal> deal(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(DEAL_COLUMNS + " WHERE d.id = :id AND " + DEALS.where(caller, p) + (lock ? " FOR UPDATE OF d" : ""))
                .params(p).param("id", id).query((rs, n) -> deal(rs)).optional()
                .map(d -> new EquityDeals.Deal(d.id(), d.number(), d.institutionId(), d.investorName(), d.enterpriseId(),
                        d.enterpriseName(), d.needId(), d.roadshowId(), d.roadshowTitle(), d.round(), d.stage(), d.amount(),
                        d.sharePercent(), d.postMoney(), d.investedOn(), d.reason(), d.openedOn(), events(d.id())));
    }

    private List<EquityDeals.Event> events(long dealId) {
        return jdbc.sql("SELECT from_stage, to_stage, on_day, note, by_user FROM capital_deal_event WHERE deal_id = :d ORDER BY id")
                .param("d", dealId)
                .query((rs, n) -> new EquityDeals.Event(rs.getString(1) == null ? null : DealStage.valueOf(rs.getString(1)),
                        DealStage.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
