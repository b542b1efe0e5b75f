package cn.chanrong.support;

import cn.chanrong.ChanrongApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test on a real PostgreSQL, sharing one Spring context (and so one embedded
 * server, and one in-process Kafka broker, {@link EmbeddedBroker}) per JVM. Tagged {@code db}: CI runs these
 * again against Debian's PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ChanrongApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedBroker.class)
@Tag("db")
public @interface IntegrationTest {
}
