package cn.chanrong.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The integration tests' Kafka: one in-process KRaft broker per JVM with the payment stream's topic, started
 * before the shared context (so the platform's stream starts with it, as with a cluster named in
 * {@code CHANRONG_KAFKA_BOOTSTRAP_SERVERS}) and stopped when the JVM ends. A context initializer rather than
 * {@code @EmbeddedKafka}: the address must be in the environment before the configuration is read, and the
 * broker must outlive any one context.
 */
public final class EmbeddedBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String TOPIC = "chanrong.payments";
    /** More than one, so that keying by account matters. */
    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    /** The broker's address, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC);
            // one node: a bank's transactional producer needs the transaction log on it alone
            b.brokerProperty("transaction.state.log.replication.factor", "1");
            b.brokerProperty("transaction.state.log.min.isr", "1");
            b.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(b::destroy, "embedded-kafka-stop"));
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-kafka",
                Map.of("chanrong.kafka.bootstrap-servers", bootstrapServers())));
    }
}
