package cn.chanrong.identity.internal;

import cn.chanrong.identity.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in user as Spring Security sees it, carrying the {@link Caller}. */
public final class CallerPrincipal implements UserDetails {

    private final Caller caller;
    private final String passwordHash;
    private final boolean enabled;

    CallerPrincipal(Caller caller, String passwordHash, boolean enabled) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
        if (caller.department() != null) {
            // for modules below identity, which authorise by annotation and cannot read the Caller
            list.add(new SimpleGrantedAuthority("DEPARTMENT_" + caller.department()));
        }
        if (caller.role() == cn.chanrong.identity.Role.REGULATOR && caller.regionCode() == null) {
            // a regulator of a national department: national reference data is theirs to write
            list.add(new SimpleGrantedAuthority("NATIONAL_REGULATOR"));
        }
        caller.authorities().forEach(a -> list.add(new SimpleGrantedAuthority(a)));
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
