package cn.chanrong.scf.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Loan-to-value of a financing secured by warehouse receipts or pledged stock: exposure over the
 * current value of the collateral. A funder watches it daily as prices move: at the alert line
 * (警戒线) it warns, at the liquidation line (处置线) it calls for more margin or sells.
 * <p>
 * States are decided by comparing {@code exposure} with {@code line × collateral}, not by dividing,
 * so collateral that has fallen to zero is simply a margin call rather than a division error. The
 * ratio itself is for display, to four decimals, half up.
 */
public record Ltv(BigDecimal exposure, BigDecimal collateralValue) {

    /** Where a financing stands against its lines. */
    public enum State { NORMAL, ALERT, MARGIN_CALL }

    public Ltv {
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(collateralValue, "collateralValue");
        if (exposure.signum() < 0 || collateralValue.signum() < 0) {
            throw new IllegalArgumentException("exposure and collateral value cannot be negative");
        }
    }

    public static Ltv of(BigDecimal exposure, BigDecimal collateralValue) {
        return new Ltv(exposure, collateralValue);
    }

    /** Exposure ÷ collateral to four decimals; empty when there is exposure and no collateral. */
    public Optional<BigDecimal> ratio() {
        if (exposure.signum() == 0) {
            return Optional.of(BigDecimal.ZERO.setScale(4));
        }
        if (collateralValue.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(exposure.divide(collateralValue, 4, RoundingMode.HALF_UP));
    }

    /**
     * The state against the lines (fractions such as 0.70 and 0.80; reaching a line counts).
     * Nothing owed is always normal.
     */
    public static State state(Ltv ltv, BigDecimal alertLine, BigDecimal liquidationLine) {
        if (alertLine.signum() <= 0 || alertLine.compareTo(liquidationLine) >= 0) {
            throw new IllegalArgumentException("need 0 < alert line < liquidation line: " + alertLine + ", " + liquidationLine);
        }
        if (ltv.exposure().signum() == 0) {
            return State.NORMAL;
        }
        if (ltv.exposure().compareTo(liquidationLine.multiply(ltv.collateralValue())) >= 0) {
            return State.MARGIN_CALL;
        }
        if (ltv.exposure().compareTo(alertLine.multiply(ltv.collateralValue())) >= 0) {
            return State.ALERT;
        }
        return State.NORMAL;
    }
}
