package cn.chanrong.scf;

import cn.chanrong.identity.Caller;
import java.time.Instant;
import java.util.List;

/**
 * The SM2 public keys enterprises register so that the platform can verify what their own software
 * signs (Electronic Signature Law art. 13: the private key never leaves the signer). One key is
 * active per enterprise; registering another revokes it, and revoked keys are kept with the time
 * and the user, so that a signature made before stays verifiable and attributable.
 */
public interface SigningKeyRegistry {

    /**
     * A registered key. {@code publicKey} is Base64 of its X.509 DER (curve sm2p256v1),
     * {@code fingerprint} the hex SHA-256 of that DER, {@code format} how it was handed over (HEX, PEM,
     * CERTIFICATE, BASE64); the certificate's subject and end of validity when it came in one.
     */
    record RegisteredKey(long id, long enterpriseId, String algorithm, String publicKey, String fingerprint,
                         String format, String certificateSubject, Instant certificateNotAfter, String registeredBy,
                         Instant registeredAt, boolean active, Instant revokedAt, String revokedBy) {
    }

    /**
     * Registers the caller's enterprise's SM2 public key, given as hex of the point, PEM (PUBLIC KEY or
     * CERTIFICATE) or Base64 X.509; the previous active key is revoked in the same transaction.
     */
    RegisteredKey register(Caller caller, String publicKey);

    /** The caller's enterprise's keys, the active one first, then the revoked ones newest first. */
    List<RegisteredKey> list(Caller caller);

    /** Revokes one of the caller's enterprise's keys (a lost or compromised key); none is active after. */
    RegisteredKey revoke(Caller caller, long id);
}
