package cn.chanrong.enterprise.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Verified or declared status (issue 17 §4). What an enterprise types — a qualification with any
 * issuer text, a chain tag — is <b>declared</b>: shown as declared and buying nothing. A status is
 * <b>verified</b> on a day when the issuing authority's list ({@link StatusList}) or a regulator's
 * confirmation holds it and the day is within its validity. A key chain is one of the eight key
 * chains of measure (一) of the Guidance (集成电路、工业母机、医疗装备、服务器、仪器仪表、基础软件、
 * 工业软件、先进材料) — never an emerging or future industry — and it is verified when the enterprise,
 * tagged with it, is on a verified 链主 / key-chain enterprise list on that day.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** Where a status comes from; only a declaration is unverified. */
    public enum Source {
        LIST, CONFIRMATION, DECLARATION;

        public boolean verified() {
            return this != DECLARATION;
        }
    }

    /** One status held: {@code document} is the list's issuing document or the certificate; {@code validTo} null is open-ended. */
    public record Held(QualificationType type, Source source, String issuer, String document, LocalDate validFrom,
                       LocalDate validTo) {

        public boolean verified() {
            return source.verified();
        }

        /** Within its validity: from {@code validFrom} inclusive to {@code validTo} exclusive. */
        public boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
        }
    }

    /**
     * An enterprise's standing on one day, verified and declared apart: {@code verified} the statuses a
     * list or a confirmation holds that day, {@code declared} those only the enterprise says it holds,
     * {@code declaredChains} every chain tag it gave, {@code verifiedKeyChains} its key chains verified.
     */
    public record Standing(Set<QualificationType> verified, Set<QualificationType> declared, Set<ChainTag> declaredChains,
                           Set<ChainTag> verifiedKeyChains) {

        public Standing {
            verified = Set.copyOf(verified);
            declared = Set.copyOf(declared);
            declaredChains = Set.copyOf(declaredChains);
            verifiedKeyChains = Set.copyOf(verifiedKeyChains);
        }
    }

    /** Whether a tag is one of the eight key chains of measure (一). */
    public static boolean keyChain(ChainTag tag) {
        return tag.kind() == ChainTag.Kind.KEY_CHAIN;
    }

    /** The eight key chains of measure (一). */
    public static Set<ChainTag> keyChains() {
        Set<ChainTag> out = EnumSet.noneOf(ChainTag.class);
        for (ChainTag t : ChainTag.values()) {
            if (keyChain(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The standing on {@code day} from every status held (of any validity) and the chain tags given. */
    public static Standing on(LocalDate day, Collection<Held> held, Collection<ChainTag> chainTags) {
        Set<QualificationType> verified = EnumSet.noneOf(QualificationType.class);
        Set<QualificationType> declared = EnumSet.noneOf(QualificationType.class);
        for (Held h : held) {
            if (h.validOn(day)) {
                (h.verified() ? verified : declared).add(h.type());
            }
        }
        declared.removeAll(verified);
        Set<ChainTag> chains = chainTags.isEmpty() ? EnumSet.noneOf(ChainTag.class) : EnumSet.copyOf(chainTags);
        Set<ChainTag> keyChains = EnumSet.noneOf(ChainTag.class);
        if (verified.contains(QualificationType.CHAIN_LEADER)) {
            chains.stream().filter(StatusRules::keyChain).forEach(keyChains::add);
        }
        return new Standing(verified, declared, chains, keyChains);
    }
}
