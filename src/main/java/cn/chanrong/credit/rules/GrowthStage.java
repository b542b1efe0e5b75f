package cn.chanrong.credit.rules;

/** The enterprise's development stage, which selects the innovation-points weights. */
public enum GrowthStage {
    STARTUP,
    GROWTH,
    MATURE
}
