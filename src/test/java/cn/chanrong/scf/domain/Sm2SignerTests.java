package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.scf.domain.ConfirmationMessage.Decision;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.nio.charset.StandardCharsets;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.interfaces.ECKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class Sm2SignerTests {

    static final Sm2Signer SIGNER = new Sm2Signer();
    static final KeyPair DEBTOR = SIGNER.generate();

    static byte[] message() {
        return ConfirmationMessage.canonical("AR-2025-0001", "91350100M000100Y43", "91110000MA01ABCD2Q",
                new BigDecimal("1200000.5"), "CNY", LocalDate.of(2025, 12, 31), Instant.parse("2025-06-01T08:30:00Z"),
                Decision.CONFIRMED);
    }

    @Test
    void keys_are_on_the_sm2_curve_and_the_algorithm_is_named() {
        assertThat(SIGNER.algorithm()).isEqualTo("SM3withSM2");
        assertThat(((ECKey) DEBTOR.getPublic()).getParameters().getCurve().getFieldSize()).isEqualTo(256);
        assertThat(Signatures.checkSm2PublicKey(Signatures.encode(DEBTOR.getPublic()), "publicKey")).isEmpty();
    }

    @Test
    void a_signature_verifies_under_the_signers_public_key() {
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), signature)).isTrue();
    }

    @Test
    void signing_twice_gives_different_signatures_that_both_verify() {
        byte[] first = SIGNER.sign(DEBTOR.getPrivate(), message());
        byte[] second = SIGNER.sign(DEBTOR.getPrivate(), message());
        assertThat(first).isNotEqualTo(second);
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), first)).isTrue();
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), second)).isTrue();
    }

    @Test
    void a_tampered_message_fails() {
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        byte[] tampered = message();
        tampered[tampered.length - 3] ^= 1;
        assertThat(SIGNER.verify(DEBTOR.getPublic(), tampered, signature)).isFalse();
    }

    @Test
    void a_tampered_signature_fails_without_throwing() {
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        signature[signature.length - 1] ^= 1;
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), signature)).isFalse();
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), new byte[] {1, 2, 3})).isFalse();
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), new byte[0])).isFalse();
        assertThat(SIGNER.verify(null, message(), signature)).isFalse();
    }

    @Test
    void another_parties_public_key_does_not_verify() {
        KeyPair creditor = SIGNER.generate();
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        assertThat(SIGNER.verify(creditor.getPublic(), message(), signature)).isFalse();
    }

    @Test
    void a_signature_from_a_different_key_pair_fails_under_the_expected_key() {
        KeyPair impostor = SIGNER.generate();
        byte[] forged = SIGNER.sign(impostor.getPrivate(), message());
        assertThat(SIGNER.verify(DEBTOR.getPublic(), message(), forged)).isFalse();
        assertThat(SIGNER.verify(impostor.getPublic(), message(), forged)).isTrue();
    }

    @Test
    void the_user_id_is_the_standard_default_so_a_plain_bouncycastle_verifier_agrees() throws Exception {
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        Signature plain = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
        plain.initVerify(DEBTOR.getPublic());
        plain.update(message());
        assertThat(plain.verify(signature)).isTrue();

        Signature otherId = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
        otherId.setParameter(new SM2ParameterSpec("ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII)));
        otherId.initVerify(DEBTOR.getPublic());
        otherId.update(message());
        assertThat(otherId.verify(signature)).isFalse();
    }

    @Test
    void a_key_on_another_curve_is_refused_not_thrown() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = generator.generateKeyPair();
        byte[] signature = SIGNER.sign(DEBTOR.getPrivate(), message());
        assertThat(SIGNER.verify(p256.getPublic(), message(), signature)).isFalse();
        assertThat(Signatures.checkSm2PublicKey(Signatures.encode(p256.getPublic()), "publicKey"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("signature.public-key-curve"));
    }

    @Test
    void keys_survive_a_base64_round_trip_and_still_sign_and_verify() {
        String publicText = Signatures.encode(DEBTOR.getPublic());
        String privateText = Signatures.encode(DEBTOR.getPrivate());
        assertThat(Base64.getDecoder().decode(publicText)).isEqualTo(DEBTOR.getPublic().getEncoded());
        assertThat(Signatures.publicKey(publicText)).isEqualTo(DEBTOR.getPublic());
        assertThat(Signatures.privateKey(privateText).getEncoded()).isEqualTo(DEBTOR.getPrivate().getEncoded());

        byte[] signature = SIGNER.sign(Signatures.privateKey(privateText), message());
        assertThat(SIGNER.verify(Signatures.publicKey(publicText), message(), signature)).isTrue();
        assertThat(DEBTOR.getPublic().getFormat()).isEqualTo("X.509");
        assertThat(DEBTOR.getPrivate().getFormat()).isEqualTo("PKCS#8");
    }

    @Test
    void garbage_key_text_is_a_rejection_for_users_and_an_exception_for_storage() {
        assertThat(Signatures.checkSm2PublicKey("not base64!", "publicKey"))
                .hasValueSatisfying(r -> {
                    assertThat(r.code()).isEqualTo("signature.public-key");
                    assertThat(r.field()).isEqualTo("publicKey");
                });
        assertThat(Signatures.checkSm2PublicKey(null, "publicKey")).isPresent();
        assertThat(Signatures.checkSm2PublicKey(Base64.getEncoder().encodeToString(new byte[] {48, 3, 1, 1, 0}), "k"))
                .isPresent();
        assertThatThrownBy(() -> Signatures.publicKey("AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.privateKey("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
