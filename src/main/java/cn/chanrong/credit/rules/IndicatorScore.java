package cn.chanrong.credit.rules;

import java.util.Objects;

/**
 * The points one indicator earned.
 *
 * @param group     stable key of the indicator group, e.g. {@code "innovation"}
 * @param indicator stable key of the indicator, e.g. {@code "rd_ratio"} (see {@link Labels})
 * @param points    points earned, 0 when the input was missing
 * @param max       the most the indicator can earn
 * @param band      the band that matched, as displayed, e.g. {@code "≥5%"}; {@link #NO_BAND} when missing
 * @param missing   whether the input needed was absent
 */
public record IndicatorScore(String group, String indicator, int points, int max, String band, boolean missing) {

    /** The band shown for an indicator whose input was missing. */
    public static final String NO_BAND = "n/a";

    public IndicatorScore {
        requireKey(group, "group");
        requireKey(indicator, "indicator");
        Objects.requireNonNull(band, "band");
        if (max < 0 || points < 0 || points > max) {
            throw new IllegalArgumentException("points must be within 0.." + max + ": " + points);
        }
        // A missing input must never look like a scored zero with a real band.
        if (missing && points != 0) {
            throw new IllegalArgumentException("a missing indicator scores 0: " + indicator);
        }
    }

    /** A missing indicator: scores 0 and shows no band. */
    public static IndicatorScore missing(String group, String indicator, int max) {
        return new IndicatorScore(group, indicator, 0, max, NO_BAND, true);
    }

    static void requireKey(String key, String what) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank key");
        }
    }
}
