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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private final ModelStore store;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ConcurrentHashMap<Long, Scorecard> cards = new ConcurrentHashMap<>();

    ModelRegistry(ModelStore store, JsonMapper json, AuditTrail audit) {
        this.store = store;
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    Model register(String segment, String role, Scorecard card, Object validation, String trainedBy) {
        int version = store.nextVersion(NAME);
        long id = store.insert(NAME, segment, version, role, json.writeValueAsString(ScorecardDocument.of(card)),
                json.writeValueAsString(validation), trainedBy);
        audit.record(AuditEvent.success(trainedBy, "credit.model.register", "credit_model", id, NAME + " v" + version + " " + segment));
        return model(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Model> list(Caller caller) {
        requireReader(caller);
        return store.list();
    }

    @Override
    @Transactional(readOnly = true)
    public ModelDetail get(Caller caller, long id) {
        requireReader(caller);
        return store.detail(model(id));
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
        store.approve(id, caller.username(), effectiveFrom);
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
        store.reject(id);
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
            Optional<Model> m = store.champion(key, date);
            if (m.isPresent()) {
                return Optional.of(new Live(m.get(), card(m.get().id())));
            }
        }
        return Optional.empty();
    }

    Scorecard card(long id) {
        return cards.computeIfAbsent(id, k -> json.readValue(store.document(k), ScorecardDocument.class).toScorecard());
    }

    Model model(long id) {
        return store.find(id).orElseThrow(() -> Rejected.notFound("credit model", id));
    }

    long count() {
        return store.count();
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
}
