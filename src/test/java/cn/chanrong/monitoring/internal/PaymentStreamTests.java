package cn.chanrong.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The payment stream's consumer: a cluster's client settings pass through, what makes it exactly-once does not. */
class PaymentStreamTests {

    @Test
    void a_clusters_security_settings_reach_the_consumer_but_no_setting_gives_it_a_group_or_kafka_kept_offsets() {
        Map<String, Object> config = PaymentStream.config(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "group.id", "someone-elses",
                "enable.auto.commit", "true",
                "isolation.level", "read_uncommitted",
                "bootstrap.servers", "elsewhere:9092"), "kafka-1:9092,kafka-2:9092", 200);

        assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092,kafka-2:9092")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200)
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
    }

    @Test
    void client_settings_come_from_properties_and_from_environment_variables() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CHANRONG_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")));
        env.getPropertySources().addFirst(new MapPropertySource("args",
                Map.of("chanrong.kafka.client.[security.protocol]", "SASL_SSL")));

        assertThat(PaymentStream.client(env)).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_SSL");
    }
}
