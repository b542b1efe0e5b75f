package cn.chanrong.identity;

import cn.chanrong.identity.internal.CallerPrincipal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, from the security context. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Optional<Caller> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CallerPrincipal p) {
            return Optional.of(p.caller());
        }
        return Optional.empty();
    }

    /** The caller's name for the audit trail, or {@code anonymous}. */
    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }
}
