package cn.chanrong.shared;

import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet without I, O, S, V and Z; position 18 is a check character over positions 1–17 with
 * weights 3^(i−1) mod 31.
 */
public record CreditCode(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        Optional<Rejection> problem = check(value, "creditCode");
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().code() + " " + problem.get().args());
        }
    }

    /** The check character positions 1–17 call for; the input must already use the alphabet. */
    public static char expectedCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /**
     * Why {@code candidate} is not a valid code, or empty when it is. Codes: {@code credit-code.length}
     * (expected 18, actual), {@code credit-code.alphabet} (1-based position, the character),
     * {@code credit-code.check} (position 18, expected, actual).
     */
    public static Optional<Rejection> check(String candidate, String field) {
        if (candidate == null || candidate.length() != 18) {
            return Optional.of(Rejection.of("credit-code.length", field, 18, candidate == null ? 0 : candidate.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return Optional.of(Rejection.of("credit-code.alphabet", field, i + 1, String.valueOf(candidate.charAt(i))));
            }
        }
        char expected = expectedCheck(candidate.substring(0, 17));
        if (candidate.charAt(17) != expected) {
            return Optional.of(Rejection.of("credit-code.check", field, 18, String.valueOf(expected),
                    String.valueOf(candidate.charAt(17))));
        }
        return Optional.empty();
    }

    /** Completes 17 characters with their check character. */
    public static CreditCode complete(String first17) {
        return new CreditCode(first17 + expectedCheck(first17));
    }

    /** True when only the check character is wrong: the case a pilot-code override may accept. */
    public static boolean failsOnlyCheck(String candidate) {
        return check(candidate, null).map(r -> r.code().equals("credit-code.check")).orElse(false);
    }

    /** The six-digit administrative division embedded in positions 3–8. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
