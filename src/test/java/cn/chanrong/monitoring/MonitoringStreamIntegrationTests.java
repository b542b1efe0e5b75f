package cn.chanrong.monitoring;

import static cn.chanrong.monitoring.MonitoringIntegrationTests.alertOf;
import static cn.chanrong.monitoring.MonitoringIntegrationTests.borrowerWithAccount;
import static cn.chanrong.monitoring.MonitoringIntegrationTests.event;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.monitoring.MonitoringIntegrationTests.Borrower;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.EmbeddedBroker;
import cn.chanrong.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A bank's reported flows on the Kafka topic {@code chanrong.payments} (the in-process KRaft broker of
 * {@link EmbeddedBroker}, a real broker): the same detections as the API's report, offsets kept with the
 * effects, records that cannot be taken set aside without stopping the stream, a replay changing nothing.
 */
@IntegrationTest
class MonitoringStreamIntegrationTests {

    static final String TOPIC = EmbeddedBroker.TOPIC;
    /** How long the stream may take to reach a record before the test gives up (a bound, not an expectation). */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    Producer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(10));
    }

    RecordMetadata send(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** The record's value: the API's payment event and the reporting institution's credit code. */
    static String value(Map<String, Object> event, String institutionCreditCode) {
        Map<String, Object> v = new LinkedHashMap<>(event);
        v.put("institutionCreditCode", institutionCreditCode);
        return Api.JSON.writeValueAsString(v);
    }

    String creditCodeOf(String user) {
        return jdbc.sql("SELECT i.credit_code FROM institution i JOIN app_user u ON u.institution_id = i.id WHERE u.username = :u")
                .param("u", user).query(String.class).single();
    }

    /** The offset the stream reads next on a partition, as kept in PostgreSQL; -1 before it read any. */
    long nextOffset(int partition) {
        return jdbc.sql("SELECT next_offset FROM monitoring_stream_offset WHERE topic = :t AND kafka_partition = :p")
                .param("t", TOPIC).param("p", partition).query(Long.class).optional().orElse(-1L);
    }

    /** Polls (bounded) until {@code probe} answers, and returns the answer. */
    static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the stream did not get there: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the stream has taken (kept the effects of) every one of the records. */
    void awaitTaken(RecordMetadata... records) throws InterruptedException {
        for (RecordMetadata m : records) {
            await("past " + m, () -> nextOffset(m.partition()) > m.offset() ? Boolean.TRUE : null);
        }
    }

    String source(RecordMetadata m) {
        return TOPIC + "-" + m.partition() + "@" + m.offset();
    }

    /** A dead letter's institution, reasons and payload for the record, found by its source and a text in it. */
    Map<String, Object> deadLetter(RecordMetadata m, String marker) {
        return jdbc.sql("""
                        SELECT institution_id, reasons::text AS reasons, payload FROM monitoring_dead_letter
                         WHERE source = :s AND payload LIKE :m""")
                .param("s", source(m)).param("m", "%" + marker + "%").query().singleRow();
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param("x", param).query(Long.class).single();
    }

    @Test
    void loan_money_paid_to_a_broker_on_the_stream_raises_the_alert_and_the_offset_moves_past_it_with_it() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, today, "1000000", 3);
        String ref = "KS" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        RecordMetadata sent = send(b.account(), value(event(ref, b.account(), "华泰证券股份有限公司", "250000.00",
                today.minusDays(1)), creditCodeOf("bank")));

        Api bank = steps.as("bank");
        JsonNode alert = await("the alert on loan " + b.loan(),
                () -> alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), b.loan()));
        assertThat(alert.get("rule").asString()).isEqualTo("prohibited-use");
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref);
        assertThat(alert.get("category").asString()).isEqualTo("SECURITIES");
        assertThat(alert.get("amount").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(alert.get("days").asInt()).isEqualTo(2);
        assertThat(nextOffset(sent.partition())).as("kept in the transaction that raised the alert")
                .isGreaterThan(sent.offset());
        assertThat(count("SELECT count(*) FROM audit_entry WHERE actor = 'kafka:chanrong.payments' AND detail LIKE :x",
                "%alerts")).as("the stream's batches are audited as the API's reports are").isPositive();
    }

    @Test
    void a_round_trip_whose_money_back_comes_first_in_a_batch_is_taken_by_value_date() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, today, "1500000", 6);
        String ref = "KR" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String code = creditCodeOf("bank");
        Map<String, Object> out = Map.of("bankReference", ref + "-out", "direction", "DEBIT", "account", b.account(),
                "counterpartyName", "榕城机电贸易有限公司", "counterpartyAccount", "3501999900002222", "amount", "500000.00",
                "currency", "CNY", "valueDate", today.minusDays(5).toString());
        Map<String, Object> back = Map.of("bankReference", ref + "-back", "direction", "CREDIT", "account", b.account(),
                "counterpartyName", "榕城机电贸易有限公司", "counterpartyAccount", "3501999900002222", "amount", "480000.00",
                "currency", "CNY", "valueDate", today.minusDays(2).toString());
        // one transaction: a consumer reading committed records sees both at once, the money back first
        RecordMetadata first;
        RecordMetadata second;
        try (Producer<String, String> tx = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bank-" + ref), new StringSerializer(), new StringSerializer())) {
            tx.initTransactions();
            tx.beginTransaction();
            var f = tx.send(new ProducerRecord<>(TOPIC, b.account(), value(back, code)));
            var s = tx.send(new ProducerRecord<>(TOPIC, b.account(), value(out, code)));
            tx.commitTransaction();
            first = f.get(30, TimeUnit.SECONDS);
            second = s.get(30, TimeUnit.SECONDS);
        }
        assertThat(second.offset()).isGreaterThan(first.offset());
        awaitTaken(first, second);

        JsonNode alert = alertOf(steps.as("bank").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), b.loan());
        assertThat(alert).as("the payment out is taken before the money back that arrived first").isNotNull();
        assertThat(alert.get("rule").asString()).isEqualTo("round-trip");
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref + "-back");
        assertThat(alert.get("earlier").get("bankReference").asString()).isEqualTo(ref + "-out");
        assertThat(alert.get("days").asInt()).isEqualTo(3);
    }

    @Test
    void records_that_cannot_be_taken_are_set_aside_with_their_reason_and_the_stream_goes_on() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, today, "1200000", 2);
        String ref = "KG" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String code = creditCodeOf("bank");
        long bankId = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();

        RecordMetadata garbage = send(b.account(), "{\"bankReference\": \"" + ref + "-garbage\", 这不是JSON");
        RecordMetadata huge = send(b.account(), ref + "-huge " + "x".repeat(10_000));
        RecordMetadata stranger = send(b.account(), value(event(ref + "-stranger", b.account(), "华泰证券股份有限公司",
                "1000.00", today), "91350100MA2XXXXX0X"));
        RecordMetadata badAmount = send(b.account(), value(Map.of("bankReference", ref + "-amount", "direction", "DEBIT",
                "account", b.account(), "amount", "1E5", "currency", "CNY", "valueDate", today.toString()), code));
        RecordMetadata misKeyed = send("6222999988887777", value(event(ref + "-key", b.account(), "福州精密轴承有限公司",
                "1000.00", today), code));
        RecordMetadata good = send(b.account(), value(event(ref + "-good", b.account(), "海通期货有限公司", "90000.00",
                today.minusDays(1)), code));
        awaitTaken(garbage, huge, stranger, badAmount, misKeyed, good);

        assertThat(good.partition()).as("keyed by account: one partition, in order").isEqualTo(garbage.partition());
        JsonNode alert = alertOf(steps.as("bank").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), b.loan());
        assertThat(alert).as("the record after the garbage is taken").isNotNull();
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref + "-good");

        Map<String, Object> g = deadLetter(garbage, ref + "-garbage");
        assertThat(g.get("institution_id")).as("nobody can be told from garbage").isNull();
        assertThat((String) g.get("reasons")).contains("\"code\": \"monitoring.stream.malformed\"");
        Map<String, Object> h = deadLetter(huge, ref + "-huge");
        assertThat((String) h.get("payload")).as("the text kept is bounded").hasSize(4000);
        Map<String, Object> s = deadLetter(stranger, ref + "-stranger");
        assertThat(s.get("institution_id")).isNull();
        assertThat((String) s.get("reasons")).contains("\"code\": \"monitoring.stream.unknown-institution\"",
                "\"field\": \"institutionCreditCode\"");
        Map<String, Object> a = deadLetter(badAmount, ref + "-amount");
        assertThat(((Number) a.get("institution_id")).longValue()).isEqualTo(bankId);
        assertThat((String) a.get("reasons")).contains("\"code\": \"amount.format\"", "\"field\": \"amount\"");
        Map<String, Object> k = deadLetter(misKeyed, ref + "-key");
        assertThat((String) k.get("reasons")).contains("\"code\": \"monitoring.stream.key\"", "\"field\": \"key\"");
        assertThat(count("SELECT count(*) FROM monitoring_payment WHERE bank_reference LIKE :x", ref + "-%"))
                .as("only the good one is kept").isEqualTo(1);
    }

    @Test
    void a_bank_sending_again_and_the_stream_read_again_from_an_earlier_offset_change_nothing() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, today, "1100000", 4);
        String ref = "KP" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String code = creditCodeOf("bank");
        String payment = value(event(ref, b.account(), "国泰君安证券股份有限公司", "120000.00", today.minusDays(2)), code);
        RecordMetadata once = send(b.account(), payment);
        RecordMetadata again = send(b.account(), payment);
        RecordMetadata garbage = send(b.account(), "not json " + ref);
        awaitTaken(once, again, garbage);
        assertThat(count("SELECT count(*) FROM monitoring_payment WHERE bank_reference = :x", ref))
                .as("the same bank reference is one payment").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM monitoring_alert WHERE loan_id = :x", b.loan())).isEqualTo(1);

        // an operator rewinds the stream (a replay); the next record makes it notice and read from there again
        jdbc.sql("UPDATE monitoring_stream_offset SET next_offset = :o WHERE topic = :t AND kafka_partition = :p")
                .param("o", once.offset()).param("t", TOPIC).param("p", once.partition()).update();
        RecordMetadata later = send(b.account(), value(event(ref + "-later", b.account(), "福州精密轴承有限公司",
                "3000.00", today), code));
        awaitTaken(later);

        assertThat(nextOffset(once.partition())).isEqualTo(later.offset() + 1);
        assertThat(count("SELECT count(*) FROM monitoring_payment WHERE bank_reference = :x", ref)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM monitoring_payment WHERE bank_reference = :x", ref + "-later")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM monitoring_alert WHERE loan_id = :x", b.loan()))
                .as("read twice, raised once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_dead_letter WHERE source = :s AND payload = :p")
                .param("s", source(garbage)).param("p", "not json " + ref).query(Long.class).single())
                .as("set aside once").isEqualTo(1);
    }
}
