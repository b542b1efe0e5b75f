package cn.chanrong.policy.domain;

/**
 * What opened a pool claim: the loan written off (the compensation is a recovery on it) or days past due at or above
 * the pool's (the compensation is held against the loan until its loss is final).
 */
public enum PoolTrigger {
    WRITTEN_OFF, DAYS_PAST_DUE;

    public static PoolTrigger of(boolean writtenOff) {
        return writtenOff ? WRITTEN_OFF : DAYS_PAST_DUE;
    }
}
