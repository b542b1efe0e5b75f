package cn.chanrong.monitoring.internal;

import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Institutions;
import cn.chanrong.monitoring.Monitoring.Incoming;
import cn.chanrong.shared.Rejection;
import jakarta.annotation.PreDestroy;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment stream: banks' reported flows on the Kafka topic {@value #TOPIC}, keyed by account, each
 * value one payment event as the API takes it plus the reporting institution's credit code
 * ({@code institutionCreditCode}). Runs only when {@code chanrong.kafka.bootstrap-servers} is set.
 *
 * <p>Exactly-once in effect: the consumer is assigned every partition (no consumer group) and keeps its
 * offsets in PostgreSQL ({@code monitoring_stream_offset}), not in Kafka. Each polled batch is taken in one
 * transaction with the offsets it reaches, so the payments, alerts and dead letters of a batch and the
 * record of having read it are kept together or not at all; at start, and after any failure, the consumer
 * seeks to the stored offsets. Before writing, the transaction locks the batch's offset rows and checks they
 * are still where this consumer left them: if someone moved them (a replay) or another instance advanced
 * them, the batch is dropped and reading resumes from the stored offsets.
 *
 * <p>Within a batch, each account's events are taken by value date (then offset), so a credit that
 * arrived before the debit it returns is still seen as a round trip; the window is one poll (at most
 * {@code chanrong.kafka.max-poll-records} records, 500 by default). A record that cannot be taken is set
 * aside with its reason, never thrown: the stream does not stop on one.
 */
@Component
@ConditionalOnExpression("!'${chanrong.kafka.bootstrap-servers:}'.isBlank()")
class PaymentStream {

    static final String TOPIC = "chanrong.payments";
    static final String ACTOR = "kafka:" + TOPIC;

    private static final Logger log = LoggerFactory.getLogger(PaymentStream.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LAST_BACKOFF = Duration.ofSeconds(30);
    /** How often the stream asks whether the topic gained partitions. */
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Comparator<Item> PER_ACCOUNT = Comparator
            .comparing((Item i) -> i.incoming().event() == null ? "" : i.incoming().event().account())
            .thenComparing(i -> i.incoming().event() == null ? LocalDate.MIN : i.incoming().event().valueDate())
            .thenComparingInt(i -> i.record().partition())
            .thenComparingLong(i -> i.record().offset());

    private final MonitoringService monitoring;
    private final PaymentStore payments;
    private final StreamOffsetStore offsets;
    private final Institutions institutions;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final String bootstrapServers;
    private final int maxPollRecords;
    private final Map<String, String> client;
    private final Object pause = new Object();

    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private Thread thread;

    PaymentStream(MonitoringService monitoring, PaymentStore payments, StreamOffsetStore offsets, Institutions institutions,
                  JsonMapper json, PlatformTransactionManager transactions,
                  @Value("${chanrong.kafka.bootstrap-servers}") String bootstrapServers,
                  @Value("${chanrong.kafka.max-poll-records:500}") int maxPollRecords, Environment environment) {
        this.monitoring = monitoring;
        this.payments = payments;
        this.offsets = offsets;
        this.institutions = institutions;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.bootstrapServers = bootstrapServers.strip();
        this.maxPollRecords = maxPollRecords;
        this.client = client(environment);
    }

    /** After start-up (demo data loaded, the platform ready): one daemon thread reads the topic. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "chanrong-payment-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** On shutdown, before the database goes: the batch in hand finishes or rolls back, then the thread ends. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        log.info("Payment stream: reading {} from {}, offsets kept in PostgreSQL", TOPIC, bootstrapServers);
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Consumer<String, String> c = consumer()) {
                consumer = c;
                if (!running) {
                    break;
                }
                Map<Integer, Long> committed = assign(c);
                if (committed == null) {
                    log.warn("Payment stream: topic {} not found at {}; asking again in {} s", TOPIC, bootstrapServers,
                            backoff.toSeconds());
                    backoff = pause(backoff);
                    continue;
                }
                int partitions = c.assignment().size();
                long refreshAt = System.nanoTime() + REFRESH.toNanos();
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(POLL);
                    if (!records.isEmpty()) {
                        take(records, committed);
                        backoff = FIRST_BACKOFF;
                    }
                    if (System.nanoTime() - refreshAt > 0) {
                        refreshAt = System.nanoTime() + REFRESH.toNanos();
                        if (c.partitionsFor(TOPIC).size() != partitions) {
                            log.info("Payment stream: {} has new partitions; assigning them", TOPIC);
                            break;
                        }
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Moved e) {
                log.info("Payment stream: {}; reading on from the stored offsets", e.getMessage());
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Payment stream: {}; reading again from the stored offsets in {} s", e.toString(),
                        backoff.toSeconds());
                backoff = pause(backoff);
            } finally {
                consumer = null;
            }
        }
        log.info("Payment stream: stopped");
    }

    private Consumer<String, String> consumer() {
        return new DefaultKafkaConsumerFactory<>(config(client, bootstrapServers, maxPollRecords), new StringDeserializer(),
                new StringDeserializer()).createConsumer();
    }

    /** {@code chanrong.kafka.client.*}, also as {@code CHANRONG_KAFKA_CLIENT_SASL_MECHANISM=…} and the like. */
    static Map<String, String> client(Environment environment) {
        return Binder.get(environment).bind("chanrong.kafka.client", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    /**
     * The consumer's configuration: what a cluster asks of its clients ({@code chanrong.kafka.client.*}: TLS,
     * SASL, rack…) under what this consumer is, which no setting changes.
     */
    static Map<String, Object> config(Map<String, String> client, String bootstrapServers, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "chanrong-monitoring");
        // offsets live in PostgreSQL: no group, nothing committed to Kafka
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 30_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return config;
    }

    /** Assigns every partition and seeks each to its stored offset (the beginning if never read); null if no topic. */
    private Map<Integer, Long> assign(Consumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(TOPIC);
        if (infos == null || infos.isEmpty()) {
            return null;
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        c.assign(all);
        Map<Integer, Long> stored = offsets.read(TOPIC);
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : all) {
            Long next = stored.get(tp.partition());
            if (next == null) {
                fresh.add(tp);
            } else {
                c.seek(tp, next);
            }
        }
        c.seekToBeginning(fresh);
        return stored;
    }

    /**
     * Takes a batch with the offsets it reaches, in one transaction. If that fails on the data (a bug, a
     * constraint), the records are taken one at a time so that only the one at fault is set aside; if it
     * fails on the database itself, the failure goes up and reading resumes from the stored offsets.
     */
    private void take(ConsumerRecords<String, String> records, Map<Integer, Long> committed) {
        Map<Integer, Long> next = new HashMap<>();
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> in = records.records(tp);
            all.addAll(in);
            next.put(tp.partition(), in.getLast().offset() + 1);
        }
        try {
            tx.executeWithoutResult(s -> {
                fence(next.keySet(), committed);
                ingest(all);
                offsets.save(TOPIC, next);
            });
            committed.putAll(next);
        } catch (RuntimeException e) {
            if (e instanceof Moved || onTheDatabase(e)) {
                throw e;
            }
            log.warn("Payment stream: a batch of {} records failed ({}); taking them one by one", all.size(), e.toString());
            for (ConsumerRecord<String, String> r : all) {
                one(r, committed);
            }
        }
    }

    private void one(ConsumerRecord<String, String> r, Map<Integer, Long> committed) {
        Map<Integer, Long> next = Map.of(r.partition(), r.offset() + 1);
        try {
            tx.executeWithoutResult(s -> {
                fence(next.keySet(), committed);
                ingest(List.of(r));
                offsets.save(TOPIC, next);
            });
        } catch (RuntimeException e) {
            if (e instanceof Moved || onTheDatabase(e)) {
                throw e;
            }
            log.warn("Payment stream: record {} set aside: {}", source(r), e.toString());
            tx.executeWithoutResult(s -> {
                fence(next.keySet(), committed);
                payments.deadLetter(null, null, r.value(), List.of(Rejection.of("monitoring.stream.failed", "event")),
                        source(r));
                offsets.save(TOPIC, next);
            });
        }
        committed.putAll(next);
    }

    /** Locks the batch's offset rows and checks nobody moved them since this consumer last wrote them. */
    private void fence(Set<Integer> partitions, Map<Integer, Long> committed) {
        Map<Integer, Long> stored = offsets.lock(TOPIC, new TreeSet<>(partitions));
        for (int p : partitions) {
            if (!Objects.equals(stored.get(p), committed.get(p))) {
                throw new Moved("the stored offset of partition " + p + " is " + stored.get(p) + ", not "
                        + committed.get(p) + " as this consumer left it");
            }
        }
    }

    /** A record read: the event as read at the edge and the institution that reported it. */
    private record Item(ConsumerRecord<String, String> record, long institution, Incoming incoming) {
    }

    /**
     * Reads each record at the edge, sets aside those whose institution cannot be told, and hands the rest
     * to monitoring per institution, each account's events by value date.
     */
    private void ingest(List<ConsumerRecord<String, String>> records) {
        Map<String, Optional<Long>> byCode = new HashMap<>();
        List<Item> items = new ArrayList<>(records.size());
        int nobody = 0;
        for (ConsumerRecord<String, String> r : records) {
            JsonNode n;
            try {
                n = r.value() == null ? null : json.readTree(r.value());
            } catch (JacksonException e) {
                n = null;
            }
            if (n == null || n.isMissingNode()) {
                payments.deadLetter(null, null, r.value(), List.of(Rejection.of("monitoring.stream.malformed", "event")),
                        source(r));
                nobody++;
                continue;
            }
            Incoming in = PaymentEventReader.read(0, n);
            List<Rejection> who = new ArrayList<>();
            Long institution = null;
            if (n.isObject()) {
                String code = PaymentEventReader.text(n, "institutionCreditCode", 18, 18, true, who);
                if (code != null) {
                    institution = byCode.computeIfAbsent(code, k -> institutions.byCreditCode(k).map(Institution::id))
                            .orElse(null);
                    if (institution == null) {
                        who.add(Rejection.of("monitoring.stream.unknown-institution", "institutionCreditCode", code));
                    }
                }
            }
            if (institution == null) {
                payments.deadLetter(null, in.bankReference(), in.raw(),
                        Stream.concat(in.unreadable().stream(), who.stream()).toList(), source(r));
                nobody++;
                continue;
            }
            if (in.event() != null && !in.event().account().equals(r.key())) {
                // partitioned by account: a record keyed otherwise may overtake the account's other events
                in = new Incoming(0, in.raw(), in.bankReference(), null,
                        List.of(Rejection.of("monitoring.stream.key", "key", r.key(), in.event().account())));
            }
            items.add(new Item(r, institution, in));
        }
        if (nobody > 0) {
            // no institution's report to audit them under: said here, kept in monitoring_dead_letter
            log.warn("Payment stream: {} of {} records set aside, no institution told from them", nobody, records.size());
        }
        items.sort(PER_ACCOUNT);
        Map<Long, List<Item>> byInstitution = new LinkedHashMap<>();
        for (Item i : items) {
            byInstitution.computeIfAbsent(i.institution(), k -> new ArrayList<>()).add(i);
        }
        byInstitution.forEach((institution, its) -> {
            List<Incoming> events = new ArrayList<>(its.size());
            for (int k = 0; k < its.size(); k++) {
                Incoming in = its.get(k).incoming();
                events.add(new Incoming(k, in.raw(), in.bankReference(), in.event(), in.unreadable()));
            }
            monitoring.ingest(institution, ACTOR, events, k -> source(its.get(k).record()));
        });
    }

    /** Where a record sits, as its dead letter keeps it: {@code topic-partition@offset}. */
    private static String source(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    /** Whether a failure is the database's (gone, busy, deadlocked) rather than the records'. */
    private static boolean onTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** Waits (woken early by {@link #stop}) and returns the next, longer wait. */
    private Duration pause(Duration d) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
        Duration longer = d.multipliedBy(2);
        return longer.compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : longer;
    }

    /** The stored offsets moved under this consumer: a replay was asked for, or another instance reads too. */
    private static final class Moved extends RuntimeException {
        Moved(String message) {
            super(message, null, false, false);
        }
    }
}
