package cn.chanrong.reference.internal;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.DemoClock;
import cn.chanrong.reference.WallClock;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class BusinessDateConfiguration {

    /**
     * The system clock, or a clock fixed at noon of {@code chanrong.business-date} when set; the demo
     * loader may set it back while it replays past days.
     */
    @Bean
    DemoClock demoClock(Environment env) {
        String fixed = env.getProperty("chanrong.business-date");
        if (StringUtils.hasText(fixed)) {
            var instant = LocalDate.parse(fixed).atTime(LocalTime.NOON).atZone(BusinessDate.ZONE).toInstant();
            return new DemoClock(Clock.fixed(instant, BusinessDate.ZONE));
        }
        return new DemoClock(Clock.system(BusinessDate.ZONE));
    }

    /** The real time for signatures and certificates: never fixed, never set back. */
    @Bean
    WallClock wallClock() {
        return new WallClock(Clock.systemUTC());
    }

    @Bean
    BusinessDate businessDate(DemoClock clock) {
        return new BusinessDate(clock);
    }
}
