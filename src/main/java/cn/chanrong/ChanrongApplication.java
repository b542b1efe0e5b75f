package cn.chanrong;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform: one process holding every module. Started by {@code ./chanrong serve} or {@code ./mvnw spring-boot:run}. */
@SpringBootApplication
@EnableScheduling
public class ChanrongApplication {
}
