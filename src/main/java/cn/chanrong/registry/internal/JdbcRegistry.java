package cn.chanrong.registry.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.Filing;
import cn.chanrong.registry.FilingEvent;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.registry.domain.FilingStatus;
import cn.chanrong.registry.domain.Priority;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcRegistry implements CollateralRegistry {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    private final cn.chanrong.reference.ReferenceData reference;
    private final org.springframework.transaction.support.TransactionTemplate requiresNew;
    private final ExternalFilingImport externalImport;
    private final JdbcCoverage coverage;
    private final int cancellationWorkingDays;
    private final ApplicationEventPublisher events;

    JdbcRegistry(JdbcClient jdbc, AuditTrail audit, BusinessDate businessDate, cn.chanrong.reference.ReferenceData reference,
                 @org.springframework.beans.factory.annotation.Value("${chanrong.registry.cancellation-working-days:10}")
                 int cancellationWorkingDays, org.springframework.transaction.PlatformTransactionManager transactions,
                 ExternalFilingImport externalImport, ApplicationEventPublisher events, JdbcCoverage coverage) {
        this.externalImport = externalImport;
        this.coverage = coverage;
        this.requiresNew = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.audit = audit;
        this.businessDate = businessDate;
        this.reference = reference;
        this.cancellationWorkingDays = cancellationWorkingDays;
        this.events = events;
    }

    @Override
    @Transactional
    public CancellationTask raiseCancellationTask(String filingNumber, String reason) {
        Filing f = byNumber(filingNumber).orElseThrow(() -> Rejected.notFound("filing", filingNumber));
        LocalDate today = businessDate.today();
        jdbc.sql("""
                        INSERT INTO registry_cancellation_task (filing_id, secured_party, reason, raised_on, due_on, done_on)
                        VALUES (:f, :p, :r, :t, :due, CASE WHEN :active THEN NULL ELSE :t END)
                        ON CONFLICT (filing_id, reason) DO NOTHING""")
                .param("f", f.id()).param("p", f.securedParty()).param("r", reason).param("t", today)
                .param("due", reference.addWorkingDays(today, cancellationWorkingDays))
                .param("active", f.state() == FilingStatus.ACTIVE).update();
        return tasks("t.filing_id = :f AND t.reason = :r", java.util.Map.of("f", f.id(), "r", reason)).get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CancellationTask> openCancellationTasks(Long securedParty, boolean overdueOnly) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        String where = "t.done_on IS NULL";
        if (securedParty != null) {
            where += " AND t.secured_party = :p";
            p.put("p", securedParty);
        }
        if (overdueOnly) {
            where += " AND t.due_on < :today";
        }
        return tasks(where, p);
    }

    private List<CancellationTask> tasks(String where, java.util.Map<String, Object> params) {
        java.util.Map<String, Object> p = new java.util.HashMap<>(params);
        p.put("today", businessDate.today());
        return jdbc.sql("""
                        SELECT t.id, f.number, t.secured_party, f.grantor, t.reason, t.raised_on, t.due_on, t.done_on,
                               t.done_on IS NULL AND t.due_on < :today
                        FROM registry_cancellation_task t JOIN registry_filing f ON f.id = t.filing_id WHERE """ + " " + where
                        + " ORDER BY t.due_on, t.id")
                .params(p)
                .query((rs, i) -> new CancellationTask(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getBoolean(9)))
                .list();
    }

    /**
     * Locks, in one sorted order so that two transactions cannot deadlock: the asset class of the
     * grantor (exclusive for a blanket filing, shared otherwise), then each identifier.
     */
    private void lock(FilingRequest.Normalised n) {
        String classKey = n.grantor() + "|" + n.type().assetClass();
        if (n.blanketScope() != null) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", FilingRequest.lockKey(classKey)).query((rs, i) -> 0).single();
        } else {
            jdbc.sql("SELECT pg_advisory_xact_lock_shared(:k)").param("k", FilingRequest.lockKey(classKey)).query((rs, i) -> 0).single();
        }
        for (String id : n.identifiers()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", FilingRequest.lockKey(classKey + "|" + id)).query((rs, i) -> 0).single();
        }
    }

    @Override
    @Transactional
    public List<Conflict> check(long securedParty, Request request) {
        FilingRequest.Normalised n = FilingRequest.normalise(request, false);
        lock(n);
        return coverage.covering(securedParty, n);
    }

    @Override
    @Transactional
    public Ranking rank(long securedParty, Request request) {
        FilingRequest.Normalised n = FilingRequest.normalise(request, false);
        lock(n);
        // a filing made now: after every registered one, on today's business date
        var mine = new Priority.Interest(null, businessDate.today(), businessDate.now(), Long.MAX_VALUE, n.type(),
                n.purchaseMoney(), n.deliveredOn());
        return JdbcCoverage.rank(mine, coverage.covering(securedParty, n));
    }

    @Override
    @Transactional(readOnly = true)
    public Ranking rankOf(String number) {
        Filing f = byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        var n = new FilingRequest.Normalised(f.grantor(), CollateralType.parse(f.collateralType()).orElseThrow(),
                f.identifiers(), f.blanketScope(), f.deliveredOn(), f.purchaseMoney());
        var mine = new Priority.Interest(f.number(), f.registeredOn(), f.registeredAt(), f.seq(), n.type(),
                f.purchaseMoney(), f.deliveredOn());
        return JdbcCoverage.rank(mine, coverage.covering(f.securedParty(), n));
    }

    @Override
    public void recordRefused(long securedParty, Request request, List<Conflict> conflicts) {
        FilingRequest.Normalised n = FilingRequest.normalise(request, false);
        requiresNew.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO registry_blocked_attempt (secured_party, grantor, collateral_type, conflicting)
                        VALUES (:p, :g, :t, :c)""")
                .param("p", securedParty).param("g", n.grantor()).param("t", n.type().name())
                .param("c", String.join(",", conflicts.stream().map(Conflict::number).distinct().toList())).update());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> blockedAttempts(LocalDate since) {
        java.util.Map<Long, Long> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT secured_party, count(*) FROM registry_blocked_attempt WHERE attempted_at >= :s GROUP BY 1")
                .param("s", since.atStartOfDay(cn.chanrong.reference.BusinessDate.ZONE).toOffsetDateTime())
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> activeByType() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT collateral_type, count(*) FROM registry_filing WHERE status = 'ACTIVE' AND expires_on >= :t GROUP BY 1")
                .param("t", businessDate.today()).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    @Override
    @Transactional
    public int importExternal(Upload file, String encoding, String actor) {
        return externalImport.importCsv(file, encoding, actor);
    }

    @Override
    @Transactional
    public Filing file(long securedParty, Request request, String actor) {
        FilingRequest.Normalised n = FilingRequest.normalise(request, true);
        lock(n);
        // drawn after the locks: the sequence orders filings as they really happened
        long seq = jdbc.sql("SELECT nextval('registry_sequence')").query(Long.class).single();
        LocalDate today = businessDate.today();
        String number = String.format("%s%012d", today.toString().replace("-", ""), seq);
        long id = jdbc.sql("""
                        INSERT INTO registry_filing (number, seq, grantor, secured_party, collateral_type, description,
                            blanket_scope, term_months, expires_on, filed_by, registered_on, purchase_money, delivered_on)
                        VALUES (:num, :seq, :g, :p, :t, :d, :b, :m, :exp, :a, :on, :pm, :dl) RETURNING id""")
                .param("on", today).param("pm", n.purchaseMoney()).param("dl", n.deliveredOn())
                .param("num", number).param("seq", seq).param("g", n.grantor()).param("p", securedParty)
                .param("t", n.type().name()).param("d", request.description().strip()).param("b", n.blanketScope())
                .param("m", request.termMonths()).param("exp", today.plusMonths(request.termMonths())).param("a", actor)
                .query(Long.class).single();
        for (String identifier : n.identifiers()) {
            jdbc.sql("INSERT INTO registry_identifier (filing_id, identifier) VALUES (:f, :i)")
                    .param("f", id).param("i", identifier).update();
        }
        audit.record(AuditEvent.success(actor, "registry.file", "filing", number,
                n.type() + " grantor " + n.grantor() + (n.blanketScope() == null ? " " + n.identifiers() : " blanket")));
        Filing filed = byNumber(number).orElseThrow();
        events.publishEvent(new FilingEvent.FilingRegistered(filed.id(), number, seq, filed.grantor(), securedParty,
                filed.collateralType(), filed.identifiers(), filed.blanketScope(), today, filed.expiresOn()));
        return filed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Filing> byGrantor(String grantor) {
        return filings("f.grantor = :g AND f.status = 'ACTIVE'", "g", grantor);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Filing> byNumber(String number) {
        return filings("f.number = :n", "n", number).stream().findFirst();
    }

    @Override
    @Transactional
    public Filing cancel(long securedParty, String number, String reason, String actor) {
        Filing f = byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        if (f.securedParty() != securedParty) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.not-yours", null, number));
        }
        FilingStatus cancelled = f.state().cancel(number).orThrow();
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid(Rejection.of("required", "reason"));
        }
        jdbc.sql("UPDATE registry_filing SET status = :to WHERE id = :id AND status = :from")
                .param("to", cancelled.name()).param("id", f.id()).param("from", f.status()).update();
        LocalDate today = businessDate.today();
        jdbc.sql("UPDATE registry_cancellation_task SET done_on = :t WHERE filing_id = :id AND done_on IS NULL")
                .param("t", today).param("id", f.id()).update();
        audit.record(AuditEvent.success(actor, "registry.cancel", "filing", number, reason.strip()));
        events.publishEvent(new FilingEvent.FilingCancelled(f.id(), number, f.grantor(), f.securedParty(),
                f.collateralType(), reason.strip(), today));
        return byNumber(number).orElseThrow();
    }

    @Override
    public String certificateHash(Filing f) {
        StringBuilder b = new StringBuilder();
        for (String field : List.of(f.number(), Long.toString(f.seq()), f.registeredAt().toString(), f.grantor(),
                Long.toString(f.securedParty()), f.collateralType(), f.description(), String.join("\u001f", f.identifiers()),
                String.valueOf(f.blanketScope()), Integer.toString(f.termMonths()), f.expiresOn().toString())) {
            b.append(field.length()).append(':').append(field).append('|');
        }
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Filing> filings(String where, String param, String value) {
        return jdbc.sql("""
                        SELECT f.id, f.number, f.seq, f.registered_at, f.grantor, f.secured_party, f.collateral_type,
                               f.description, f.blanket_scope, f.term_months, f.expires_on, f.status, f.registered_on,
                               f.purchase_money, f.delivered_on,
                               coalesce(array_agg(i.identifier ORDER BY i.identifier)
                                        FILTER (WHERE i.identifier IS NOT NULL AND i.removed_by IS NULL), '{}') AS ids
                        FROM registry_filing f LEFT JOIN registry_identifier i ON i.filing_id = f.id""" + " WHERE " + where
                        + " GROUP BY f.id ORDER BY f.seq")
                .param(param, value)
                .query((rs, i) -> {
                    Array ids = rs.getArray("ids");
                    return new Filing(rs.getLong("id"), rs.getString("number"), rs.getLong("seq"),
                            rs.getTimestamp("registered_at").toInstant(), rs.getString("grantor"),
                            rs.getLong("secured_party"), rs.getString("collateral_type"), rs.getString("description"),
                            List.of((String[]) ids.getArray()), rs.getString("blanket_scope"), rs.getInt("term_months"),
                            rs.getObject("expires_on", LocalDate.class), rs.getString("status"),
                            amendments(rs.getLong("id")), objections(rs.getLong("id")),
                            rs.getObject("registered_on", LocalDate.class), rs.getBoolean("purchase_money"),
                            rs.getObject("delivered_on", LocalDate.class));
                })
                .list();
    }

    private List<Filing.Amendment> amendments(long filing) {
        return jdbc.sql("""
                        SELECT seq, kind, description, added, removed, extended_months, registered_at, filed_by
                        FROM registry_amendment WHERE filing_id = :f ORDER BY seq""")
                .param("f", filing)
                .query((rs, i) -> new Filing.Amendment(rs.getLong(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray()),
                        (Integer) rs.getObject(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    private List<Filing.Objection> objections(long filing) {
        return jdbc.sql("""
                        SELECT id, raised_by, reason, raised_at, resolution, resolved_by, resolved_at
                        FROM registry_objection WHERE filing_id = :f ORDER BY id""")
                .param("f", filing)
                .query((rs, i) -> new Filing.Objection(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The caller's own active filing, or the reason it cannot be changed. */
    private Filing ownActive(long securedParty, String number) {
        Filing f = byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        if (f.securedParty() != securedParty) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.not-yours.change", null, number));
        }
        f.state().change(number).orThrow();
        return f;
    }

    @Override
    @Transactional
    public Filing amend(long securedParty, String number, Amendment a, String actor) {
        Filing f = ownActive(securedParty, number);
        List<String> add = FilingRequest.cleaned(a.addIdentifiers());
        List<String> remove = FilingRequest.cleaned(a.removeIdentifiers());
        String description = a.description() == null || a.description().isBlank() ? null : a.description().strip();
        List<Rejection> problems = new ArrayList<>();
        if (add.isEmpty() && remove.isEmpty() && description == null) {
            problems.add(Rejection.of("registry.amendment.empty", null));
        }
        if (description != null && description.length() > 2000) {
            problems.add(Rejection.of("length", "description", 1, 2000));
        }
        if (add.stream().anyMatch(s -> s.isEmpty() || s.length() > 200)) {
            problems.add(Rejection.of("length", "addIdentifiers", 1, 200));
        }
        remove.stream().filter(r -> !f.identifiers().contains(r)).findFirst()
                .ifPresent(r -> problems.add(Rejection.of("registry.amendment.not-covered", "removeIdentifiers", r)));
        add.stream().filter(f.identifiers()::contains).findFirst()
                .ifPresent(r -> problems.add(Rejection.of("registry.amendment.already-covered", "addIdentifiers", r)));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!add.isEmpty()) {
            lock(new FilingRequest.Normalised(f.grantor(), CollateralType.parse(f.collateralType()).orElseThrow(), add, null,
                    null, false));
        }
        // drawn after the locks, like a filing: what an amendment adds ranks from now
        long seq = jdbc.sql("SELECT nextval('registry_sequence')").query(Long.class).single();
        long id = jdbc.sql("""
                        INSERT INTO registry_amendment (filing_id, seq, kind, description, added, removed, filed_by)
                        VALUES (:f, :s, 'AMENDMENT', :d, :a, :r, :by) RETURNING id""")
                .param("f", f.id()).param("s", seq).param("d", description).param("a", add.toArray(String[]::new))
                .param("r", remove.toArray(String[]::new)).param("by", actor).query(Long.class).single();
        for (String identifier : add) {
            jdbc.sql("INSERT INTO registry_identifier (filing_id, identifier, added_seq) VALUES (:f, :i, :s)")
                    .param("f", f.id()).param("i", identifier).param("s", seq).update();
        }
        if (!remove.isEmpty()) {
            jdbc.sql("UPDATE registry_identifier SET removed_by = :a WHERE filing_id = :f AND identifier = ANY(:ids)")
                    .param("a", id).param("f", f.id()).param("ids", remove.toArray(String[]::new)).update();
        }
        if (description != null) {
            jdbc.sql("UPDATE registry_filing SET description = :d WHERE id = :f").param("d", description)
                    .param("f", f.id()).update();
        }
        audit.record(AuditEvent.success(actor, "registry.amend", "filing", number, "added " + add + ", removed " + remove
                + (description == null ? "" : ", description changed")));
        return byNumber(number).orElseThrow();
    }

    @Override
    @Transactional
    public Filing extend(long securedParty, String number, Integer months, String actor) {
        Filing f = ownActive(securedParty, number);
        if (months == null) {
            throw Rejected.invalid(Rejection.of("required", "termMonths"));
        }
        if (months < 1 || f.termMonths() + months > 360) {
            throw Rejected.invalid(Rejection.of("range", "termMonths", 1, 360 - f.termMonths(), months));
        }
        long seq = jdbc.sql("SELECT nextval('registry_sequence')").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO registry_amendment (filing_id, seq, kind, extended_months, filed_by)
                        VALUES (:f, :s, 'EXTENSION', :m, :by)""")
                .param("f", f.id()).param("s", seq).param("m", months).param("by", actor).update();
        jdbc.sql("""
                        UPDATE registry_filing SET term_months = term_months + :m,
                            expires_on = (expires_on + make_interval(months => :m))::date WHERE id = :f""")
                .param("m", months).param("f", f.id()).update();
        audit.record(AuditEvent.success(actor, "registry.extend", "filing", number, "+" + months + " months"));
        return byNumber(number).orElseThrow();
    }

    @Override
    @Transactional
    public Filing object(String username, Long enterpriseId, String number, String reason) {
        Filing f = byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        if (reason == null || reason.strip().length() < 4 || reason.strip().length() > 2000) {
            throw Rejected.invalid(Rejection.of("length", "reason", 4, 2000));
        }
        jdbc.sql("INSERT INTO registry_objection (filing_id, raised_by, enterprise_id, reason) VALUES (:f, :u, :e, :r)")
                .param("f", f.id()).param("u", username).param("e", enterpriseId).param("r", reason.strip()).update();
        audit.record(AuditEvent.success(username, "registry.object", "filing", number, reason.strip()));
        return byNumber(number).orElseThrow();
    }

    @Override
    @Transactional
    public Filing resolveObjection(Long securedParty, String number, long objectionId, String resolution, String actor) {
        Filing f = byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        if (securedParty != null && f.securedParty() != securedParty) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.not-yours.resolve", null, number));
        }
        if (resolution == null || resolution.strip().length() < 2) {
            throw Rejected.invalid(Rejection.of("required", "resolution"));
        }
        int n = jdbc.sql("""
                        UPDATE registry_objection SET resolution = :r, resolved_by = :by, resolved_at = now()
                        WHERE id = :id AND filing_id = :f AND resolved_at IS NULL""")
                .param("r", resolution.strip()).param("by", actor).param("id", objectionId).param("f", f.id()).update();
        if (n == 0) {
            throw Rejected.conflict(Rejection.of("registry.objection.closed", null, objectionId));
        }
        audit.record(AuditEvent.success(actor, "registry.resolve-objection", "filing", number, resolution.strip()));
        return byNumber(number).orElseThrow();
    }
}
