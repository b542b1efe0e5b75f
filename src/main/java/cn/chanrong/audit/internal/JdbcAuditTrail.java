package cn.chanrong.audit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

    /** Advisory lock key that makes the sealer single even across several platform instances. */
    private static final long SEALER_LOCK = 0x4348414e52L;
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent e) {
        insert(e);
    }

    /** For rejected requests, after the business transaction rolled back: its own transaction. */
    void insert(AuditEvent e) {
        jdbc.sql("""
                        INSERT INTO audit_entry (occurred_at, actor, action, target_type, target_id, request_id, outcome, detail)
                        VALUES (:at, :actor, :action, :type, :target, :req, :outcome, :detail)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", e.actor()).param("action", e.action()).param("type", e.targetType())
                .param("target", e.targetId()).param("req", MDC.get("requestId"))
                .param("outcome", e.outcome().name()).param("detail", truncate(e.detail()))
                .update();
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    @Override
    @Transactional
    public int sealPending() {
        // One sealer at a time, across instances too: a second caller waits, then seals what is left.
        jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", SEALER_LOCK).query((rs, i) -> 0).single();
        var head = jdbc.sql("SELECT seq, hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = head.map(h -> (Long) h[0]).orElse(0L);
        String prev = head.map(h -> (String) h[1]).orElse(GENESIS);
        List<Row> pending = jdbc.sql("""
                        SELECT id, occurred_at, actor, action, target_type, target_id, request_id, outcome, detail
                        FROM audit_entry WHERE seq IS NULL ORDER BY id LIMIT 5000""")
                .query(JdbcAuditTrail::row).list();
        for (Row r : pending) {
            seq++;
            String hash = hash(prev, seq, r);
            jdbc.sql("UPDATE audit_entry SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id")
                    .param("seq", seq).param("prev", prev).param("hash", hash).param("id", r.id()).update();
            prev = hash;
        }
        return pending.size();
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] checked = {0};
        String[] prev = {GENESIS};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.sql("""
                        SELECT id, occurred_at, actor, action, target_type, target_id, request_id, outcome, detail,
                               seq, prev_hash, hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    Row r = row(rs, 0);
                    long seq = rs.getLong("seq");
                    if (seq != checked[0] + 1) {
                        broken[0] = seq;
                        problem[0] = "sequence gap: expected " + (checked[0] + 1) + ", found " + seq;
                    } else if (!prev[0].equals(rs.getString("prev_hash"))) {
                        broken[0] = seq;
                        problem[0] = "previous-hash link does not match entry " + (seq - 1);
                    } else if (!hash(prev[0], seq, r).equals(rs.getString("hash"))) {
                        broken[0] = seq;
                        problem[0] = "content of entry " + seq + " (id " + r.id() + ") does not match its hash";
                    } else {
                        checked[0] = seq;
                        prev[0] = rs.getString("hash");
                    }
                });
        long unsealed = jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq IS NULL").query(Long.class).single();
        return new Verification(checked[0], unsealed, broken[0], problem[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                        SELECT id, seq, occurred_at, actor, action, target_type, target_id, request_id, outcome, detail
                        FROM audit_entry ORDER BY id DESC LIMIT :n""")
                .param("n", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> new Entry(rs.getLong("id"), (Long) rs.getObject("seq"),
                        rs.getTimestamp("occurred_at").toInstant().toString(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                        rs.getString("request_id"), rs.getString("outcome"), rs.getString("detail")))
                .list();
    }

    record Row(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
               String requestId, String outcome, String detail) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("request_id"), rs.getString("outcome"), rs.getString("detail"));
    }

    /** SHA-256 over the previous hash, the sequence and every field, each length-prefixed. */
    static String hash(String prev, long seq, Row r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {prev, Long.toString(seq), Long.toString(r.id()),
                    r.occurredAt().toString(), r.actor(), r.action(), r.targetType(), r.targetId(),
                    r.requestId(), r.outcome(), r.detail()}) {
                byte[] b = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                md.update((field == null ? "-1:" : b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
