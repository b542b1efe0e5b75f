package cn.chanrong.lending.domain;

import java.math.BigDecimal;

/**
 * The five tiers of 商业银行金融资产风险分类办法 (2023), worst last. The last three are non-performing.
 * {@code provisionRate} is the 2002 guideline's proxy for expected loss (FACTS §8), a default the
 * configuration may override.
 */
public enum Tier {
    NORMAL("正常", "Normal", "0.01"),
    SPECIAL_MENTION("关注", "Special mention", "0.02"),
    SUBSTANDARD("次级", "Substandard", "0.25"),
    DOUBTFUL("可疑", "Doubtful", "0.50"),
    LOSS("损失", "Loss", "1.00");

    private final String zh;
    private final String en;
    private final BigDecimal provisionRate;

    Tier(String zh, String en, String provisionRate) {
        this.zh = zh;
        this.en = en;
        this.provisionRate = new BigDecimal(provisionRate);
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    public boolean nonPerforming() {
        return compareTo(SUBSTANDARD) >= 0;
    }

    public BigDecimal provisionRate() {
        return provisionRate;
    }

    public static Tier worse(Tier a, Tier b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
