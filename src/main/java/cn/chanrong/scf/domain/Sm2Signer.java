package cn.chanrong.scf.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 signatures with the SM3 digest (GB/T 32918, GB/T 35276), the algorithm Chinese electronic
 * signature services and the e-voucher platforms use. Keys are on curve {@code sm2p256v1}; the
 * signer identity mixed into the digest (Z value) is the standard default user id
 * {@code 1234567812345678}, set explicitly so a verifier using another library agrees. Signatures
 * are DER-encoded (r, s) pairs as BouncyCastle produces them.
 * <p>
 * The BouncyCastle provider is used as an instance, not registered globally, so this class does
 * not change the JVM's provider list.
 */
public final class Sm2Signer implements Signer {

    /** The curve name, as BouncyCastle spells it. */
    public static final String CURVE = "sm2p256v1";
    /** The default SM2 user id (GB/T 35276 §5.4.1). */
    public static final String DEFAULT_USER_ID = "1234567812345678";

    static final Provider BC = new BouncyCastleProvider();
    private static final String ALGORITHM = "SM3withSM2";

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec(CURVE));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation unavailable", e);
        }
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = signature();
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = signature();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature or a key of another kind is simply not a valid signature.
            return false;
        }
    }

    private static Signature signature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, BC);
        signature.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII)));
        return signature;
    }
}
