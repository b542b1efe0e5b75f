package cn.chanrong.demo;

import cn.chanrong.shared.CreditCode;

/** Deterministic, valid unified social credit codes for demo entities. */
public final class DemoCodes {

    private DemoCodes() {
    }

    /**
     * A code for an enterprise (9-1) registered in {@code division}: "MA" and seven characters
     * derived from {@code seed}, then the check character.
     */
    public static String enterprise(String division, long seed) {
        StringBuilder org = new StringBuilder("MA");
        long x = Math.floorMod(seed * 2_654_435_761L + 97, 27_512_614_111L);
        for (int i = 0; i < 7; i++) {
            org.append(CreditCode.ALPHABET.charAt((int) (x % 31)));
            x /= 31;
        }
        return CreditCode.complete("91" + division + org).value();
    }
}
