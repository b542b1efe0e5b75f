package cn.chanrong.capital.domain;

import java.util.Arrays;
import java.util.Optional;

/** The round an equity need is for, earliest first (投早、投小: seed and angel are the earliest). */
public enum InvestmentStage {
    SEED, ANGEL, SERIES_A, SERIES_B, SERIES_C, PRE_IPO;

    public static Optional<InvestmentStage> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
