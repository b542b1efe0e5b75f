package cn.chanrong.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How registered interests in one asset rank (FACTS §3 and §10). The register accepts every valid
 * filing; what it answers is the order, by named rules of the Civil Code:
 * <ul>
 * <li>{@link Rule#REGISTRATION_ORDER} (art. 414, and 768 for factoring): among registered interests,
 * the earlier registration ranks first;</li>
 * <li>{@link Rule#PURCHASE_MONEY} (art. 416; retention of title and financial leasing likewise,
 * 担保制度解释 art. 57): an interest securing the price of the goods, registered no later than ten days
 * after their delivery, ranks ahead of the other security interests in them, whenever those were
 * registered;</li>
 * <li>{@link Rule#ORDINARY_COURSE_BUYER} (art. 404): a buyer in the ordinary course of business who paid a
 * reasonable price takes the goods free of a registered mortgage (not of a pledge).</li>
 * </ul>
 * Two interests that both claim ownership of one asset — a receivable factored twice, a machine leased
 * twice — are not ranked but refused on the financing side ({@link #ownershipConflict}).
 */
public final class Priority {

    /** Days after delivery within which a purchase-money interest must be registered (art. 416). */
    public static final int PURCHASE_MONEY_DAYS = 10;

    /** The rule that put one interest ahead of another. */
    public enum Rule { REGISTRATION_ORDER, PURCHASE_MONEY, ORDINARY_COURSE_BUYER }

    /**
     * A registered (or prospective) interest: its number; the business day it was registered on and the
     * instant (imported national filings are ordered against the platform's by the instant); the
     * platform's registration sequence (0 for an imported filing), which orders the platform's own
     * filings exactly; its collateral type; and for a purchase-money interest the goods' delivery date.
     */
    public record Interest(String number, LocalDate registeredOn, Instant registeredAt, long seq, CollateralType type,
                           boolean purchaseMoney, LocalDate deliveredOn) {
        public Interest {
            Objects.requireNonNull(registeredOn, "registeredOn");
            Objects.requireNonNull(registeredAt, "registeredAt");
            Objects.requireNonNull(type, "type");
        }

        /**
         * Whether this interest takes the purchase-money priority: it secures the price (or is a retention
         * of title or a financial lease), the delivery date is stated, and it was registered by the tenth
         * day after delivery.
         */
        public boolean superPriority() {
            boolean priceSecured = purchaseMoney || type.nature() == CollateralType.Nature.OWNERSHIP;
            return priceSecured && deliveredOn != null && !registeredOn.isAfter(deliveredOn.plusDays(PURCHASE_MONEY_DAYS));
        }
    }

    /** An interest ahead of the one asked about, and the rule that puts it there. */
    public record Ahead(Interest interest, Rule rule) {
    }

    /** Where an interest ranks among the others in the same asset: 1 is first. */
    public record Ranking(int position, List<Ahead> ahead) {
    }

    private Priority() {
    }

    /** Whether {@code a} ranks ahead of {@code b}, and by which rule; null when it does not. */
    public static Rule ahead(Interest a, Interest b) {
        boolean sa = a.superPriority();
        boolean sb = b.superPriority();
        if (sa != sb) {
            return sa ? Rule.PURCHASE_MONEY : null;
        }
        return earlier(a, b) ? Rule.REGISTRATION_ORDER : null;
    }

    /** The platform's sequence between its own filings; the instant otherwise, an imported filing first on a tie. */
    private static boolean earlier(Interest a, Interest b) {
        if (a.seq() != 0 && b.seq() != 0) {
            return a.seq() < b.seq();
        }
        int byTime = a.registeredAt().compareTo(b.registeredAt());
        return byTime != 0 ? byTime < 0 : a.seq() == 0 && b.seq() != 0;
    }

    /** Where {@code mine} ranks among {@code others}: the interests ahead of it in their own order. */
    public static Ranking rank(Interest mine, List<Interest> others) {
        List<Ahead> ahead = new ArrayList<>();
        for (Interest other : others) {
            Rule rule = ahead(other, mine);
            if (rule != null) {
                ahead.add(new Ahead(other, rule));
            }
        }
        ahead.sort(Comparator.comparing(Ahead::interest, order()));
        return new Ranking(ahead.size() + 1, List.copyOf(ahead));
    }

    /** The order of interests in one asset, first first. */
    public static Comparator<Interest> order() {
        return (a, b) -> ahead(a, b) != null ? -1 : ahead(b, a) != null ? 1 : 0;
    }

    /**
     * Whether a buyer in the ordinary course takes the goods free of {@code interest} (art. 404): a
     * registered mortgage on movables does not bind such a buyer; a pledge (the pledgee holds the goods
     * or their document) and an ownership interest do.
     */
    public static boolean buyerTakesFree(Interest interest) {
        return interest.type().nature() == CollateralType.Nature.MORTGAGE;
    }

    /**
     * Whether {@code wanted} would claim an asset that {@code held} already owns: a second factoring of a
     * receivable (art. 768: the first registered assignee prevails) or a second lease or retention of
     * title of one machine. These are refused outright, never ranked as junior.
     */
    public static boolean ownershipConflict(CollateralType wanted, CollateralType held) {
        return wanted.nature() == CollateralType.Nature.OWNERSHIP && held.nature() == CollateralType.Nature.OWNERSHIP
                && wanted.assetClass().equals(held.assetClass());
    }
}
