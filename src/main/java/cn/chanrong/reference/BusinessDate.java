package cn.chanrong.reference;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's notion of today: Asia/Shanghai, from a {@link Clock} that is the system clock in
 * production and fixed in tests or back-dated runs ({@code chanrong.business-date}). Domain code
 * receives dates from here and never calls {@code now()} itself.
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Clock clock;

    public BusinessDate(Clock clock) {
        this.clock = clock;
    }

    /** A past day this thread is replaying (the demo loader builds histories this way), or null. */
    private static final ThreadLocal<LocalDate> REPLAYING = new ThreadLocal<>();

    public LocalDate today() {
        LocalDate replayed = REPLAYING.get();
        return replayed != null ? replayed : LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Runs {@code work} on this thread as if the business date were {@code day}, which may not be later
     * than the real business date: the demo loader replays a voucher's life from issue to maturity
     * through the same services a user calls. Other threads keep the real date.
     */
    public <T> T replaying(LocalDate day, java.util.function.Supplier<T> work) {
        LocalDate real = LocalDate.now(clock.withZone(ZONE));
        if (day.isAfter(real)) {
            throw new IllegalArgumentException("cannot replay a future day: " + day + " after " + real);
        }
        LocalDate previous = REPLAYING.get();
        REPLAYING.set(day);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                REPLAYING.remove();
            } else {
                REPLAYING.set(previous);
            }
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
