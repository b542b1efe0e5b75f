package cn.chanrong.reference.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FlywayJavaMigrations {

    /**
     * Java migrations live with the module that owns their data; Spring Boot hands every
     * {@code JavaMigration} bean to Flyway, which orders them with the SQL ones by version.
     */
    @Bean
    V3__ReferenceCodes referenceCodesMigration() {
        return new V3__ReferenceCodes();
    }
}
