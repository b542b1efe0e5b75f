package cn.chanrong.reference.internal;

import cn.chanrong.reference.BusinessDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class BusinessDateConfiguration {

    /** The system clock, or a clock fixed at noon of {@code chanrong.business-date} when set. */
    @Bean
    BusinessDate businessDate(Environment env) {
        String fixed = env.getProperty("chanrong.business-date");
        if (StringUtils.hasText(fixed)) {
            var instant = LocalDate.parse(fixed).atTime(LocalTime.NOON).atZone(BusinessDate.ZONE).toInstant();
            return new BusinessDate(Clock.fixed(instant, BusinessDate.ZONE));
        }
        return new BusinessDate(Clock.system(BusinessDate.ZONE));
    }
}
