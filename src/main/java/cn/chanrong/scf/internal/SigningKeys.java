package cn.chanrong.scf.internal;

import cn.chanrong.scf.domain.Signatures;
import cn.chanrong.scf.domain.Signer;
import cn.chanrong.scf.domain.Sm2Signer;
import java.security.KeyPair;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprises' signing keys, held by the platform. This is a demo stand-in for certificates a
 * licensed CA issues to each enterprise (the key would then never leave its holder); the signature,
 * the stored public key and the verification are the same either way.
 */
@Component
class SigningKeys {

    /** A signature with the public key that verifies it. */
    record Signed(String algorithm, String publicKey, String signature) {
    }

    private final JdbcClient jdbc;
    private final Signer signer = new Sm2Signer();

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Signer signer() {
        return signer;
    }

    Signed sign(long enterpriseId, byte[] message) {
        String[] key = jdbc.sql("SELECT public_key, private_key FROM scf_signing_key WHERE enterprise_id = :e")
                .param("e", enterpriseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional().orElseGet(() -> create(enterpriseId));
        byte[] signature = signer.sign(Signatures.privateKey(key[1]), message);
        return new Signed(signer.algorithm(), key[0], Base64.getEncoder().encodeToString(signature));
    }

    boolean verify(String publicKey, byte[] message, String signature) {
        try {
            return signer.verify(Signatures.publicKey(publicKey), message, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private String[] create(long enterpriseId) {
        KeyPair pair = signer.generate();
        jdbc.sql("""
                        INSERT INTO scf_signing_key (enterprise_id, algorithm, public_key, private_key)
                        VALUES (:e, :a, :pub, :priv) ON CONFLICT (enterprise_id) DO NOTHING""")
                .param("e", enterpriseId).param("a", signer.algorithm())
                .param("pub", Signatures.encode(pair.getPublic())).param("priv", Signatures.encode(pair.getPrivate()))
                .update();
        return jdbc.sql("SELECT public_key, private_key FROM scf_signing_key WHERE enterprise_id = :e")
                .param("e", enterpriseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }
}
