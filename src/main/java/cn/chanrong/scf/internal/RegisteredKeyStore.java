package cn.chanrong.scf.internal;

import cn.chanrong.reference.WallClock;
import cn.chanrong.scf.SigningKeyRegistry.RegisteredKey;
import cn.chanrong.scf.domain.Sm2PublicKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The enterprises' registered SM2 public keys as stored ({@code scf_registered_key}). */
@Component
class RegisteredKeyStore {

    /** An enterprise's active key, parsed, with its row id. */
    record Active(long id, Sm2PublicKeys.Key key) {
    }

    private static final String COLUMNS = """
            id, enterprise_id, algorithm, public_key, fingerprint, format, certificate_subject, certificate_not_after,
            registered_by, registered_at, revoked_at, revoked_by""";

    private final JdbcClient jdbc;
    private final WallClock clock;

    RegisteredKeyStore(JdbcClient jdbc, WallClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Queues the enterprise's registrations behind one another until the transaction ends. */
    void lockRegistrations(long enterprise) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('scf_registered_key'), CAST(:e AS int))")
                .param("e", enterprise).query((rs, i) -> 0).single();
    }

    Optional<RegisteredKey> byFingerprint(String fingerprint) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE fingerprint = :f")
                .param("f", fingerprint).query(RegisteredKeyStore::map).optional();
    }

    /** Revokes the enterprise's active key, if it has one. */
    void revokeActive(long enterprise, Instant now, String by) {
        jdbc.sql("""
                        UPDATE scf_registered_key SET revoked_at = :now, revoked_by = :by
                        WHERE enterprise_id = :e AND revoked_at IS NULL""")
                .param("now", Timestamp.from(now)).param("by", by).param("e", enterprise).update();
    }

    long insert(long enterprise, String algorithm, Sm2PublicKeys.Key key, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO scf_registered_key (enterprise_id, algorithm, public_key, fingerprint, format,
                            certificate_subject, certificate_not_after, registered_by, registered_at)
                        VALUES (:e, :alg, :pub, :f, :fmt, :subject, :notAfter, :by, :now) RETURNING id""")
                .param("e", enterprise).param("alg", algorithm).param("pub", key.encoded())
                .param("f", key.fingerprint()).param("fmt", key.format().name())
                .param("subject", key.certificateSubject())
                .param("notAfter", key.certificateNotAfter() == null ? null : Timestamp.from(key.certificateNotAfter()))
                .param("by", by).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    List<RegisteredKey> ofEnterprise(long enterprise) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE enterprise_id = :e"
                        + " ORDER BY revoked_at IS NOT NULL, registered_at DESC, id DESC")
                .param("e", enterprise).query(RegisteredKeyStore::map).list();
    }

    /** The enterprise's key, locked for a revocation. */
    Optional<RegisteredKey> lockOwn(long id, long enterprise) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE id = :id AND enterprise_id = :e"
                        + " FOR UPDATE")
                .param("id", id).param("e", enterprise).query(RegisteredKeyStore::map).optional();
    }

    void revoke(long id, String by) {
        jdbc.sql("UPDATE scf_registered_key SET revoked_at = now(), revoked_by = :by WHERE id = :id")
                .param("by", by).param("id", id).update();
    }

    /**
     * The enterprise's active key, its row share-locked so that a revocation waits for the decision
     * being signed with it.
     */
    Optional<Active> active(long enterprise) {
        return jdbc.sql("SELECT id, public_key, certificate_not_after FROM scf_registered_key"
                        + " WHERE enterprise_id = :e AND revoked_at IS NULL FOR SHARE")
                .param("e", enterprise)
                .query((rs, i) -> new Active(rs.getLong(1), stored(rs.getString(2), instant(rs.getTimestamp(3)), clock.now())))
                .optional();
    }

    private static Sm2PublicKeys.Key stored(String encoded, Instant certificateNotAfter, Instant now) {
        // a stored key was validated on registration; a column that no longer parses is a defect
        return switch (Sm2PublicKeys.parse(encoded, "publicKey", now)) {
            case Sm2PublicKeys.Key k -> new Sm2PublicKeys.Key(k.key(), k.encoded(), k.fingerprint(),
                    certificateNotAfter == null ? k.format() : Sm2PublicKeys.Format.CERTIFICATE, null, certificateNotAfter);
            case Sm2PublicKeys.Invalid invalid ->
                    throw new IllegalStateException("stored signing key unreadable: " + invalid.rejection().code());
        };
    }

    RegisteredKey get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scf_registered_key WHERE id = :id").param("id", id)
                .query(RegisteredKeyStore::map).single();
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
