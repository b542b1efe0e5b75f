package cn.chanrong.shared;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading amounts at the edge of the API, one strict grammar for every endpoint: plain decimal text
 * — an optional minus, no leading zeros, no exponent, no surrounding blanks, no trailing point — and
 * money with at most two decimals. The workbench's forms may accept grouped digits and blanks; they
 * go through {@link #normaliseTyped} first and then the same parser.
 */
public final class Amounts {

    /** Plain decimal text: {@code 0}, {@code 12}, {@code -3.5}; never {@code 1e3}, {@code 01}, {@code 1.}, {@code " 1"}. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern GROUPED = Pattern.compile("-?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?");

    private Amounts() {
    }

    /** Whether {@code raw} is plain decimal text (any number of decimals). */
    public static boolean isDecimalText(String raw) {
        return raw != null && DECIMAL.matcher(raw).matches();
    }

    /**
     * Plain decimal text as a number, for callers with their own checks of scale and range.
     *
     * @throws NumberFormatException when {@code raw} is not plain decimal text (an exponent, blanks, a
     *     leading zero, a trailing point…), as {@code new BigDecimal} would for text it cannot read
     */
    public static BigDecimal plain(String raw) {
        if (!isDecimalText(raw)) {
            throw new NumberFormatException("not plain decimal text: " + raw);
        }
        return new BigDecimal(raw);
    }

    /**
     * The amount at scale 2, or null after adding the reason to {@code rejections}: {@code required},
     * {@code amount.format}, {@code amount.scale} or {@code range} (negative allowed only when {@code signed}).
     */
    public static BigDecimal parse(String raw, String field, boolean signed, BigDecimal max, List<Rejection> rejections) {
        BigDecimal v = decimal(raw, field, 2, rejections);
        if (v == null) {
            return null;
        }
        if ((!signed && v.signum() < 0) || v.abs().compareTo(max) > 0) {
            rejections.add(Rejection.of("range", field, signed ? "-" + max.toPlainString() : "0", max.toPlainString(), raw));
            return null;
        }
        return v.setScale(2);
    }

    /**
     * Text from a form or a query parameter read once at the edge by the same grammar: null when blank
     * (the business check then says {@code required}), else the number with at most {@code maxScale}
     * decimals.
     *
     * @throws Rejected invalid with {@code amount.format} or {@code amount.scale} on {@code field}
     */
    public static BigDecimal read(String raw, String field, int maxScale) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<Rejection> problems = new java.util.ArrayList<>();
        BigDecimal v = decimal(raw, field, maxScale, problems);
        if (v == null) {
            throw Rejected.invalid(problems);
        }
        return v;
    }

    /**
     * An amount the edge has already read (the strict JSON binding or {@link #parse} on a form), checked
     * where the business knows its bounds: the amount at scale 2, or null after adding {@code required},
     * {@code amount.scale} or {@code range} — the same rules, codes and arguments as {@link #parse}.
     */
    public static BigDecimal check(BigDecimal value, String field, boolean signed, BigDecimal max, List<Rejection> rejections) {
        if (value == null) {
            rejections.add(Rejection.of("required", field));
            return null;
        }
        String raw = value.toPlainString();
        if (value.stripTrailingZeros().scale() > 2) {
            rejections.add(Rejection.of("amount.scale", field, raw, 2));
            return null;
        }
        if ((!signed && value.signum() < 0) || value.abs().compareTo(max) > 0) {
            rejections.add(Rejection.of("range", field, signed ? "-" + max.toPlainString() : "0", max.toPlainString(), raw));
            return null;
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * A ratio or rate the edge has already read, checked against its bounds: the value, or null after
     * adding {@code required} or {@code range}.
     */
    public static BigDecimal checkRatio(BigDecimal value, String field, BigDecimal max, List<Rejection> rejections) {
        if (value == null) {
            rejections.add(Rejection.of("required", field));
            return null;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            rejections.add(Rejection.of("range", field, "0", max.toPlainString(), value.toPlainString()));
            return null;
        }
        return value;
    }

    /**
     * Plain decimal text with at most {@code maxScale} decimals (rates, quantities, prices), or null
     * after adding {@code required}, {@code amount.format} or {@code amount.scale}. Not rounded, not
     * rescaled: the caller decides the scale it stores.
     */
    public static BigDecimal decimal(String raw, String field, int maxScale, List<Rejection> rejections) {
        if (raw == null || raw.isBlank()) {
            rejections.add(Rejection.of("required", field));
            return null;
        }
        if (!isDecimalText(raw)) {
            rejections.add(Rejection.of("amount.format", field, raw));
            return null;
        }
        BigDecimal v = new BigDecimal(raw);
        if (v.scale() > maxScale) {
            rejections.add(Rejection.of("amount.scale", field, raw, maxScale));
            return null;
        }
        return v;
    }

    /**
     * What a person typed into a workbench form, made plain: surrounding blanks dropped and digits
     * grouped by thousands ({@code 1,000,000.00}) joined. Anything else is returned unchanged for the
     * strict parser to judge. Never used on API input.
     */
    public static String normaliseTyped(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return GROUPED.matcher(s).matches() ? s.replace(",", "") : s;
    }
}
