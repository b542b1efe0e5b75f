package cn.chanrong.scf.internal;

import cn.chanrong.platform.PlatformMode;
import cn.chanrong.scf.domain.ConfirmationSigning;
import cn.chanrong.scf.domain.Signatures;
import cn.chanrong.scf.domain.Signer;
import cn.chanrong.scf.domain.Sm2Signer;
import java.security.KeyPair;
import java.util.Base64;
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

    private final SigningKeyStore store;
    private final PlatformMode mode;
    private final Signer signer = new Sm2Signer();

    SigningKeys(SigningKeyStore store, PlatformMode mode) {
        this.store = store;
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
        String[] key = store.find(enterpriseId).orElseGet(() -> create(enterpriseId));
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
        return store.insertOrKeep(enterpriseId, signer.algorithm(), Signatures.encode(pair.getPublic()),
                Signatures.encode(pair.getPrivate()));
    }
}
