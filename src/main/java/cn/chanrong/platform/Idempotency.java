package cn.chanrong.platform;

import java.util.function.Supplier;

/**
 * Makes a creating call safe to retry. {@link #execute} runs in one transaction: it claims the
 * caller's key (a concurrent retry waits on the claim), runs the effect and stores its response
 * beside it, so the effect and the record commit or roll back together. A retry with the same key
 * and the same request returns the stored response; the same key with a different request is refused.
 */
public interface Idempotency {

    /** The stored (or fresh) response of a creating call. */
    record Response(int status, String location, String body, boolean replayed) {
    }

    /**
     * @param caller      whose key space the key belongs to
     * @param key         the client's {@code Idempotency-Key}, or null to run without one
     * @param operation   which operation the key was used for (part of the match)
     * @param requestHash a digest of the request
     * @param effect      the call; runs only when the key is new
     * @throws KeyReusedException when the key was used for a different request
     */
    Response execute(String caller, String key, String operation, String requestHash, Supplier<Response> effect);

    /** A stable digest of a request record (its components in order), to match retries. */
    static String digest(Record request) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(
                    md.digest(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key was first used with another request. */
    final class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key) {
            super("Idempotency-Key " + key + " was used with a different request");
        }
    }
}
