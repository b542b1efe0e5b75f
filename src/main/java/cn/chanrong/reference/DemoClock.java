package cn.chanrong.reference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The platform's clock, which the demo loader may set back: to build a voucher's life from issue to
 * maturity through the same services a user calls, it runs each step on the day it happened. While a
 * day is set the clock reads that day at the real time of day; otherwise it is the real clock. Only
 * the demo loader sets it, on the one thread that loads the demo while the platform starts, and it
 * may never set a day later than today.
 */
public final class DemoClock extends Clock {

    private final Clock real;
    private volatile LocalDate day;

    public DemoClock(Clock real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    /** Runs {@code work} with the clock set to {@code past}, then sets it back to what it was. */
    public synchronized <T> T during(LocalDate past, Supplier<T> work) {
        LocalDate today = LocalDate.now(real.withZone(BusinessDate.ZONE));
        if (past.isAfter(today)) {
            throw new IllegalArgumentException("cannot set the clock to a future day: " + past + " after " + today);
        }
        LocalDate previous = day;
        day = past;
        try {
            return work.get();
        } finally {
            day = previous;
        }
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new Shifted(this, zone);
    }

    @Override
    public Instant instant() {
        Instant now = real.instant();
        LocalDate set = day;
        if (set == null) {
            return now;
        }
        LocalDate today = LocalDate.ofInstant(now, BusinessDate.ZONE);
        return now.minus(Duration.ofDays(today.toEpochDay() - set.toEpochDay()));
    }

    /** The demo clock seen in another zone. */
    private static final class Shifted extends Clock {
        private final DemoClock clock;
        private final ZoneId zone;

        Shifted(DemoClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
