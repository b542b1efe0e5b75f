package cn.chanrong.credit.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;

import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.decision.DecisionPolicy;
import cn.chanrong.credit.decision.Reason;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stored decisions: the terms, every input and fact, the model, the outcome and its reasons, and any override. */
@Repository
class DecisionStore {

    private static final String SELECT = """
            SELECT d.id, d.enterprise_id, e.name, d.institution_id, d.model_id, m.name, m.version, m.segment, d.terms::text,
                   d.score, d.pd, d.grade, d.recommended_limit, d.outcome, d.reasons::text, d.inputs::text, d.decided_by,
                   d.decided_at, d.override_outcome, d.override_reason, d.overridden_by, d.overridden_at
              FROM credit_decision d JOIN enterprise_party_view e ON e.id = d.enterprise_id JOIN credit_model m ON m.id = d.model_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DecisionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long enterpriseId, Long institutionId, DecisionService.Evaluation e, Terms terms, String by) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("asOf", e.inputs().asOf().toString());
        inputs.put("values", InputsService.finite(e.inputs().values()));
        inputs.put("facts", e.facts());
        inputs.put("status", e.status());
        inputs.put("bins", e.result().bins());
        inputs.put("points", e.result().points());
        return jdbc.sql("""
                        INSERT INTO credit_decision (enterprise_id, institution_id, model_id, terms, inputs, score, pd, grade,
                                                     recommended_limit, outcome, reasons, decided_by)
                        VALUES (:e, :i, :m, CAST(:t AS jsonb), CAST(:in AS jsonb), :s, :pd, :g, :l, :o, CAST(:r AS jsonb), :by)
                        RETURNING id""")
                .param("e", enterpriseId).param("i", institutionId).param("m", e.model().model().id())
                .param("t", json.writeValueAsString(terms)).param("in", json.writeValueAsString(inputs))
                .param("s", e.result().score()).param("pd", BigDecimal.valueOf(e.result().probabilityOfDefault()).setScale(6,
                        java.math.RoundingMode.HALF_UP))
                .param("g", e.decision().grade().code()).param("l", e.decision().recommendedLimit())
                .param("o", e.decision().outcome().name()).param("r", json.writeValueAsString(e.decision().reasons()))
                .param("by", by).query(Long.class).single();
    }

    CreditDecisions.Decision get(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> Rejected.notFound("credit decision", id));
    }

    /**
     * Who may read a decision and its consented inputs: the institution that asked, the enterprise
     * it is about, the financial regulators where that enterprise is registered.
     */
    static final ReadScope SCOPE = ReadScope.customerData().institution("d.institution_id").enterprise("d.enterprise_id");

    /** The decision if the caller may see it. */
    java.util.Optional<CreditDecisions.Decision> find(Caller caller, long id) {
        Map<String, Object> p = new java.util.HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql(SELECT + " WHERE d.id = :id AND " + where).params(p).param("id", id).query(this::map).optional();
    }

    /** Newest first, of what the caller may see, optionally limited to one enterprise's decisions. */
    Page<CreditDecisions.Decision> list(Caller caller, Long enterprise, PageRequest page) {
        Map<String, Object> p = new java.util.HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(SCOPE.where(caller, p));
        if (enterprise != null) {
            where.append(" AND d.enterprise_id = :e");
            p.put("e", enterprise);
        }
        long total = jdbc.sql("SELECT count(*) FROM credit_decision d" + where).params(p).query(Long.class).single();
        List<CreditDecisions.Decision> items = jdbc.sql(SELECT + where + " ORDER BY d.id DESC LIMIT :l OFFSET :o")
                .params(p).param("l", page.size()).param("o", page.offset()).query(this::map).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    void override(long id, String outcome, String reason, String by) {
        jdbc.sql("""
                        UPDATE credit_decision SET override_outcome = :o, override_reason = :r, overridden_by = :by,
                                                   overridden_at = now() WHERE id = :id AND override_outcome IS NULL""")
                .param("o", outcome).param("r", reason).param("by", by).param("id", id).update();
    }

    DecisionPolicy.Facts facts(long id) {
        String inputs = jdbc.sql("SELECT inputs::text FROM credit_decision WHERE id = :id").param("id", id).query(String.class).single();
        JsonNode facts = json.readTree(inputs).get("facts");
        return json.treeToValue(facts, DecisionPolicy.Facts.class);
    }

    private CreditDecisions.Decision map(ResultSet rs, int i) throws SQLException {
        Terms terms = json.readValue(rs.getString(9), Terms.class);
        List<Reason> reasons = json.readValue(rs.getString(15), new TypeReference<List<Reason>>() { });
        Map<String, Object> inputs = json.readValue(rs.getString(16), new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) inputs.get("values");
        String grade = rs.getString(12);
        int spread = cn.chanrong.credit.decision.RatingScale.GRADES.stream().filter(g -> g.code().equals(grade)).findFirst()
                .map(cn.chanrong.credit.decision.RatingScale.Grade::spreadBps).orElse(0);
        CreditDecisions.OfficerOverride override = rs.getString(19) == null ? null : new CreditDecisions.OfficerOverride(rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getTimestamp(22).toInstant());
        String method = reasons.stream().anyMatch(r -> r.code().equals("limit.working-capital")) ? "WORKING_CAPITAL_ESTIMATE"
                : "CASH_FLOW_CAPACITY";
        return new CreditDecisions.Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), terms, rs.getInt(10), rs.getBigDecimal(11).doubleValue(), grade, spread,
                rs.getBigDecimal(13), method, rs.getString(14), reasons, values, rs.getString(17), rs.getTimestamp(18).toInstant(),
                override);
    }
}
