package cn.chanrong.capital.domain;

import cn.chanrong.shared.Transition;
import java.util.Arrays;
import java.util.Optional;

/**
 * An enterprise's way on the 千帆百舸 cultivation list: cultivation, counselling (辅导备案 with a sponsor), filing (申报受理),
 * listed — forward one stage at a time (a filing needs counselling first, a listing a filing); an entry not yet listed
 * may be withdrawn; listed or withdrawn is final.
 */
public enum ListingStage {
    CULTIVATION, COUNSELLING, FILING, LISTED, WITHDRAWN;

    public boolean fin() {
        return this == LISTED || this == WITHDRAWN;
    }

    /** The move to {@code next}, or why it is refused. */
    public Transition<ListingStage> to(ListingStage next) {
        if (fin()) {
            return Transition.refused("capital.listing.final", "stage", name(), next.name());
        }
        if (next == WITHDRAWN) {
            return Transition.to(WITHDRAWN);
        }
        if (next.ordinal() <= ordinal()) {
            return Transition.refused("capital.listing.backwards", "stage", name(), next.name());
        }
        if (next.ordinal() > ordinal() + 1) {
            return Transition.refused("capital.listing.skip", "stage", name(), next.name());
        }
        return Transition.to(next);
    }

    /** The stages this one may move to. */
    public java.util.List<ListingStage> next() {
        return Arrays.stream(values()).filter(s -> to(s).allowed()).toList();
    }

    public static Optional<ListingStage> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
