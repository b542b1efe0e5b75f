package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Money and currency helpers shared by the value types and parsers of this package. */
final class Money {

    static final String DEFAULT_CURRENCY = "CNY";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** Scale 2, HALF_UP; null stays null (a balance the file did not carry). */
    static BigDecimal scale(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** True when the amount has a non-zero digit beyond the fen, which scaling would silently lose. */
    static boolean hasSubFen(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > 2;
    }

    static boolean isCurrency(String code) {
        return code != null && CURRENCY.matcher(code).matches();
    }

    static String requireCurrency(String code, String what) {
        if (!isCurrency(code)) {
            throw new IllegalArgumentException(what + " must be an ISO 4217 code, got " + code);
        }
        return code;
    }

    /** Chinese exports write the currency in words; everything else must already be a code. */
    static String normaliseCurrency(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_CURRENCY;
        }
        String t = raw.strip();
        if (t.equals("人民币") || t.equalsIgnoreCase("RMB")) {
            return DEFAULT_CURRENCY;
        }
        return t.toUpperCase(Locale.ROOT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
