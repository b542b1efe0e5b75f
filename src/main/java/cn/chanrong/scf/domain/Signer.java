package cn.chanrong.scf.domain;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Signs and verifies the canonical bytes of a receivable confirmation. Both the creditor and the
 * debtor sign (FACTS §4), and a funder or auditor must be able to verify years later with only the
 * stored public key, so the algorithm is named and the keys are plain JCA keys.
 * <p>
 * {@link #verify} never throws for a bad signature or a key of the wrong kind: it answers false.
 */
public interface Signer {

    /** The JCA name of the signature algorithm, stored next to every signature. */
    String algorithm();

    /** A fresh key pair for this algorithm. */
    KeyPair generate();

    /** The signature over {@code message}. */
    byte[] sign(PrivateKey key, byte[] message);

    /** True only when {@code signature} is a valid signature of {@code message} under {@code key}. */
    boolean verify(PublicKey key, byte[] message, byte[] signature);
}
