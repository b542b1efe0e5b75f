package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.Signatures;
import cn.chanrong.scf.domain.Sm2Signer;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signer's own key (issue 15 §7): the SME registers its SM2 public key, its own software signs
 * the canonical confirmation text, the platform verifies against the registered key, singly and in
 * batch; a wrong signature or an unregistered key is refused and nothing changes. Pages label a
 * platform-held key's signature as a demo stand-in.
 */
@IntegrationTest
class SigningKeyIntegrationTests {

    static final Sm2Signer SM2 = new Sm2Signer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    long enterpriseOf(String user) {
        return jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String hex(KeyPair pair) {
        return HexFormat.of().formatHex(((ECPublicKey) pair.getPublic()).getQ().getEncoded(false));
    }

    /** The core enterprise bills the SME: a receivable the SME as debtor must confirm. */
    long receivable(String amount) {
        var made = as("core").post("/api/v1/receivables", Map.of("debtorId", enterpriseOf("enterprise"),
                "amount", amount, "deliveredOn", "2026-06-01", "dueOn", "2026-11-30", "contractNo", "HT-KEY"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    String sign(KeyPair pair, long id, String decision, Instant at) {
        String message = as("enterprise").get("/api/v1/receivables/" + id + "/message?decision=" + decision + "&signedAt=" + at).body();
        assertThat(message).startsWith("chanrong-receivable-confirmation-v1\n");
        return Base64.getEncoder().encodeToString(SM2.sign(pair.getPrivate(), message.getBytes(StandardCharsets.UTF_8)));
    }

    String status(long id) {
        return as("enterprise").get("/api/v1/receivables/" + id).json().get("status").asString();
    }

    @Test
    void the_sme_registers_its_key_signs_with_it_and_the_platform_verifies() throws Exception {
        Api sme = as("enterprise");
        KeyPair first = SM2.generate();
        KeyPair own = SM2.generate();

        // keys that are not SM2 public keys are refused, naming the field and the rule
        var offCurve = sme.post("/api/v1/signing-keys", Map.of("publicKey", "04" + "0".repeat(63) + "1" + "0".repeat(63) + "1"));
        assertThat(offCurve.status()).isEqualTo(422);
        assertThat(offCurve.body()).contains("publicKey").contains("is not a point on the SM2 curve sm2p256v1");
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        var wrongCurve = sme.post("/api/v1/signing-keys", Map.of("publicKey", pem(p256.generateKeyPair())));
        assertThat(wrongCurve.status()).isEqualTo(422);
        assertThat(wrongCurve.body()).contains("is not a key on the SM2 curve sm2p256v1");
        assertThat(as("bank").post("/api/v1/signing-keys", Map.of("publicKey", hex(own))).status()).isEqualTo(403);

        // one active key: a second registration revokes the first, which is kept with the time
        var registered = sme.post("/api/v1/signing-keys", Map.of("publicKey", pem(first)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("format").asString()).isEqualTo("PEM");
        assertThat(registered.json().get("publicKey").asString()).isEqualTo(Signatures.encode(first.getPublic()));
        var second = sme.post("/api/v1/signing-keys", Map.of("publicKey", hex(own)));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("active").asBoolean()).isTrue();
        var keys = sme.get("/api/v1/signing-keys").json();
        assertThat(keys.get(0).get("id").asLong()).isEqualTo(second.json().get("id").asLong());
        assertThat(keys.get(0).get("format").asString()).isEqualTo("HEX");
        var revoked = keys.get(1);
        assertThat(revoked.get("id").asLong()).isEqualTo(registered.json().get("id").asLong());
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(revoked.get("revokedBy").asString()).isEqualTo("enterprise");
        var again = sme.post("/api/v1/signing-keys", Map.of("publicKey", pem(first)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("was revoked");
        assertThat(as("core").post("/api/v1/signing-keys", Map.of("publicKey", hex(own))).body())
                .contains("is registered by another enterprise");

        // the debtor's own software signs the canonical text; the platform verifies against the registered key
        long id = receivable("250000.00");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var byRevoked = sme.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "signature", sign(first, id, "CONFIRMED", at)));
        assertThat(byRevoked.status()).isEqualTo(422);
        assertThat(byRevoked.body()).contains("the signature does not verify");
        var wrongText = sme.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "signature", sign(own, id, "DISPUTED", at)));
        assertThat(wrongText.status()).isEqualTo(422);
        var unregistered = sme.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "publicKey", pem(first), "signature", sign(first, id, "CONFIRMED", at)));
        assertThat(unregistered.status()).isEqualTo(422);
        assertThat(unregistered.body()).contains("is not your enterprise's registered signing key");
        assertThat(status(id)).isEqualTo("UPLOADED");

        var confirmed = sme.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "signature", sign(own, id, "CONFIRMED", at)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        var verified = as("core").get("/api/v1/receivables/" + id + "/verification").json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("keyHolder").asString()).isEqualTo("REGISTERED");
        assertThat(verified.get("publicKey").asString()).isEqualTo(Signatures.encode(own.getPublic()));
        assertThat(verified.get("message").asString()).contains("confirmed-at=" + at + "\n");
        assertThat(jdbc.sql("SELECT signature_key_id FROM scf_receivable WHERE id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(second.json().get("id").asLong());
        // anyone can check it with the public key alone
        assertThat(SM2.verify(Signatures.publicKey(verified.get("publicKey").asString()),
                verified.get("message").asString().getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(verified.get("signature").asString()))).isTrue();

        // in batch, each receivable's text signed; one bad signature and none is decided
        long a = receivable("1000.00");
        long b = receivable("2000.00");
        Instant batchAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var oneBad = sme.post("/api/v1/receivables/decisions", Map.of("ids", java.util.List.of(a, b),
                "decision", "DISPUTED", "reason", "short delivery", "signedAt", batchAt.toString(),
                "signatures", Map.of(Long.toString(a), sign(own, a, "DISPUTED", batchAt),
                        Long.toString(b), sign(own, a, "DISPUTED", batchAt))));
        assertThat(oneBad.status()).isEqualTo(422);
        assertThat(oneBad.body()).contains("the signature does not verify");
        assertThat(status(a)).isEqualTo("UPLOADED");
        var missing = sme.post("/api/v1/receivables/decisions", Map.of("ids", java.util.List.of(a, b),
                "decision", "DISPUTED", "reason", "short delivery", "signedAt", batchAt.toString(),
                "signatures", Map.of(Long.toString(a), sign(own, a, "DISPUTED", batchAt))));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(status(a)).isEqualTo("UPLOADED");
        var batch = sme.post("/api/v1/receivables/decisions", Map.of("ids", java.util.List.of(a, b),
                "decision", "DISPUTED", "reason", "short delivery", "signedAt", batchAt.toString(),
                "signatures", Map.of(Long.toString(a), sign(own, a, "DISPUTED", batchAt),
                        Long.toString(b), sign(own, b, "DISPUTED", batchAt))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(status(a)).isEqualTo("DISPUTED");
        assertThat(as("core").get("/api/v1/receivables/" + b + "/verification").json().get("valid").asBoolean()).isTrue();

        // the page says whose key signed; a platform-held key's signature is labelled a demo stand-in
        long demoSigned = receivable("3000.00");
        assertThat(sme.post("/api/v1/receivables/" + demoSigned + "/decision", Map.of("decision", "CONFIRMED")).status())
                .isEqualTo(200);
        assertThat(as("core").get("/api/v1/receivables/" + demoSigned + "/verification").json().get("keyHolder").asString())
                .isEqualTo("PLATFORM");
        Workbench page = Workbench.loggedIn(port, "enterprise");
        assertThat(page.get("/scf/receivables/" + id + "?lang=en").body())
                .contains("data-holder=\"REGISTERED\"").contains("Signed with the private key the signer holds itself")
                .doesNotContain("Demo stand-in");
        assertThat(page.get("/scf/receivables/" + demoSigned + "?lang=en").body())
                .contains("data-holder=\"PLATFORM\"").contains("Demo stand-in: signed with a key the platform holds");
        assertThat(page.get("/scf/receivables/" + demoSigned + "?lang=zh").body()).contains("演示替身：此签名由平台代持的密钥生成");

        // a lost key is revoked; a signature made before stays valid
        long keyId = second.json().get("id").asLong();
        var gone = sme.post("/api/v1/signing-keys/" + keyId + "/revoke", Map.of());
        assertThat(gone.status()).as(gone.body()).isEqualTo(200);
        assertThat(gone.json().get("active").asBoolean()).isFalse();
        assertThat(as("core").get("/api/v1/receivables/" + id + "/verification").json().get("valid").asBoolean()).isTrue();
    }
}
