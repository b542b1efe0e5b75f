package cn.chanrong.reference;

/** The two LPR tenors: one year, and over five years (5年期以上). */
public enum LprTenor { ONE_YEAR("1Y"), OVER_FIVE_YEARS("5Y");

    private final String code;

    LprTenor(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
