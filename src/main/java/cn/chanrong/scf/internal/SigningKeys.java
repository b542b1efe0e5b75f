package cn.chanrong.scf.internal;

import cn.chanrong.platform.PlatformMode;
import cn.chanrong.scf.domain.ConfirmationSigning;
import cn.chanrong.scf.domain.Signatures;
import cn.chanrong.scf.domain.Signer;
import cn.chanrong.scf.domain.Sm2Signer;
import java.security.KeyPair;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signatures and their verification, and, <b>in demo mode only</b>, keys the platform holds for the
 * enterprises: a stand-in for the enterprise's own key, labelled so wherever a signature is shown.
 * Outside demo mode this class generates, stores and uses no private key (Electronic Signature Law
 * art. 13); the signer's own software signs and {@link RegisteredKeys} holds the public keys.
 */
@Component
class SigningKeys {

    /** A signature with the public key that verifies it. */
    record Signed(String algorithm, String publicKey, String signature) {
    }

    private final JdbcClient jdbc;
    private final PlatformMode mode;
    private final Signer signer = new Sm2Signer();

    SigningKeys(JdbcClient jdbc, PlatformMode mode) {
        this.jdbc = jdbc;
        this.mode = mode;
    }

    Signer signer() {
        return signer;
    }

    /** Signs with the key the platform holds for the enterprise (made on first use): demo mode only. */
    Signed sign(long enterpriseId, byte[] message) {
        if (!ConfirmationSigning.platformMaySign(mode.demo())) {
            // the service refuses unsigned decisions before this; reaching here is a defect
            throw new IllegalStateException("outside demo mode the platform holds no private key and signs for no one");
        }
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
