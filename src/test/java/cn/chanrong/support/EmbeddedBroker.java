package cn.chanrong.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The integration tests' Kafka: one in-process KRaft broker per JVM with the payment stream's topic, started
 * before the shared context (so the platform's stream starts with it, as with a cluster named in
 * {@code CHANRONG_KAFKA_BOOTSTRAP_SERVERS}) and stopped when the JVM ends. A context initializer rather than
 * {@code @EmbeddedKafka}: the address must be in the environment before the configuration is read, and the
 * broker must outlive any one context.
 *
 * <p>Also {@code ./bench/broker}: the same broker on a fixed port until stopped, and a producer that keys
 * payment events read from standard input by their account.
 */
public final class EmbeddedBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String TOPIC = "chanrong.payments";
    /** More than one, so that keying by account matters. */
    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    /** The broker's address, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = broker(PARTITIONS);
            b.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(b::destroy, "embedded-kafka-stop"));
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker broker(int partitions) {
        EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, partitions, TOPIC);
        // one node: a bank's transactional producer needs the transaction log on it alone
        b.brokerProperty("transaction.state.log.replication.factor", "1");
        b.brokerProperty("transaction.state.log.min.isr", "1");
        return b;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-kafka",
                Map.of("chanrong.kafka.bootstrap-servers", bootstrapServers())));
    }

    /**
     * {@code ./bench/broker [PARTITIONS]} runs a broker until stopped (its data goes with it) and prints its
     * address; {@code ./bench/broker send BOOTSTRAP < events.jsonl} sends one payment event a line, keyed by its
     * account.
     */
    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        if (args.length > 0 && args[0].equals("send")) {
            if (args.length < 2) {
                System.err.println("usage: ./bench/broker send BOOTSTRAP < events.jsonl");
                System.exit(2);
            }
            send(args[1]);
            return;
        }
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : PARTITIONS;
        // on a free port: the test kit binds its listeners itself (kafkaPorts is not applied in KRaft mode)
        EmbeddedKafkaKraftBroker b = broker(partitions);
        b.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(b::destroy, "embedded-kafka-stop"));
        System.out.println("Kafka (KRaft, one node) with topic " + TOPIC + " in " + partitions + " partitions; Ctrl-C stops it.");
        System.out.println("CHANRONG_KAFKA_BOOTSTRAP_SERVERS=" + b.getBrokersAsString() + " ./chanrong serve");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void send(String bootstrapServers) throws Exception {
        int sent = 0;
        try (Producer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String key;
                try {
                    JsonNode account = Api.JSON.readTree(line).get("account");
                    key = account == null || !account.isString() ? null : account.asString();
                } catch (RuntimeException e) {
                    key = null; // sent as it is: the platform sets it aside with its reason
                }
                p.send(new ProducerRecord<>(TOPIC, key, line)).get();
                sent++;
            }
            p.flush();
            p.close(Duration.ofSeconds(10));
        }
        System.out.println(sent + " records sent to " + TOPIC + " at " + bootstrapServers);
    }
}
