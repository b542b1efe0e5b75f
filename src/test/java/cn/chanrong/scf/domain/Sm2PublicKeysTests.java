package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sm2PublicKeysTests {

    static final Sm2Signer SM2 = new Sm2Signer();
    static final KeyPair PAIR = SM2.generate();
    static final Instant NOW = Instant.parse("2026-06-30T08:30:00Z");

    static String hex(boolean compressed) {
        return HexFormat.of().formatHex(((ECPublicKey) PAIR.getPublic()).getQ().getEncoded(compressed));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static Sm2PublicKeys.Key key(String text) {
        Sm2PublicKeys.Parsed parsed = Sm2PublicKeys.parse(text, "publicKey", NOW);
        assertThat(parsed).as(text).isInstanceOf(Sm2PublicKeys.Key.class);
        return (Sm2PublicKeys.Key) parsed;
    }

    static String refusal(String text) {
        Sm2PublicKeys.Parsed parsed = Sm2PublicKeys.parse(text, "publicKey", NOW);
        assertThat(parsed).as(text).isInstanceOf(Sm2PublicKeys.Invalid.class);
        assertThat(((Sm2PublicKeys.Invalid) parsed).rejection().field()).isEqualTo("publicKey");
        return ((Sm2PublicKeys.Invalid) parsed).rejection().code();
    }

    /** A certificate for the pair, signed by itself with SM3withSM2, valid between the two instants. */
    static byte[] certificate(Instant from, Instant to) throws Exception {
        V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
        g.setSerialNumber(new ASN1Integer(BigInteger.ONE));
        g.setIssuer(new X500Name("CN=Test CA"));
        g.setSubject(new X500Name("CN=91350100M000100Y43,O=Minjiang Heavy"));
        g.setStartDate(new Time(Date.from(from)));
        g.setEndDate(new Time(Date.from(to)));
        g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(PAIR.getPublic().getEncoded()));
        g.setSignature(algorithm);
        TBSCertificate tbs = g.generateTBSCertificate();
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(tbs);
        v.add(algorithm);
        v.add(new DERBitString(SM2.sign(PAIR.getPrivate(), tbs.getEncoded(ASN1Encoding.DER))));
        return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    }

    @Test
    void every_spelling_of_one_key_comes_to_the_same_canonical_key_and_fingerprint() throws Exception {
        String canonical = Signatures.encode(PAIR.getPublic());
        String uncompressed = hex(false);
        var forms = new String[] {uncompressed, uncompressed.substring(2), "0x" + uncompressed.toUpperCase(),
                hex(true), pem("PUBLIC KEY", PAIR.getPublic().getEncoded()), canonical,
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(uncompressed)),
                pem("CERTIFICATE", certificate(NOW.minusSeconds(86_400), NOW.plusSeconds(86_400 * 365)))};
        String fingerprint = key(canonical).fingerprint();
        for (String form : forms) {
            assertThat(key(form).encoded()).as(form).isEqualTo(canonical);
            assertThat(key(form).fingerprint()).as(form).isEqualTo(fingerprint).hasSize(64);
        }
        assertThat(key(uncompressed).format()).isEqualTo(Sm2PublicKeys.Format.HEX);
        assertThat(key(forms[4]).format()).isEqualTo(Sm2PublicKeys.Format.PEM);
        Sm2PublicKeys.Key fromCertificate = key(forms[7]);
        assertThat(fromCertificate.format()).isEqualTo(Sm2PublicKeys.Format.CERTIFICATE);
        assertThat(fromCertificate.certificateSubject()).contains("91350100M000100Y43");
        assertThat(fromCertificate.certificateNotAfter()).isAfter(NOW);
        // the canonical key verifies what the private key signs
        byte[] message = "chanrong".getBytes(StandardCharsets.UTF_8);
        assertThat(SM2.verify(key(uncompressed).key(), message, SM2.sign(PAIR.getPrivate(), message))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            blank              | ''                                                                    | scf.required
            not a key          | hello                                                                 | signature.public-key.format
            wrong length hex   | 04abcdef                                                              | signature.public-key.format
            131 hex digits     | 04000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000001 | signature.public-key.format
            point not on SM2   | 0400000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001 | signature.public-key.point
            bad compression    | 05ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | signature.public-key.point
            unknown PEM        | -----BEGIN RSA PUBLIC KEY-----AAAA-----END RSA PUBLIC KEY-----       | signature.public-key.format
            """)
    void a_text_that_is_no_sm2_key_is_refused_with_the_rule(String what, String text, String code) {
        assertThat(refusal(text)).as(what).isEqualTo(code);
    }

    @Test
    void a_key_on_another_curve_is_refused_naming_sm2() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] p256 = g.generateKeyPair().getPublic().getEncoded();
        assertThat(refusal(pem("PUBLIC KEY", p256))).isEqualTo("signature.public-key-curve");
        assertThat(refusal(Base64.getEncoder().encodeToString(p256))).isEqualTo("signature.public-key-curve");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        assertThat(refusal(pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded())))
                .isEqualTo("signature.public-key-curve");
    }

    @Test
    void a_certificate_outside_its_validity_or_unreadable_is_refused() throws Exception {
        assertThat(refusal(pem("CERTIFICATE", certificate(NOW.minusSeconds(86_400 * 400), NOW.minusSeconds(86_400)))))
                .isEqualTo("signature.certificate.expired");
        assertThat(refusal(pem("CERTIFICATE", "not a certificate".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("signature.certificate.invalid");
    }
}
