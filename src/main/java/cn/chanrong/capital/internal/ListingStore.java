package cn.chanrong.capital.internal;

import cn.chanrong.capital.Listings;
import cn.chanrong.capital.domain.HardTech;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
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

/**
 * SQL of the hard-tech criteria, evaluations and the cultivation pipeline, every read scoped in SQL: evaluations to the
 * enterprise and the regulators where it is; entries also to qualified (verified) investors.
 */
@Repository
class ListingStore {

    static final ReadScope EVALUATIONS = ReadScope.regulated().enterprise("v.enterprise_id")
            .regionOfEnterprise("v.enterprise_id");
    static final ReadScope ENTRIES = ReadScope.regulated().enterprise("l.enterprise_id")
            .institutionWhen("EXISTS (SELECT 1 FROM capital_investor q WHERE q.institution_id = :sc_inst"
                    + " AND q.verified_on IS NOT NULL)")
            .regionOfEnterprise("l.enterprise_id");

    private static final String EVALUATION_COLUMNS = """
            SELECT v.id, v.number, v.enterprise_id, e.name, e.credit_code, v.board, v.as_of, v.first_year, v.last_year, v.revenue_first,
                   v.revenue_last, v.revenue_3y, v.rd_3y, v.rd_staff, v.employees, v.invention_patents, v.industry_code,
                   v.outcome, v.exception_code, v.exception_document
              FROM capital_evaluation v JOIN enterprise_party_view e ON e.id = v.enterprise_id""";

    private static final String ENTRY_COLUMNS = """
            SELECT l.id, l.enterprise_id, e.name, e.credit_code, e.region_code,
                   ARRAY(SELECT t.tag FROM enterprise_chain_tag_view t WHERE t.enterprise_id = l.enterprise_id ORDER BY t.tag),
                   l.board, l.stage, l.status_basis, v.number, v.outcome, l.entered_on, l.stage_on
              FROM capital_listing_entry l JOIN enterprise_party_view e ON e.id = l.enterprise_id
              JOIN capital_evaluation v ON v.id = l.evaluation_id""";

    private final JdbcClient jdbc;

    ListingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- criteria

    List<Listings.Rule> rules(ListingBoard board, LocalDate on) {
        return jdbc.sql("""
                        SELECT board, criterion, metric, threshold, only_industry, except_industry, effective_from,
                               effective_to, source
                          FROM capital_hardtech_criterion
                         WHERE board = :b AND effective_from <= :on AND (effective_to IS NULL OR effective_to > :on)
                         ORDER BY id""")
                .param("b", board.name()).param("on", on)
                .query((rs, n) -> new Listings.Rule(ListingBoard.valueOf(rs.getString(1)),
                        HardTech.Criterion.valueOf(rs.getString(2)), HardTech.Metric.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4).stripTrailingZeros(), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9)))
                .list();
    }

    List<Listings.ExceptionRule> exceptions(ListingBoard board, LocalDate on, boolean english) {
        return jdbc.sql("""
                        SELECT board, code, CASE WHEN :en THEN name_en ELSE name_zh END, effective_from, effective_to, source
                          FROM capital_hardtech_exception
                         WHERE board = :b AND effective_from <= :on AND (effective_to IS NULL OR effective_to > :on)
                         ORDER BY id""")
                .param("b", board.name()).param("on", on).param("en", english)
                .query((rs, n) -> new Listings.ExceptionRule(ListingBoard.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getString(6)))
                .list();
    }

    // --- the enterprise's figures

    record Firm(long id, String name, String regionCode, String industryCode, int employees) {
    }

    Optional<Firm> firm(String creditCode) {
        return jdbc.sql("SELECT id, name, region_code, industry_code, employees FROM enterprise_party_view WHERE credit_code = :c")
                .param("c", creditCode).query(ListingStore::firm).optional();
    }

    Firm firm(long id) {
        return jdbc.sql("SELECT id, name, region_code, industry_code, employees FROM enterprise_party_view WHERE id = :id")
                .param("id", id).query(ListingStore::firm).single();
    }

    private static Firm firm(ResultSet rs, int n) throws SQLException {
        return new Firm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    record YearRow(int year, BigDecimal revenue, BigDecimal rd, int rdStaff) {
    }

    /** The enterprise's statements of the years from {@code first} to {@code last}, oldest first. */
    List<YearRow> statements(long enterpriseId, int first, int last) {
        return jdbc.sql("""
                        SELECT year, revenue, rd_expense, rd_staff FROM enterprise_statement_view
                         WHERE enterprise_id = :e AND year BETWEEN :f AND :l ORDER BY year""")
                .param("e", enterpriseId).param("f", first).param("l", last)
                .query((rs, n) -> new YearRow(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)))
                .list();
    }

    // --- evaluations

    long insertEvaluation(long enterpriseId, ListingBoard board, LocalDate asOf, HardTech.Figures f,
                          HardTech.Result result, String exception, String document, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_evaluation_number')").query(Long.class).single();
        long id = jdbc.sql("""
                        INSERT INTO capital_evaluation (number, enterprise_id, board, as_of, first_year, last_year,
                            revenue_first, revenue_last, revenue_3y, rd_3y, rd_staff, employees, invention_patents,
                            industry_code, outcome, exception_code, exception_document, evaluated_by)
                        VALUES (:no, :e, :b, :on, :fy, :ly, :rf, :rl, :r3, :rd3, :staff, :emp, :pat, :ind, :out, :ex, :doc, :by)
                        RETURNING id""")
                .param("no", "HT" + asOf.getYear() + String.format("%06d", seq)).param("e", enterpriseId)
                .param("b", board.name()).param("on", asOf).param("fy", f.years().getFirst().year())
                .param("ly", f.years().getLast().year()).param("rf", f.years().getFirst().revenue())
                .param("rl", f.years().getLast().revenue()).param("r3", f.revenue3y()).param("rd3", f.rd3y())
                .param("staff", f.rdStaff()).param("emp", f.employees()).param("pat", f.inventionPatents())
                .param("ind", f.industryCode()).param("out", result.outcome().name()).param("ex", exception)
                .param("doc", document).param("by", by).query(Long.class).single();
        int position = 0;
        for (HardTech.Line l : result.lines()) {
            jdbc.sql("""
                            INSERT INTO capital_evaluation_line (evaluation_id, position, criterion, metric, value, threshold,
                                met, source)
                            VALUES (:v, :p, :c, :m, :val, :t, :met, :src)""")
                    .param("v", id).param("p", position++).param("c", l.criterion().name()).param("m", l.metric().name())
                    .param("val", l.value()).param("t", l.threshold()).param("met", l.met()).param("src", l.source())
                    .update();
        }
        return id;
    }

    private static Listings.Evaluation evaluation(ResultSet rs, int n) throws SQLException {
        return new Listings.Evaluation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                ListingBoard.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getInt(9),
                rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getInt(14),
                rs.getInt(15), rs.getInt(16), rs.getString(17), HardTech.Outcome.valueOf(rs.getString(18)),
                rs.getString(19), rs.getString(20), List.of());
    }

    Page<Listings.Evaluation> evaluations(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = EVALUATIONS.where(caller, p);
        List<Listings.Evaluation> items = jdbc.sql(EVALUATION_COLUMNS + " WHERE " + w + " ORDER BY v.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(ListingStore::evaluation).list();
        long total = jdbc.sql("SELECT count(*) FROM capital_evaluation v WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Listings.Evaluation> evaluation(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(EVALUATION_COLUMNS + " WHERE v.id = :id AND " + EVALUATIONS.where(caller, p)).params(p)
                .param("id", id).query(ListingStore::evaluation).optional().map(this::withLines);
    }

    /** An evaluation of the enterprise by its number or id, unscoped (the caller's right to the enterprise is checked). */
    Optional<Listings.Evaluation> evaluationOf(long enterpriseId, String numberOrId) {
        return jdbc.sql(EVALUATION_COLUMNS + " WHERE v.enterprise_id = :e AND (v.number = :k OR CAST(v.id AS TEXT) = :k)")
                .param("e", enterpriseId).param("k", numberOrId).query(ListingStore::evaluation).optional();
    }

    private Listings.Evaluation withLines(Listings.Evaluation v) {
        List<HardTech.Line> lines = jdbc.sql("""
                        SELECT criterion, metric, value, threshold, met, source FROM capital_evaluation_line
                         WHERE evaluation_id = :v ORDER BY position""")
                .param("v", v.id())
                .query((rs, n) -> new HardTech.Line(HardTech.Criterion.valueOf(rs.getString(1)),
                        HardTech.Metric.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getBoolean(5), rs.getString(6)))
                .list();
        return new Listings.Evaluation(v.id(), v.number(), v.enterpriseId(), v.enterpriseName(), v.creditCode(), v.board(),
                v.asOf(),
                v.firstYear(), v.lastYear(), v.revenueFirst(), v.revenueLast(), v.revenue3y(), v.rd3y(), v.rdStaff(),
                v.employees(), v.inventionPatents(), v.industryCode(), v.outcome(), v.exception(), v.exceptionDocument(),
                lines);
    }

    // --- the pipeline

    /** The enterprise's live entry (not withdrawn), if any. */
    Optional<Long> liveEntry(long enterpriseId) {
        return jdbc.sql("SELECT id FROM capital_listing_entry WHERE enterprise_id = :e AND stage <> 'WITHDRAWN'")
                .param("e", enterpriseId).query(Long.class).optional();
    }

    long insertEntry(long enterpriseId, ListingBoard board, long evaluationId, String basis, LocalDate on, String by) {
        long id = jdbc.sql("""
                        INSERT INTO capital_listing_entry (enterprise_id, board, stage, evaluation_id, status_basis,
                            entered_on, stage_on, entered_by)
                        VALUES (:e, :b, 'CULTIVATION', :v, :basis, :on, :on, :by) RETURNING id""")
                .param("e", enterpriseId).param("b", board.name()).param("v", evaluationId).param("basis", basis)
                .param("on", on).param("by", by).query(Long.class).single();
        event(id, null, ListingStage.CULTIVATION, on, null, by);
        return id;
    }

    void moveEntry(long id, ListingStage from, ListingStage to, LocalDate on, String note, String by) {
        jdbc.sql("UPDATE capital_listing_entry SET stage = :s, stage_on = :on WHERE id = :id")
                .param("s", to.name()).param("on", on).param("id", id).update();
        event(id, from, to, on, note, by);
    }

    private void event(long entryId, ListingStage from, ListingStage to, LocalDate on, String note, String by) {
        jdbc.sql("""
                        INSERT INTO capital_listing_event (entry_id, from_stage, to_stage, on_day, note, by_user)
                        VALUES (:l, :f, :t, :on, :n, :by)""")
                .param("l", entryId).param("f", from == null ? null : from.name()).param("t", to.name()).param("on", on)
                .param("n", note).param("by", by).update();
    }

    private static Listings.Entry entry(ResultSet rs, int n) throws SQLException {
        String[] chains = (String[]) rs.getArray(6).getArray();
        return new Listings.Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                List.of(chains), ListingBoard.valueOf(rs.getString(7)), ListingStage.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), HardTech.Outcome.valueOf(rs.getString(11)),
                rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), List.of());
    }

    private static String filter(Listings.Filter f, Map<String, Object> p) {
        StringBuilder w = new StringBuilder();
        if (f.stage() != null) {
            w.append(" AND l.stage = :st");
            p.put("st", f.stage().name());
        }
        if (f.board() != null) {
            w.append(" AND l.board = :bd");
            p.put("bd", f.board().name());
        }
        if (f.region() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM enterprise_party_view r WHERE r.id = l.enterprise_id"
                    + " AND r.region_code LIKE :rg)");
            p.put("rg", f.region() + "%");
        }
        if (f.chain() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM enterprise_chain_tag_view c WHERE c.enterprise_id = l.enterprise_id"
                    + " AND c.tag = :ch)");
            p.put("ch", f.chain());
        }
        return w.toString();
    }

    Page<Listings.Entry> entries(Caller caller, Listings.Filter f, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = ENTRIES.where(caller, p) + filter(f, p);
        List<Listings.Entry> items = jdbc.sql(ENTRY_COLUMNS + " WHERE " + w
                        + " ORDER BY array_position(ARRAY['FILING', 'COUNSELLING', 'CULTIVATION', 'LISTED', 'WITHDRAWN'], l.stage),"
                        + " l.stage_on DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(ListingStore::entry).list();
        long total = jdbc.sql("SELECT count(*) FROM capital_listing_entry l WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static final String TALLY = """
            count(*) FILTER (WHERE l.stage = 'CULTIVATION'), count(*) FILTER (WHERE l.stage = 'COUNSELLING'),
            count(*) FILTER (WHERE l.stage = 'FILING'), count(*) FILTER (WHERE l.stage = 'LISTED'),
            count(*) FILTER (WHERE l.stage = 'WITHDRAWN')""";

    private static Listings.Tally tally(ResultSet rs, int n) throws SQLException {
        return new Listings.Tally(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }

    /** The entries in scope and filter by the enterprise's province. */
    List<Listings.Tally> byProvince(Caller caller, Listings.Filter f) {
        Map<String, Object> p = new HashMap<>();
        String w = ENTRIES.where(caller, p) + filter(f, p);
        return jdbc.sql("SELECT substr(e.region_code, 1, 2) || '0000', " + TALLY + """
                         FROM capital_listing_entry l JOIN enterprise_party_view e ON e.id = l.enterprise_id
                        WHERE """ + " " + w + " GROUP BY 1 ORDER BY 1")
                .params(p).query(ListingStore::tally).list();
    }

    /** The entries in scope and filter by the enterprise's chain tags (an enterprise on two chains counts on each). */
    List<Listings.Tally> byChain(Caller caller, Listings.Filter f) {
        Map<String, Object> p = new HashMap<>();
        String w = ENTRIES.where(caller, p) + filter(f, p);
        return jdbc.sql("SELECT c.tag, " + TALLY + """
                         FROM capital_listing_entry l JOIN enterprise_chain_tag_view c ON c.enterprise_id = l.enterprise_id
                        WHERE """ + " " + w + " GROUP BY 1 ORDER BY 1")
                .params(p).query(ListingStore::tally).list();
    }

    Optional<Listings.Entry> entry(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(ENTRY_COLUMNS + " WHERE l.id = :id AND " + ENTRIES.where(caller, p) + (lock ? " FOR UPDATE OF l" : ""))
                .params(p).param("id", id).query(ListingStore::entry).optional().map(this::withEvents);
    }

    private Listings.Entry withEvents(Listings.Entry e) {
        List<Listings.Event> events = jdbc.sql("""
                        SELECT from_stage, to_stage, on_day, note, by_user FROM capital_listing_event
                         WHERE entry_id = :l ORDER BY id""")
                .param("l", e.id())
                .query((rs, n) -> new Listings.Event(rs.getString(1) == null ? null : ListingStage.valueOf(rs.getString(1)),
                        ListingStage.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5)))
                .list();
        return new Listings.Entry(e.id(), e.enterpriseId(), e.enterpriseName(), e.creditCode(), e.regionCode(), e.chains(),
                e.board(), e.stage(), e.statusBasis(), e.evaluationNumber(), e.evaluationOutcome(), e.enteredOn(),
                e.stageOn(), events);
    }

    String creditCode(long enterpriseId) {
        return jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", enterpriseId)
                .query(String.class).single();
    }
}
