package cn.chanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoClockTests {

    private final DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"), BusinessDate.ZONE));
    private final BusinessDate businessDate = new BusinessDate(clock);

    @Test
    void a_past_day_is_read_at_the_real_time_of_day_and_set_back_afterwards() {
        LocalDate seen = clock.during(LocalDate.of(2026, 3, 1), () -> {
            assertThat(businessDate.now()).isEqualTo(Instant.parse("2026-03-01T02:30:00Z"));
            return clock.during(LocalDate.of(2026, 2, 1), businessDate::today);
        });
        assertThat(seen).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(businessDate.today()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(businessDate.now()).isEqualTo(Instant.parse("2026-06-15T02:30:00Z"));
    }

    @Test
    void the_clock_is_never_set_to_a_future_day() {
        assertThatThrownBy(() -> clock.during(LocalDate.of(2026, 6, 16), () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-06-16");
        assertThat(businessDate.today()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void the_day_is_taken_in_beijing_whatever_zone_the_caller_asks_for() {
        var late = new DemoClock(Clock.fixed(Instant.parse("2026-06-15T17:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(new BusinessDate(late).today()).isEqualTo(LocalDate.of(2026, 6, 16));
        assertThat(late.during(LocalDate.of(2026, 6, 1), () -> new BusinessDate(late).today()))
                .isEqualTo(LocalDate.of(2026, 6, 1));
    }
}
