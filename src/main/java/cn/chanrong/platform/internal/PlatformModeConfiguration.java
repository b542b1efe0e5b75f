package cn.chanrong.platform.internal;

import cn.chanrong.platform.PlatformMode;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class PlatformModeConfiguration {

    @Bean
    PlatformMode platformMode(Environment env) {
        boolean embedded = EmbeddedDatabaseCondition.embedded(env);
        Path dataDir = Path.of(env.getProperty("chanrong.data-dir", "./data")).toAbsolutePath().normalize();
        String demo = env.getProperty("chanrong.demo.enabled");
        boolean demoOn = StringUtils.hasText(demo) ? Boolean.parseBoolean(demo) : embedded;
        return new PlatformMode(embedded, dataDir, demoOn);
    }
}
