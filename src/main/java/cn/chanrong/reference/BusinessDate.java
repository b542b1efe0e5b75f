package cn.chanrong.reference;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's notion of today: Asia/Shanghai, from a {@link Clock} that is the system clock in
 * production and fixed in tests or back-dated runs ({@code chanrong.business-date}). Domain code
 * receives dates from here and never calls {@code now()} itself. The demo loader sets the clock back
 * to replay past days ({@link DemoClock}).
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Clock clock;

    public BusinessDate(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** @deprecated use {@link DemoClock#during}; kept until the last caller moves. */
    @Deprecated(forRemoval = true)
    public <T> T replaying(LocalDate day, java.util.function.Supplier<T> work) {
        return ((DemoClock) clock).during(day, work);
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
