package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.jce.interfaces.ECKey;

/**
 * Keys as text a database column can hold: a public key as Base64 of its X.509
 * SubjectPublicKeyInfo DER, a private key as Base64 of its PKCS#8 DER. These are the encodings
 * every JCA provider and OpenSSL read, so a stored key outlives this code.
 * <p>
 * Decoding a stored key throws {@link IllegalArgumentException}, since a corrupt column is a
 * defect; a key a user submits goes through {@link #checkSm2PublicKey} first, which answers with a
 * rejection instead.
 */
public final class Signatures {

    private static final X9ECParameters SM2 = GMNamedCurves.getByName(Sm2Signer.CURVE);

    private Signatures() {
    }

    /** Base64 (standard alphabet, padded) of the key's default encoding: X.509 or PKCS#8 DER. */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The elliptic-curve public key stored by {@link #encode}. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC", Sm2Signer.BC)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 EC public key in Base64", e);
        }
    }

    /** The elliptic-curve private key stored by {@link #encode}. */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("EC", Sm2Signer.BC)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key in Base64", e);
        }
    }

    /**
     * Why a submitted public key cannot be used for SM2, or empty when it can. Codes:
     * {@code signature.public-key} (not Base64 X.509 of an EC key), {@code signature.public-key-curve}
     * (an EC key on another curve, such as P-256).
     */
    public static Optional<Rejection> checkSm2PublicKey(String base64, String field) {
        PublicKey key;
        try {
            key = publicKey(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            return Optional.of(Rejection.of("signature.public-key", field));
        }
        if (!(key instanceof ECKey ec) || ec.getParameters() == null
                || !ec.getParameters().getCurve().equals(SM2.getCurve())
                || !ec.getParameters().getG().equals(SM2.getG())) {
            return Optional.of(Rejection.of("signature.public-key-curve", field, Sm2Signer.CURVE));
        }
        return Optional.empty();
    }
}
