package cn.chanrong.demo.generator;

import cn.chanrong.shared.CreditCode;
import java.time.LocalDate;

/**
 * Unified social credit codes (GB 32100) for generated entities: "91" (market regulation, enterprise),
 * the six-digit region, a nine-character organisation code (GB 11714: eight body characters and their
 * check character) and the GB 32100 check character. Entities registered before the unified code
 * (2015-10-01) keep an eight-digit organisation code, as real ones do; later ones get the "MA"
 * codes issued since. The body is a fixed bijective scramble of an index, so codes are unique by
 * construction, and institutions draw from index ranges enterprises never reach.
 */
final class CreditCodes {

    /** The unified code replaced separate registration numbers from this day (国发〔2015〕33号). */
    static final LocalDate UNIFIED_CODE_START = LocalDate.of(2015, 10, 1);

    /** Six base-31 characters after "MA". */
    private static final long NEW_DOMAIN = 31L * 31 * 31 * 31 * 31 * 31;
    /** Eight-digit bodies 10000000–99999999. */
    private static final long OLD_DOMAIN = 90_000_000L;
    /** First index reserved for institutions in each style; enterprises stay far below. */
    private static final long INSTITUTION_BASE_NEW = 800_000_000L;
    private static final long INSTITUTION_BASE_OLD = 85_000_000L;
    static final int MAX_ENTERPRISE_INDEX = 80_000_000;

    private static final Permutation NEW = new Permutation(NEW_DOMAIN, 0x5EED_C0DE_0001L);
    private static final Permutation OLD = new Permutation(OLD_DOMAIN, 0x5EED_C0DE_0002L);
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    static boolean oldStyle(LocalDate founded) {
        return founded.isBefore(UNIFIED_CODE_START);
    }

    static String enterprise(int index, String region, boolean oldStyle) {
        if (index < 0 || index >= MAX_ENTERPRISE_INDEX) {
            throw new IllegalArgumentException("index " + index);
        }
        return code(region, oldStyle ? oldBody(index) : newBody(index));
    }

    static String institution(int k, String region, boolean oldStyle) {
        return code(region, oldStyle ? oldBody(INSTITUTION_BASE_OLD + k) : newBody(INSTITUTION_BASE_NEW + k));
    }

    private static String oldBody(long index) {
        return Long.toString(10_000_000L + OLD.apply(index));
    }

    private static String newBody(long index) {
        long x = NEW.apply(index);
        char[] c = new char[8];
        c[0] = 'M';
        c[1] = 'A';
        for (int i = 7; i >= 2; i--) {
            c[i] = CreditCode.ALPHABET.charAt((int) (x % 31));
            x /= 31;
        }
        return new String(c);
    }

    private static String code(String region, String body) {
        String first17 = "91" + region + body + organisationCheck(body);
        return first17 + CreditCode.expectedCheck(first17);
    }

    /** GB 11714 check character: digits and letters valued 0–35, weights 3,7,9,10,5,8,4,2, mod 11. */
    static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }
}
