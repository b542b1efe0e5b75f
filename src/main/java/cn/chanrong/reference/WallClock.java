package cn.chanrong.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The real time, for what happens at an instant in the world rather than on a business date: when a
 * signature was made, whether a certificate is valid, when a form was shown. Unlike {@link BusinessDate}
 * it is never fixed to a business day nor set back by the demo; it is injected so that no class reads
 * the system clock itself.
 */
public final class WallClock {

    private final Clock clock;

    public WallClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Instant now() {
        return clock.instant();
    }
}
