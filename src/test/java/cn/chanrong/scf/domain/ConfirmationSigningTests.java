package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.ConfirmationSigning.KeyHolder;
import cn.chanrong.scf.domain.ConfirmationSigning.Outcome;
import cn.chanrong.scf.domain.ConfirmationSigning.Refused;
import cn.chanrong.scf.domain.ConfirmationSigning.Submitted;
import cn.chanrong.scf.domain.ConfirmationSigning.Verify;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationSigningTests {

    static final Sm2Signer SM2 = new Sm2Signer();
    static final Instant NOW = Instant.parse("2026-06-30T08:30:00Z");
    static final Sm2PublicKeys.Key OWN = key(Signatures.encode(SM2.generate().getPublic()));
    static final String OTHER = Signatures.encode(SM2.generate().getPublic());

    static Sm2PublicKeys.Key key(String text) {
        return (Sm2PublicKeys.Key) Sm2PublicKeys.parse(text, "publicKey", NOW);
    }

    static Outcome decide(boolean demo, Submitted submitted, Sm2PublicKeys.Key registered) {
        return ConfirmationSigning.decide(demo, submitted, Optional.ofNullable(registered), "signature", "AR1", NOW);
    }

    static Refused refused(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return (Refused) outcome;
    }

    @Test
    void outside_demo_mode_a_decision_without_the_signers_signature_is_refused_naming_signature() {
        for (Sm2PublicKeys.Key registered : new Sm2PublicKeys.Key[] {null, OWN}) {
            Refused r = refused(decide(false, new Submitted(null, null, null), registered));
            assertThat(r.rejection().code()).isEqualTo("scf.signature.required");
            assertThat(r.rejection().field()).isEqualTo("signature");
            assertThat(refused(decide(false, null, registered)).rejection().field()).isEqualTo("signature");
            assertThat(refused(decide(false, new Submitted(NOW, null, "  "), registered)).rejection().code())
                    .isEqualTo("scf.signature.required");
        }
        assertThat(ConfirmationSigning.platformMaySign(false)).isFalse();
    }

    @Test
    void in_demo_mode_without_a_signature_the_platform_held_key_signs() {
        assertThat(decide(true, new Submitted(null, null, null), null)).isInstanceOf(ConfirmationSigning.PlatformSigns.class);
        assertThat(decide(true, null, OWN)).isInstanceOf(ConfirmationSigning.PlatformSigns.class);
        assertThat(ConfirmationSigning.platformMaySign(true)).isTrue();
    }

    @Test
    void a_signature_is_verified_against_the_registered_key_in_either_mode() {
        for (boolean demo : new boolean[] {false, true}) {
            Verify v = (Verify) decide(demo, new Submitted(NOW, null, " c2ln "), OWN);
            assertThat(v.holder()).isEqualTo(KeyHolder.REGISTERED);
            assertThat(v.key().encoded()).isEqualTo(OWN.encoded());
            assertThat(v.signature()).isEqualTo("c2ln");
            // the registered key may be named, in any spelling
            assertThat(decide(demo, new Submitted(NOW, OWN.encoded(), "c2ln"), OWN)).isInstanceOf(Verify.class);
        }
    }

    @Test
    void a_key_other_than_the_registered_one_is_refused() {
        for (boolean demo : new boolean[] {false, true}) {
            Refused r = refused(decide(demo, new Submitted(NOW, OTHER, "c2ln"), OWN));
            assertThat(r.rejection().code()).isEqualTo("scf.signature.key-not-registered");
            assertThat(r.rejection().field()).isEqualTo("publicKey");
        }
    }

    @Test
    void without_a_registered_key_only_demo_mode_takes_a_key_sent_along() {
        Refused r = refused(decide(false, new Submitted(NOW, OTHER, "c2ln"), null));
        assertThat(r.rejection().code()).isEqualTo("scf.signature.no-registered-key");
        assertThat(refused(decide(true, new Submitted(NOW, null, "c2ln"), null)).rejection().code())
                .isEqualTo("scf.signature.no-registered-key");
        Verify v = (Verify) decide(true, new Submitted(NOW, OTHER, "c2ln"), null);
        assertThat(v.holder()).isEqualTo(KeyHolder.UNREGISTERED);
    }

    @Test
    void a_signature_needs_its_instant_and_a_key_sent_along_must_be_an_sm2_key() {
        Refused r = refused(decide(false, new Submitted(null, null, "c2ln"), OWN));
        assertThat(r.rejection().code()).isEqualTo("scf.required");
        assertThat(r.rejection().field()).isEqualTo("signedAt");
        assertThat(refused(decide(true, new Submitted(NOW, "04abc", "c2ln"), null)).rejection().code())
                .isEqualTo("signature.public-key.format");
    }

    @Test
    void a_key_registered_from_a_certificate_signs_only_until_the_certificate_ends() {
        Sm2PublicKeys.Key certified = new Sm2PublicKeys.Key(OWN.key(), OWN.encoded(), OWN.fingerprint(),
                Sm2PublicKeys.Format.CERTIFICATE, "CN=x", NOW.minusSeconds(60));
        Refused r = refused(decide(false, new Submitted(NOW, null, "c2ln"), certified));
        assertThat(r.rejection().code()).isEqualTo("scf.signature.certificate-expired");
        assertThat(decide(false, new Submitted(NOW.minusSeconds(120), null, "c2ln"), certified)).isInstanceOf(Verify.class);
    }
}
