package cn.chanrong.scf.internal;

import cn.chanrong.reference.WallClock;
import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.PlatformMode;
import cn.chanrong.scf.Receivables.Decision;
import cn.chanrong.scf.Receivables.Decisions;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.scf.Receivables.Verification;
import cn.chanrong.scf.domain.ConfirmationMessage;
import cn.chanrong.scf.domain.ConfirmationSigning;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The debtor's decision on a receivable (confirmed or disputed, one or a batch), signed with SM2 over
 * the canonical message: its own registered key's signature checked, or in demo mode the platform's
 * stand-in; and the verification of a stored signature by those who may see the receivable. Runs in
 * the transaction {@link ReceivableService} starts.
 */
@Component
class ReceivableConfirmations {

    private static final String CURRENCY = "CNY";

    private final ReceivableStore store;
    private final SigningKeys keys;
    private final RegisteredKeyStore registered;
    private final PlatformMode mode;
    private final AuditTrail audit;
    private final WallClock clock;

    ReceivableConfirmations(ReceivableStore store, SigningKeys keys, RegisteredKeyStore registered,
                            PlatformMode mode, AuditTrail audit, WallClock clock) {
        this.clock = clock;
        this.store = store;
        this.keys = keys;
        this.registered = registered;
        this.mode = mode;
        this.audit = audit;
    }

    static ConfirmationMessage.Decision decisionOf(String raw) {
        try {
            return ConfirmationMessage.Decision.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("scf.receivable.decision", "decision", raw));
        }
    }

    Receivable decide(Caller caller, long id, Decision d) {
        ReceivableService.enterpriseOnly(caller);
        ConfirmationMessage.Decision decision = decisionOf(d.decision());
        Receivable r = store.find(caller, id).orElseThrow(() -> Rejected.notFound("receivable", id));
        if (r.debtorId() != caller.enterpriseId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
        }
        r = store.lock(id);
        return decideLocked(caller, r, decision, d, "signature");
    }

    private Receivable decideLocked(Caller caller, Receivable r, ConfirmationMessage.Decision decision, Decision d,
                                    String signatureField) {
        ReceivableStatus.of(r.status()).decide(r.number(), decision).orThrow();
        if (decision == ConfirmationMessage.Decision.DISPUTED && (d.reason() == null || d.reason().isBlank())) {
            throw Rejected.invalid(Rejection.of("scf.required", "reason"));
        }
        return sign(caller, r, decision, d.reason(), d, signatureField);
    }

    /**
     * Checks the debtor's own signature over the canonical message against its registered key (or, in
     * demo mode only, signs with the key the platform holds for it) and records the decision.
     */
    Receivable sign(Caller caller, Receivable r, ConfirmationMessage.Decision decision, String reason,
            Decision own, String signatureField) {
        ReceivableStatus decided = ReceivableStatus.of(r.status()).decide(r.number(), decision).orThrow();
        Optional<RegisteredKeyStore.Active> active = registered.active(r.debtorId());
        ConfirmationSigning.Submitted submitted = own == null ? null
                : new ConfirmationSigning.Submitted(own.signedAt(), own.publicKey(), own.signature());
        ConfirmationSigning.Outcome outcome = ConfirmationSigning.decide(mode.demo(), submitted,
                active.map(RegisteredKeyStore.Active::key), signatureField, r.number(), clock.now());
        Instant at;
        SigningKeys.Signed signed;
        ConfirmationSigning.KeyHolder holder;
        switch (outcome) {
            case ConfirmationSigning.Refused refused -> throw Rejected.invalid(refused.rejection());
            case ConfirmationSigning.PlatformSigns platform -> {
                at = clock.now().truncatedTo(ChronoUnit.SECONDS);
                signed = keys.sign(r.debtorId(), canonical(r, at, decision));
                holder = ConfirmationSigning.KeyHolder.PLATFORM;
            }
            case ConfirmationSigning.Verify verify -> {
                at = verify.signedAt().truncatedTo(ChronoUnit.SECONDS);
                if (!keys.verify(verify.key().encoded(), canonical(r, at, decision), verify.signature())) {
                    throw Rejected.invalid(Rejection.of("scf.signature.invalid", signatureField, r.number()));
                }
                signed = new SigningKeys.Signed(keys.signer().algorithm(), verify.key().encoded(), verify.signature());
                holder = verify.holder();
            }
        }
        Long keyId = holder == ConfirmationSigning.KeyHolder.REGISTERED ? active.orElseThrow().id() : null;
        store.recordDecision(r.id(), decided, at, caller.username(), reason, signed, holder.name(), keyId);
        audit.record(AuditEvent.success(caller.username(), "scf.receivable." + decision.name().toLowerCase(),
                "receivable", r.number(), signed.algorithm() + " (" + switch (holder) {
                    case PLATFORM -> "platform-held demo key";
                    case REGISTERED -> "debtor's registered key";
                    case UNREGISTERED -> "unregistered key sent with the decision, demo";
                } + ")" + (reason == null ? "" : ": " + reason)));
        return store.get(caller, r.id());
    }

    private static byte[] canonical(Receivable r, Instant at, ConfirmationMessage.Decision decision) {
        return ConfirmationMessage.canonical(r.number(), r.creditorCode(), r.debtorCode(), r.amount(), CURRENCY,
                r.dueOn(), at, decision);
    }

    String message(Caller caller, long id, String decision, Instant signedAt) {
        Receivable r = store.get(caller, id);
        Instant at = signedAt == null ? clock.now() : signedAt;
        return new String(ConfirmationMessage.canonical(r.number(), r.creditorCode(), r.debtorCode(), r.amount(),
                CURRENCY, r.dueOn(), at, decisionOf(decision)), StandardCharsets.UTF_8);
    }

    List<Receivable> decideAll(Caller caller, Decisions decisions) {
        ReceivableService.enterpriseOnly(caller);
        List<Long> ids = decisions.ids();
        ConfirmationMessage.Decision d = decisionOf(decisions.decision());
        if (ids == null || ids.isEmpty()) {
            throw Rejected.invalid(Rejection.of("scf.required", "ids"));
        }
        List<Receivable> out = new ArrayList<>();
        // in id order, so two batches never wait on each other in a circle
        for (long id : ids.stream().distinct().sorted().toList()) {
            Receivable r = store.find(caller, id).orElseThrow(() -> Rejected.notFound("receivable", id));
            if (r.debtorId() != caller.enterpriseId()) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
            }
            String signature = decisions.signatures() == null ? null : decisions.signatures().get(id);
            if (signature == null && decisions.signatures() != null && !decisions.signatures().isEmpty()) {
                // a signed batch is signed throughout: no receivable slips through on a platform-held key
                throw Rejected.invalid(Rejection.of("scf.signature.required", "signatures", r.number()));
            }
            out.add(decideLocked(caller, store.lock(id), d, new Decision(decisions.decision(), decisions.reason(),
                    decisions.signedAt(), decisions.publicKey(), signature), "signatures"));
        }
        return out;
    }

    Verification verify(Caller caller, long id) {
        // verifiable by every party that may see the receivable; to anyone else it does not exist
        ReceivableStore.SignedDecision row = store.signedDecision(caller, id)
                .orElseThrow(() -> Rejected.notFound("receivable", id));
        if (row.signature() == null) {
            throw Rejected.conflict(Rejection.of("scf.receivable.unsigned", null, row.number()));
        }
        String decision = ReceivableStatus.of(row.status()) == ReceivableStatus.DISPUTED ? "DISPUTED" : "CONFIRMED";
        byte[] message = ConfirmationMessage.canonical(row.number(), row.creditor(), row.debtor(), row.amount(), CURRENCY,
                row.due(), row.at(), ConfirmationMessage.Decision.valueOf(decision));
        return new Verification(row.number(), decision, row.algorithm(), row.key(), row.signature(),
                new String(message, StandardCharsets.UTF_8), keys.verify(row.key(), message, row.signature()), row.holder());
    }

}
