package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.SigningKeyRegistry;
import cn.chanrong.scf.domain.Sm2PublicKeys;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprises' registered SM2 public keys ({@code scf_registered_key}). */
@Service
class RegisteredKeys implements SigningKeyRegistry {

    /** An enterprise's active key, parsed, with its row id. */
    record Active(long id, Sm2PublicKeys.Key key) {
    }

    private static final String COLUMNS = """
            id, enterprise_id, algorithm, public_key, fingerprint, format, certificate_subject, certificate_not_after,
            registered_by, registered_at, revoked_at, revoked_by""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SigningKeys keys;

    RegisteredKeys(JdbcClient jdbc, AuditTrail audit, SigningKeys keys) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.keys = keys;
    }

    private static long enterprise(Caller caller) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        return caller.enterpriseId();
    }

    @Override
    @Transactional
    public RegisteredKey register(Caller caller, String publicKey) {
        long enterprise = enterprise(caller);
        Sm2PublicKeys.Key key = switch (Sm2PublicKeys.parse(publicKey, "publicKey", Instant.now())) {
            case Sm2PublicKeys.Invalid invalid -> throw Rejected.invalid(invalid.rejection());
            case Sm2PublicKeys.Key k -> k;
        };
        // registrations of one enterprise queue here, so "one active key" never meets a unique violation
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('scf_registered_key'), CAST(:e AS int))")
                .param("e", enterprise).query((rs, i) -> 0).single();
        Optional<RegisteredKey> same = jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE fingerprint = :f")
                .param("f", key.fingerprint()).query(RegisteredKeys::map).optional();
        if (same.isPresent()) {
            RegisteredKey s = same.get();
            String rule = s.enterpriseId() != enterprise ? "signature.key.other-enterprise"
                    : s.active() ? "signature.key.already-active" : "signature.key.revoked";
            throw Rejected.conflict(Rejection.of(rule, "publicKey", key.fingerprint()));
        }
        Instant now = Instant.now();
        jdbc.sql("""
                        UPDATE scf_registered_key SET revoked_at = :now, revoked_by = :by
                        WHERE enterprise_id = :e AND revoked_at IS NULL""")
                .param("now", Timestamp.from(now)).param("by", caller.username()).param("e", enterprise).update();
        long id = jdbc.sql("""
                        INSERT INTO scf_registered_key (enterprise_id, algorithm, public_key, fingerprint, format,
                            certificate_subject, certificate_not_after, registered_by, registered_at)
                        VALUES (:e, :alg, :pub, :f, :fmt, :subject, :notAfter, :by, :now) RETURNING id""")
                .param("e", enterprise).param("alg", keys.signer().algorithm()).param("pub", key.encoded())
                .param("f", key.fingerprint()).param("fmt", key.format().name())
                .param("subject", key.certificateSubject())
                .param("notAfter", key.certificateNotAfter() == null ? null : Timestamp.from(key.certificateNotAfter()))
                .param("by", caller.username()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.signing-key.register", "enterprise",
                Long.toString(enterprise), key.format() + " SHA-256 " + key.fingerprint()));
        return get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredKey> list(Caller caller) {
        long enterprise = enterprise(caller);
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE enterprise_id = :e"
                        + " ORDER BY revoked_at IS NOT NULL, registered_at DESC, id DESC")
                .param("e", enterprise).query(RegisteredKeys::map).list();
    }

    @Override
    @Transactional
    public RegisteredKey revoke(Caller caller, long id) {
        long enterprise = enterprise(caller);
        RegisteredKey key = jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE id = :id AND enterprise_id = :e"
                        + " FOR UPDATE")
                .param("id", id).param("e", enterprise).query(RegisteredKeys::map).optional()
                .orElseThrow(() -> Rejected.notFound("signing-key", id));
        if (!key.active()) {
            throw Rejected.conflict(Rejection.of("signature.key.revoked", "id", key.fingerprint()));
        }
        jdbc.sql("UPDATE scf_registered_key SET revoked_at = now(), revoked_by = :by WHERE id = :id")
                .param("by", caller.username()).param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "scf.signing-key.revoke", "enterprise",
                Long.toString(enterprise), "SHA-256 " + key.fingerprint()));
        return get(id);
    }

    /**
     * The enterprise's active key, its row share-locked so that a revocation waits for the decision
     * being signed with it.
     */
    Optional<Active> active(long enterprise) {
        return jdbc.sql("SELECT id, public_key, certificate_not_after FROM scf_registered_key"
                        + " WHERE enterprise_id = :e AND revoked_at IS NULL FOR SHARE")
                .param("e", enterprise)
                .query((rs, i) -> new Active(rs.getLong(1), stored(rs.getString(2), instant(rs.getTimestamp(3)))))
                .optional();
    }

    private static Sm2PublicKeys.Key stored(String encoded, Instant certificateNotAfter) {
        // a stored key was validated on registration; a column that no longer parses is a defect
        return switch (Sm2PublicKeys.parse(encoded, "publicKey", Instant.now())) {
            case Sm2PublicKeys.Key k -> new Sm2PublicKeys.Key(k.key(), k.encoded(), k.fingerprint(),
                    certificateNotAfter == null ? k.format() : Sm2PublicKeys.Format.CERTIFICATE, null, certificateNotAfter);
            case Sm2PublicKeys.Invalid invalid ->
                    throw new IllegalStateException("stored signing key unreadable: " + invalid.rejection().code());
        };
    }

    private RegisteredKey get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE id = :id").param("id", id)
                .query(RegisteredKeys::map).single();
    }

    private static RegisteredKey map(ResultSet rs, int row) throws SQLException {
        return new RegisteredKey(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("algorithm"),
                rs.getString("public_key"), rs.getString("fingerprint"), rs.getString("format"),
                rs.getString("certificate_subject"), instant(rs.getTimestamp("certificate_not_after")),
                rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("revoked_at") == null, instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
