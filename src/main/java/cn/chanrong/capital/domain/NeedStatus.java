package cn.chanrong.capital.domain;

/** Where an equity need stands: OPEN to investors, FUNDED once a deal on it is invested, WITHDRAWN by the enterprise. */
public enum NeedStatus {
    OPEN, FUNDED, WITHDRAWN
}
