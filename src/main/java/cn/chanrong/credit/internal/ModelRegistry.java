package cn.chanrong.credit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.CreditModels;
import cn.chanrong.credit.decision.Segments;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.credit.scorecard.ScorecardDocument;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned scorecards in PostgreSQL. Registering makes a PENDING model; a different person approves it
 * (the database refuses the trainer approving their own model) and it takes effect from a date. Parsed
 * scorecards are cached by id: a stored model never changes.
 */
@Service
class ModelRegistry implements CreditModels {

    static final String NAME = "data-credit";

    /** A live model for scoring: its row and its scorecard. */
    record Live(Model model, Scorecard card) {
    }

    private static final String SELECT = """
            SELECT id, name, segment, version, role, status, effective_from, trained_by, trained_at, approved_by, approved_at
              FROM credit_model""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ConcurrentHashMap<Long, Scorecard> cards = new ConcurrentHashMap<>();

    ModelRegistry(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    Model register(String segment, String role, Scorecard card, Object validation, String trainedBy) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM credit_model WHERE name = :n")
                .param("n", NAME).query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO credit_model (name, segment, version, role, document, validation, trained_by)
                        VALUES (:n, :s, :v, :r, CAST(:d AS jsonb), CAST(:val AS jsonb), :by) RETURNING id""")
                .param("n", NAME).param("s", segment).param("v", version).param("r", role)
                .param("d", json.writeValueAsString(ScorecardDocument.of(card)))
                .param("val", json.writeValueAsString(validation)).param("by", trainedBy).query(Long.class).single();
        audit.record(AuditEvent.success(trainedBy, "credit.model.register", "credit_model", id, NAME + " v" + version + " " + segment));
        return model(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Model> list(Caller caller) {
        requireReader(caller);
        return jdbc.sql(SELECT + " ORDER BY version DESC").query(ModelRegistry::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ModelDetail get(Caller caller, long id) {
        requireReader(caller);
        Model m = model(id);
        return jdbc.sql("SELECT document::text, validation::text FROM credit_model WHERE id = :id").param("id", id)
                .query((rs, i) -> new ModelDetail(m, rs.getString(1), rs.getString(2))).single();
    }

    @Override
    @Transactional
    public Model approve(Caller caller, long id, LocalDate effectiveFrom) {
        requireApprover(caller);
        Model m = model(id);
        if (!"PENDING".equals(m.status())) {
            throw Rejected.conflict(Rejection.of("credit.model.state", null, String.valueOf(id), m.status()));
        }
        if (m.trainedBy().equals(caller.username())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.model.four-eyes", null, m.trainedBy()));
        }
        if (effectiveFrom == null) {
            throw Rejected.invalid(Rejection.of("required", "effectiveFrom"));
        }
        jdbc.sql("""
                        UPDATE credit_model SET status = 'APPROVED', approved_by = :by, approved_at = now(), effective_from = :f
                         WHERE id = :id AND status = 'PENDING'""")
                .param("by", caller.username()).param("f", effectiveFrom).param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "credit.model.approve", "credit_model", id, "effective " + effectiveFrom));
        return model(id);
    }

    @Override
    @Transactional
    public Model reject(Caller caller, long id, String reason) {
        requireApprover(caller);
        Model m = model(id);
        if (!"PENDING".equals(m.status())) {
            throw Rejected.conflict(Rejection.of("credit.model.state", null, String.valueOf(id), m.status()));
        }
        jdbc.sql("UPDATE credit_model SET status = 'REJECTED' WHERE id = :id").param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "credit.model.reject", "credit_model", id, reason == null ? "" : reason));
        return model(id);
    }

    /** The approved champion for an enterprise: its industry segment and growth stage, with the fallbacks. */
    @Transactional(readOnly = true)
    Optional<Live> championFor(cn.chanrong.enterprise.EnterpriseFacts facts, LocalDate date) {
        return champion(Segments.of(facts.industryCode()), facts.growthStage(), date);
    }

    /** The approved champion for a segment (then its parent, then ALL) in force on {@code date}. */
    private Optional<Live> champion(String segment, String stage, LocalDate date) {
        for (String key : new String[] {segment + " / " + stage, segment, Segments.ALL}) {
            Optional<Model> m = jdbc.sql(SELECT + " " + """
                             WHERE segment = :s AND role = 'CHAMPION' AND status = 'APPROVED' AND effective_from <= :d
                             ORDER BY effective_from DESC, version DESC LIMIT 1""")
                    .param("s", key).param("d", date).query(ModelRegistry::map).optional();
            if (m.isPresent()) {
                return Optional.of(new Live(m.get(), card(m.get().id())));
            }
        }
        return Optional.empty();
    }

    Scorecard card(long id) {
        return cards.computeIfAbsent(id, k -> json.readValue(jdbc.sql("SELECT document::text FROM credit_model WHERE id = :id")
                .param("id", k).query(String.class).single(), ScorecardDocument.class).toScorecard());
    }

    Model model(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ModelRegistry::map).optional()
                .orElseThrow(() -> Rejected.notFound("credit model", id));
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM credit_model").query(Long.class).single();
    }

    private static void requireReader(Caller caller) {
        if (!(caller.isAdmin() || caller.is(Role.REGULATOR) || caller.is(Role.INSTITUTION))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
    }

    private static void requireApprover(Caller caller) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.model.approver-only", null));
        }
    }

    private static Model map(ResultSet rs, int i) throws SQLException {
        return new Model(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }
}
