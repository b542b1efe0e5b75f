package cn.chanrong.scf.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key pairs the platform holds for enterprises <b>in demo mode only</b> ({@code scf_signing_key}), as
 * {@code [public key, private key]}: {@link SigningKeys} decides whether one may be made or used.
 */
@Component
class SigningKeyStore {

    private final JdbcClient jdbc;

    SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String[]> find(long enterpriseId) {
        return jdbc.sql("SELECT public_key, private_key FROM scf_signing_key WHERE enterprise_id = :e")
                .param("e", enterpriseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    /** Stores the pair unless the enterprise has one already, and returns the one it has. */
    String[] insertOrKeep(long enterpriseId, String algorithm, String publicKey, String privateKey) {
        jdbc.sql("""
                        INSERT INTO scf_signing_key (enterprise_id, algorithm, public_key, private_key)
                        VALUES (:e, :a, :pub, :priv) ON CONFLICT (enterprise_id) DO NOTHING""")
                .param("e", enterpriseId).param("a", algorithm)
                .param("pub", publicKey).param("priv", privateKey)
                .update();
        return jdbc.sql("SELECT public_key, private_key FROM scf_signing_key WHERE enterprise_id = :e")
                .param("e", enterpriseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }
}
