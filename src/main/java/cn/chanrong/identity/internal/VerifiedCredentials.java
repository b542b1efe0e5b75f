package cn.chanrong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a few minutes, credentials that BCrypt has already verified, so that a stateless
 * API client sending HTTP Basic on every call pays the deliberately slow hash once, not per request.
 * Only an HMAC of username and password under a key that lives in this process's memory is kept —
 * never the password — and the user's current state (enabled, role, tenant) is reloaded on each hit.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private record Entry(String mac, Instant expires) {
    }

    private final AuthenticationProvider delegate;
    private final JdbcUsers users;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    VerifiedCredentials(AuthenticationProvider delegate, JdbcUsers users, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.users = users;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(authentication);
        }
        String mac = mac(username, credentials.toString());
        Entry hit = verified.get(username);
        if (hit != null && hit.mac().equals(mac) && clock.instant().isBefore(hit.expires())) {
            CallerPrincipal principal = users.principal(username).orElse(null);
            if (principal != null && principal.isEnabled()) {
                return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            }
            verified.remove(username);
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() > 100_000) {
                verified.clear();
            }
            verified.put(username, new Entry(mac, clock.instant().plus(ttl)));
        }
        return result;
    }

    /** Forgets a user's verified credentials, e.g. after a password change. */
    void forget(String username) {
        verified.remove(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String mac(String username, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return java.util.HexFormat.of().formatHex(m.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
