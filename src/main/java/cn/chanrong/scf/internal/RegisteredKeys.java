package cn.chanrong.scf.internal;

import cn.chanrong.reference.WallClock;
import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.SigningKeyRegistry;
import cn.chanrong.scf.domain.Sm2PublicKeys;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprises' registered SM2 public keys: one active key each, registered and revoked by the enterprise. */
@Service
class RegisteredKeys implements SigningKeyRegistry {

    private final RegisteredKeyStore store;
    private final AuditTrail audit;
    private final SigningKeys keys;
    private final WallClock clock;

    RegisteredKeys(RegisteredKeyStore store, AuditTrail audit, SigningKeys keys, WallClock clock) {
        this.clock = clock;
        this.store = store;
        this.audit = audit;
        this.keys = keys;
    }

    private static long enterprise(Caller caller) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        return caller.enterpriseId();
    }

    @Override
    @Transactional
    public RegisteredKey register(Caller caller, String publicKey) {
        long enterprise = enterprise(caller);
        Sm2PublicKeys.Key key = switch (Sm2PublicKeys.parse(publicKey, "publicKey", clock.now())) {
            case Sm2PublicKeys.Invalid invalid -> throw Rejected.invalid(invalid.rejection());
            case Sm2PublicKeys.Key k -> k;
        };
        // registrations of one enterprise queue here, so "one active key" never meets a unique violation
        store.lockRegistrations(enterprise);
        Optional<RegisteredKey> same = store.byFingerprint(key.fingerprint());
        if (same.isPresent()) {
            RegisteredKey s = same.get();
            String rule = s.enterpriseId() != enterprise ? "signature.key.other-enterprise"
                    : s.active() ? "signature.key.already-active" : "signature.key.revoked";
            throw Rejected.conflict(Rejection.of(rule, "publicKey", key.fingerprint()));
        }
        Instant now = clock.now();
        store.revokeActive(enterprise, now, caller.username());
        long id = store.insert(enterprise, keys.signer().algorithm(), key, caller.username(), now);
        audit.record(AuditEvent.success(caller.username(), "scf.signing-key.register", "enterprise",
                Long.toString(enterprise), key.format() + " SHA-256 " + key.fingerprint()));
        return store.get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredKey> list(Caller caller) {
        return store.ofEnterprise(enterprise(caller));
    }

    @Override
    @Transactional
    public RegisteredKey revoke(Caller caller, long id) {
        long enterprise = enterprise(caller);
        RegisteredKey key = store.lockOwn(id, enterprise).orElseThrow(() -> Rejected.notFound("signing-key", id));
        if (!key.active()) {
            throw Rejected.conflict(Rejection.of("signature.key.revoked", "id", key.fingerprint()));
        }
        store.revoke(id, caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.signing-key.revoke", "enterprise",
                Long.toString(enterprise), "SHA-256 " + key.fingerprint()));
        return store.get(id);
    }
}
