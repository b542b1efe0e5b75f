package cn.chanrong.scf.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The roundings supply-chain finance applies to money, by name, so that a figure says which one made
 * it. Interest and the value of goods are rounded half up to the fen; what a funder advances against
 * a base (a receivable, a document, goods) is rounded down, so that it never exceeds the agreed share
 * by a fraction of a fen.
 */
public enum Rounding {

    /** Half up to the fen: interest, discounts, the value of goods. */
    FEN_HALF_UP(RoundingMode.HALF_UP),

    /** Down to the fen: an advance or a cover, never more than its rate allows. */
    FEN_DOWN(RoundingMode.DOWN);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    /** {@code amount} to the fen (scale 2) by this rounding. */
    public BigDecimal apply(BigDecimal amount) {
        return amount.setScale(2, mode);
    }
}
