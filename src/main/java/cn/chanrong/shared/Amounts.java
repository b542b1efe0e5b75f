package cn.chanrong.shared;

import java.math.BigDecimal;
import java.util.List;

/** Reading yuan amounts as people type them: a decimal string, at most two decimals, within bounds. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * The amount at scale 2, or null after adding the reason to {@code rejections}: {@code required},
     * {@code amount.format}, {@code amount.scale} or {@code range} (negative allowed only when {@code signed}).
     */
    public static BigDecimal parse(String raw, String field, boolean signed, BigDecimal max, List<Rejection> rejections) {
        if (raw == null || raw.isBlank()) {
            rejections.add(Rejection.of("required", field));
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw.strip());
            if ((!signed && v.signum() < 0) || v.abs().compareTo(max) > 0) {
                rejections.add(Rejection.of("range", field, signed ? "-" + max.toPlainString() : "0", max.toPlainString(),
                        raw));
                return null;
            }
            if (v.stripTrailingZeros().scale() > 2) {
                rejections.add(Rejection.of("amount.scale", field, raw, 2));
                return null;
            }
            return v.setScale(2);
        } catch (NumberFormatException e) {
            rejections.add(Rejection.of("amount.format", field, raw));
            return null;
        }
    }
}
