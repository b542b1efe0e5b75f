package cn.chanrong.scf.internal;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading what people type for warehouse receipts: quantities, prices, rates, lines, commodity codes. */
final class WarehouseInputs {

    /** An exchange symbol (CU, AL) or an HS code (7403.11, 74031100). */
    static final Pattern COMMODITY = Pattern.compile("^[A-Z0-9.]{1,20}$");
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000000");

    private WarehouseInputs() {
    }

    /**
     * A decimal with at most {@code maxScale} places within ({@code min}, {@code max}] — or [min, max]
     * when {@code minInclusive} — or null after adding the reason: {@code required},
     * {@code amount.format}, {@code amount.scale}, {@code scf.positive} (min 0 exclusive) or {@code range}.
     */
    static BigDecimal decimal(String raw, String field, int maxScale, BigDecimal min, boolean minInclusive,
                              BigDecimal max, List<Rejection> r) {
        if (raw == null || raw.isBlank()) {
            r.add(Rejection.of("required", field));
            return null;
        }
        BigDecimal v;
        try {
            v = cn.chanrong.shared.Amounts.plain(raw);
        } catch (NumberFormatException e) {
            r.add(Rejection.of("amount.format", field, raw));
            return null;
        }
        if (v.stripTrailingZeros().scale() > maxScale) {
            r.add(Rejection.of("amount.scale", field, raw, maxScale));
            return null;
        }
        int below = v.compareTo(min);
        if (below < 0 || (below == 0 && !minInclusive) || v.compareTo(max) > 0) {
            if (min.signum() == 0 && !minInclusive && v.compareTo(max) <= 0) {
                r.add(Rejection.of("scf.positive", field, raw));
            } else {
                r.add(Rejection.of("range", field, min.toPlainString(), max.toPlainString(), raw));
            }
            return null;
        }
        return v.setScale(Math.max(maxScale, 0), java.math.RoundingMode.UNNECESSARY);
    }

    /** A quantity above zero (or at least zero when {@code zeroAllowed}), four decimals at most. */
    static BigDecimal quantity(String raw, String field, boolean zeroAllowed, List<Rejection> r) {
        return decimal(raw, field, 4, BigDecimal.ZERO, zeroAllowed, MAX_QUANTITY, r);
    }

    /** Upper-cased commodity code, or null after {@code required} / {@code scf.commodity-code}. */
    static String commodity(String raw, String field, List<Rejection> r) {
        if (raw == null || raw.isBlank()) {
            r.add(Rejection.of("required", field));
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!COMMODITY.matcher(code).matches()) {
            r.add(Rejection.of("scf.commodity-code", field, raw));
            return null;
        }
        return code;
    }

    /** Trimmed text of {@code min}..{@code max} characters, or null after {@code required} / {@code length}. */
    static String text(String raw, String field, int min, int max, List<Rejection> r) {
        if (raw == null || raw.isBlank()) {
            if (min > 0) {
                r.add(Rejection.of("required", field));
            }
            return null;
        }
        String s = raw.strip();
        if (s.length() < min || s.length() > max || s.chars().anyMatch(c -> c < 0x20)) {
            r.add(Rejection.of("length", field, min, max));
            return null;
        }
        return s;
    }
}
