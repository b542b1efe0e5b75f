package cn.chanrong.capital.domain;

import cn.chanrong.shared.Transition;
import java.util.Arrays;
import java.util.Optional;

/**
 * An investor's deal, from first interest to the investment or a decline. A deal moves forward — a stage may be skipped
 * (an investor may sign no NDA) —, never back; the investment is made only on a term sheet; a deal not yet final may be
 * declined; an invested or declined deal moves no more.
 */
public enum DealStage {
    INTEREST, NDA, DUE_DILIGENCE, TERM_SHEET, INVESTED, DECLINED;

    public boolean fin() {
        return this == INVESTED || this == DECLINED;
    }

    /** The move to {@code next}, or why it is refused. */
    public Transition<DealStage> to(DealStage next) {
        if (fin()) {
            return Transition.refused("capital.deal.final", "stage", name(), next.name());
        }
        if (next == DECLINED) {
            return Transition.to(DECLINED);
        }
        if (next == INVESTED && this != TERM_SHEET) {
            return Transition.refused("capital.deal.term-sheet-first", "stage", name());
        }
        if (next.ordinal() <= ordinal()) {
            return Transition.refused("capital.deal.backwards", "stage", name(), next.name());
        }
        return Transition.to(next);
    }

    public static Optional<DealStage> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
