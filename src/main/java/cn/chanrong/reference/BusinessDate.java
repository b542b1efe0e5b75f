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

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
