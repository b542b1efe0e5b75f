package cn.chanrong.lending.schedule;

/** When a lease's rentals fall in their periods. */
public enum RentalTiming {
    /** 先付: at the start of each period, the first on the day the lease starts. */
    IN_ADVANCE,
    /** 后付: at the end of each period. */
    IN_ARREARS
}
