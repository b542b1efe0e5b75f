package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reads an SM2 public key as a signer's own software or CA hands it over, and says precisely why
 * one cannot be used. Accepted forms:
 * <ul>
 *   <li>hex of the point: {@code 04‖x‖y} (130 digits), {@code 02/03‖x} (66, compressed) or
 *       {@code x‖y} (128, as sm-crypto and GmSSL print it); spaces, colons and a {@code 0x} prefix are ignored;</li>
 *   <li>PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) or {@code CERTIFICATE} (the key of the certificate,
 *       which must be valid at the given instant);</li>
 *   <li>Base64 of the SubjectPublicKeyInfo DER (what the platform stores) or of the raw point.</li>
 * </ul>
 * Whatever the form, the key must be an elliptic-curve key on {@code sm2p256v1} and its point must
 * lie on that curve (not the point at infinity); the curve's cofactor is 1, so that is the whole
 * public-key validation of GB/T 32918.1 §6.2. A key is then kept in one canonical form, Base64 of
 * its X.509 DER with the named curve, so that two spellings of the same key compare equal.
 */
public final class Sm2PublicKeys {

    private static final X9ECParameters SM2 = GMNamedCurves.getByName(Sm2Signer.CURVE);
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    /** How the key was handed over. */
    public enum Format { HEX, PEM, CERTIFICATE, BASE64 }

    /** The outcome of {@link #parse}: a usable key or the reason there is none. */
    public sealed interface Parsed permits Key, Invalid {
    }

    /**
     * A usable SM2 public key: {@code encoded} is Base64 of its X.509 DER (the canonical form),
     * {@code fingerprint} the lowercase hex SHA-256 of that DER; the certificate's subject and end
     * of validity when the key came in one.
     */
    public record Key(PublicKey key, String encoded, String fingerprint, Format format, String certificateSubject,
                      Instant certificateNotAfter) implements Parsed {
    }

    /** Why the text is no usable SM2 public key; the rejection names the field. */
    public record Invalid(Rejection rejection) implements Parsed {
    }

    private Sm2PublicKeys() {
    }

    /**
     * The key in {@code text}, or why there is none. Rejection codes: {@code scf.required} (blank),
     * {@code signature.public-key.format} (no accepted form), {@code signature.public-key-curve}
     * (another curve or not an EC key), {@code signature.public-key.point} (not a point on SM2),
     * {@code signature.certificate.invalid} (unreadable certificate), {@code signature.certificate.expired}
     * (not valid at {@code now}).
     */
    public static Parsed parse(String text, String field, Instant now) {
        if (text == null || text.isBlank()) {
            return new Invalid(Rejection.of("scf.required", field));
        }
        String t = text.strip();
        if (t.startsWith("-----BEGIN")) {
            return pem(t, field, now);
        }
        String hex = t.replaceAll("[\\s:]", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (HEX.matcher(hex).matches() && (hex.length() == 128 || hex.length() == 130 || hex.length() == 66)) {
            byte[] bytes = HexFormat.of().parseHex(hex.length() == 128 ? "04" + hex : hex);
            return point(bytes, Format.HEX, field, null, null);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return format(field);
        }
        if ((der.length == 65 && der[0] == 4) || (der.length == 33 && (der[0] == 2 || der[0] == 3))) {
            return point(der, Format.BASE64, field, null, null);
        }
        return spki(der, Format.BASE64, field, null, null);
    }

    /** The canonical form of a key known to be good (one the platform stored), for comparison. */
    public static String canonical(PublicKey key) {
        return Signatures.encode(key);
    }

    private static Parsed pem(String text, String field, Instant now) {
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            return format(field);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return format(field);
        }
        return switch (m.group(1)) {
            case "PUBLIC KEY" -> spki(der, Format.PEM, field, null, null);
            case "CERTIFICATE" -> certificate(der, field, now);
            default -> format(field);
        };
    }

    private static Parsed certificate(byte[] der, String field, Instant now) {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509", Sm2Signer.BC)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Invalid(Rejection.of("signature.certificate.invalid", field));
        }
        Instant from = cert.getNotBefore().toInstant();
        Instant to = cert.getNotAfter().toInstant();
        if (now.isBefore(from) || now.isAfter(to)) {
            return new Invalid(Rejection.of("signature.certificate.expired", field, from.toString(), to.toString()));
        }
        return spki(cert.getPublicKey().getEncoded(), Format.CERTIFICATE, field,
                cert.getSubjectX500Principal().getName(), to);
    }

    private static Parsed spki(byte[] der, Format format, String field, String subject, Instant notAfter) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            return format(field);
        }
        if (info == null) {
            return format(field);
        }
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        ASN1Encodable params = info.getAlgorithm().getParameters();
        boolean sm2;
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) || GMObjectIdentifiers.sm2p256v1.equals(algorithm)) {
            sm2 = params instanceof ASN1ObjectIdentifier named ? GMObjectIdentifiers.sm2p256v1.equals(named)
                    : params == null ? GMObjectIdentifiers.sm2p256v1.equals(algorithm) : explicitSm2(params);
        } else {
            sm2 = false;
        }
        if (!sm2) {
            return new Invalid(Rejection.of("signature.public-key-curve", field, Sm2Signer.CURVE));
        }
        return point(info.getPublicKeyData().getBytes(), format, field, subject, notAfter);
    }

    private static boolean explicitSm2(ASN1Encodable params) {
        try {
            X9ECParameters x9 = X9ECParameters.getInstance(params);
            return x9.getCurve().equals(SM2.getCurve()) && x9.getG().equals(SM2.getG());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Parsed point(byte[] encoded, Format format, String field, String subject, Instant notAfter) {
        ECPoint q;
        try {
            q = SM2.getCurve().decodePoint(encoded);
        } catch (RuntimeException e) {
            return new Invalid(Rejection.of("signature.public-key.point", field, Sm2Signer.CURVE));
        }
        if (q.isInfinity() || !q.isValid()) {
            return new Invalid(Rejection.of("signature.public-key.point", field, Sm2Signer.CURVE));
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC", Sm2Signer.BC)
                    .generatePublic(new ECPublicKeySpec(q.normalize(), ECNamedCurveTable.getParameterSpec(Sm2Signer.CURVE)));
            return new Key(key, Signatures.encode(key), fingerprint(key.getEncoded()), format, subject, notAfter);
        } catch (GeneralSecurityException e) {
            return new Invalid(Rejection.of("signature.public-key.point", field, Sm2Signer.CURVE));
        }
    }

    private static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Invalid format(String field) {
        return new Invalid(Rejection.of("signature.public-key.format", field));
    }
}
