package cn.chanrong.lending.domain;

/**
 * The five tiers of 商业银行金融资产风险分类办法 (2023), worst last. The last three are non-performing.
 * Provision rates are configuration per institution ({@link ProvisionRates}).
 */
public enum Tier {
    NORMAL("正常", "Normal"),
    SPECIAL_MENTION("关注", "Special mention"),
    SUBSTANDARD("次级", "Substandard"),
    DOUBTFUL("可疑", "Doubtful"),
    LOSS("损失", "Loss");

    private final String zh;
    private final String en;

    Tier(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    public boolean nonPerforming() {
        return compareTo(SUBSTANDARD) >= 0;
    }

    public static Tier worse(Tier a, Tier b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
