package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.time.Instant;
import java.util.Optional;

/**
 * Who signs a receivable confirmation, and with which key (Electronic Signature Law art. 13: the
 * signature creation data must be under the signer's sole control).
 * <ul>
 *   <li>The signer's own software signs the canonical text ({@link ConfirmationMessage}) and the
 *       platform verifies it against the enterprise's <b>registered</b> public key. A public key sent
 *       with the decision must be that registered key; a key registered from a certificate signs only
 *       until the certificate's end of validity.</li>
 *   <li>Outside demo mode the platform holds no private key: a decision without a signature is
 *       refused, and so is one signed with a key that is not registered.</li>
 *   <li>In demo mode, and only there, the platform signs with a key it holds for the enterprise when
 *       no signature is sent (a stand-in, labelled so wherever a signature is shown), and accepts a
 *       key sent with the decision when none is registered (it proves the text was signed, not by whom).</li>
 * </ul>
 */
public final class ConfirmationSigning {

    /** Whose key made a stored signature. */
    public enum KeyHolder {
        /** A key the platform holds for the enterprise: a demo stand-in, never outside demo mode. */
        PLATFORM,
        /** The enterprise's own key, registered with the platform before signing. */
        REGISTERED,
        /** A key sent with the decision and registered nowhere (demo mode only). */
        UNREGISTERED
    }

    /** What the signer sent: all null when it sent no signature. */
    public record Submitted(Instant signedAt, String publicKey, String signature) {
    }

    /** The policy's answer. */
    public sealed interface Outcome permits PlatformSigns, Verify, Refused {
    }

    /** Demo mode without a signature: the platform signs now with the key it holds. */
    public record PlatformSigns() implements Outcome {
    }

    /** Check {@code signature} over the text at {@code signedAt} with {@code key}, held as {@code holder}. */
    public record Verify(KeyHolder holder, Sm2PublicKeys.Key key, Instant signedAt, String signature) implements Outcome {
    }

    /** Refused, with the field and rule. */
    public record Refused(Rejection rejection) implements Outcome {
    }

    private ConfirmationSigning() {
    }

    /** Whether the platform may sign for an enterprise at all: only in demo mode. */
    public static boolean platformMaySign(boolean demo) {
        return demo;
    }

    /**
     * Decides how a confirmation is signed.
     *
     * @param demo           whether the platform runs in demo mode
     * @param submitted      the signer's signature, instant and (optional) public key
     * @param registered     the enterprise's active registered key, if any
     * @param signatureField the request field of the signature ({@code signature}, or {@code signatures} in a batch)
     * @param receivable     the receivable's number, for the message
     * @param now            for the validity of a certificate sent as the public key
     */
    public static Outcome decide(boolean demo, Submitted submitted, Optional<Sm2PublicKeys.Key> registered,
                                 String signatureField, String receivable, Instant now) {
        boolean signed = submitted != null && submitted.signature() != null && !submitted.signature().isBlank();
        if (!signed) {
            return platformMaySign(demo) ? new PlatformSigns()
                    : new Refused(Rejection.of("scf.signature.required", signatureField, receivable));
        }
        if (submitted.signedAt() == null) {
            return new Refused(Rejection.of("scf.required", "signedAt"));
        }
        Sm2PublicKeys.Key sent = null;
        if (submitted.publicKey() != null && !submitted.publicKey().isBlank()) {
            switch (Sm2PublicKeys.parse(submitted.publicKey(), "publicKey", now)) {
                case Sm2PublicKeys.Invalid invalid -> {
                    return new Refused(invalid.rejection());
                }
                case Sm2PublicKeys.Key key -> sent = key;
            }
        }
        if (registered.isPresent()) {
            if (sent != null && !sent.encoded().equals(registered.get().encoded())) {
                return new Refused(Rejection.of("scf.signature.key-not-registered", "publicKey",
                        registered.get().fingerprint()));
            }
            Instant notAfter = registered.get().certificateNotAfter();
            if (notAfter != null && submitted.signedAt().isAfter(notAfter)) {
                return new Refused(Rejection.of("scf.signature.certificate-expired", "signedAt", notAfter.toString()));
            }
            return new Verify(KeyHolder.REGISTERED, registered.get(), submitted.signedAt(), submitted.signature().strip());
        }
        if (!demo || sent == null) {
            return new Refused(Rejection.of("scf.signature.no-registered-key", "publicKey"));
        }
        return new Verify(KeyHolder.UNREGISTERED, sent, submitted.signedAt(), submitted.signature().strip());
    }
}
