package cn.chanrong.scf.domain;

import cn.chanrong.shared.Transition;
import java.util.Arrays;
import java.util.List;

/**
 * Where a funder's financing offer on a receivable stands. REQUESTED by the creditor; the funder
 * OFFERED terms or DECLINED; the creditor ACCEPTED one offer, and the others still open LAPSED with it.
 * (REFUSED is kept for offers refused outside these steps.)
 */
public enum OfferStatus {
    REQUESTED, OFFERED, DECLINED, ACCEPTED, LAPSED, REFUSED;

    /** The status stored as text. */
    public static OfferStatus of(String stored) {
        return valueOf(stored);
    }

    /** Still awaiting an answer or an acceptance: lapses when another offer on the receivable is accepted. */
    public boolean open() {
        return this == REQUESTED || this == OFFERED;
    }

    /** The stored texts of the open statuses, for the update that lapses them. */
    public static List<String> openNames() {
        return Arrays.stream(values()).filter(OfferStatus::open).map(Enum::name).toList();
    }

    /** The funder answers request {@code offerId} with terms. */
    public Transition<OfferStatus> offer(long offerId) {
        return this == REQUESTED ? Transition.to(OFFERED) : refused(offerId);
    }

    /** The funder declines request {@code offerId}. */
    public Transition<OfferStatus> decline(long offerId) {
        return this == REQUESTED ? Transition.to(DECLINED) : refused(offerId);
    }

    /** The creditor accepts offer {@code offerId}: only one with terms. */
    public Transition<OfferStatus> accept(long offerId) {
        return this == OFFERED ? Transition.to(ACCEPTED) : refused(offerId);
    }

    /** Another offer on the receivable was accepted: an open one lapses. */
    public Transition<OfferStatus> lapse(long offerId) {
        return open() ? Transition.to(LAPSED) : refused(offerId);
    }

    private Transition<OfferStatus> refused(long offerId) {
        return Transition.refused("scf.offer.status", "status", offerId, name());
    }
}
