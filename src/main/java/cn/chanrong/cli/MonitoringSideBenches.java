package cn.chanrong.cli;

import cn.chanrong.cashflow.domain.CounterpartyCategoriser;
import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.cli.MonitoringStream.Item;
import cn.chanrong.monitoring.domain.Detector;
import cn.chanrong.monitoring.domain.FanOut;
import cn.chanrong.monitoring.domain.HiddenRefinancing;
import cn.chanrong.monitoring.domain.InMemoryHistory;
import cn.chanrong.monitoring.domain.ProhibitedUse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two comparisons {@code bench monitoring} runs beside the detector in memory (issue 18's benchmark): the same
 * detections as SQL per event on PostgreSQL, and the stream end to end through a Kafka broker on loopback — records
 * in the payment stream's JSON, read back, categorised and detected — with the topic loaded before the clock starts.
 * Each counts what it finds so that the figures are of the same work.
 */
final class MonitoringSideBenches {

    private MonitoringSideBenches() {
    }

    /** Events taken, how long, what was found per rule. */
    record Run(int events, long nanos, MonitoringBenchCommand.Found found) {

        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    /**
     * The stream through PostgreSQL, one event at a time on one connection in autocommit: a loan is inserted; an event
     * runs each rule that applies to it as a query over the loans and payments out stored so far, and a payment out is
     * then inserted. The tables are temporary (this connection's only) with the indexes the queries need.
     */
    static Run sql(DataSource dataSource, MonitoringStream.Stream stream) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE bench_loan (account TEXT, id BIGINT, principal BIGINT, day INT, renewal BOOLEAN)");
                s.execute("CREATE TEMP TABLE bench_debit (account TEXT, id BIGINT, cp_account TEXT, cp_name TEXT, amount BIGINT, day INT)");
                s.execute("CREATE INDEX ON bench_loan (account, day)");
                s.execute("CREATE INDEX ON bench_debit (account, day)");
            }
            String money = "SELECT id, principal, day, renewal FROM bench_loan WHERE account = ? AND day <= ? AND ? - day <= ? "
                    + "ORDER BY day DESC, id DESC LIMIT 1";
            try (PreparedStatement loan = c.prepareStatement("INSERT INTO bench_loan VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement debit = c.prepareStatement("INSERT INTO bench_debit VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement moneyOf = c.prepareStatement(money);
                 PreparedStatement fanOut = c.prepareStatement("""
                         SELECT count(DISTINCT coalesce(cp_account, cp_name)), coalesce(sum(amount), 0),
                                count(DISTINCT coalesce(cp_account, cp_name)) FILTER (WHERE coalesce(cp_account, cp_name) <> ?),
                                count(*)
                           FROM bench_debit WHERE account = ? AND day BETWEEN ? AND ?""");
                 PreparedStatement roundTrip = c.prepareStatement("""
                         SELECT d.id FROM bench_debit d
                          WHERE d.account = ? AND (CASE WHEN ? THEN d.cp_account = ? ELSE d.cp_name = ? END)
                            AND d.day BETWEEN ? AND ? AND 2 * ? >= d.amount
                            AND EXISTS (SELECT 1 FROM bench_loan l WHERE l.account = d.account AND l.day <= d.day
                                                                        AND d.day - l.day <= ?)
                          ORDER BY d.day DESC, d.id DESC LIMIT 1""")) {
                long prohibited = 0;
                long refinancing = 0;
                long trips = 0;
                long fans = 0;
                long id = 0;
                int events = 0;
                long start = System.nanoTime();
                for (Item item : stream.items()) {
                    String account = stream.keys()[item.account()];
                    if (item.loan() != null) {
                        Detector.Loan l = item.loan();
                        loan.setString(1, account);
                        loan.setLong(2, l.id());
                        loan.setLong(3, l.principal());
                        loan.setInt(4, l.disbursedOn());
                        loan.setBoolean(5, l.renewal());
                        loan.executeUpdate();
                        continue;
                    }
                    Detector.Event e = item.event();
                    events++;
                    int day = e.valueDate();
                    if (e.debit()) {
                        boolean prohibitedPayee = ProhibitedUse.PROHIBITED.contains(e.category());
                        boolean repays = e.category() == HiddenRefinancing.CATEGORY;
                        if (prohibitedPayee || repays) {
                            long[] l = money(moneyOf, account, day, MonitoringStream.WINDOW);
                            if (l != null && prohibitedPayee) {
                                prohibited++;
                            }
                            if (l != null && repays && l[3] == 0) {
                                refinancing++;
                            }
                        }
                        long[] l = money(moneyOf, account, day, FanOut.DAYS);
                        if (l != null) {
                            String party = e.counterpartyAccount() != null ? e.counterpartyAccount()
                                    : e.counterpartyName() != null ? e.counterpartyName() : e.reference();
                            fanOut.setString(1, party);
                            fanOut.setString(2, account);
                            fanOut.setInt(3, (int) Math.max(l[2], day - FanOut.DAYS));
                            fanOut.setInt(4, (int) Math.min(l[2] + FanOut.DAYS, day + FanOut.DAYS));
                            try (ResultSet r = fanOut.executeQuery()) {
                                r.next();
                                long before = r.getLong(1);
                                long total = r.getLong(2);
                                long withOthers = r.getLong(3) + 1;
                                long payments = r.getLong(4);
                                boolean held = before >= FanOut.MIN_PARTIES && 2 * total >= l[1];
                                long withTotal = total - e.amount();
                                if (payments + 1 >= FanOut.MIN_PARTIES && !held && withOthers >= FanOut.MIN_PARTIES && 2 * withTotal >= l[1]) {
                                    fans++;
                                }
                            }
                        }
                        debit.setString(1, account);
                        debit.setLong(2, ++id);
                        debit.setString(3, e.counterpartyAccount());
                        debit.setString(4, e.counterpartyName());
                        debit.setLong(5, -e.amount());
                        debit.setInt(6, day);
                        debit.executeUpdate();
                    } else if (e.amount() > 0 && (e.counterpartyAccount() != null || e.counterpartyName() != null)) {
                        ++id;
                        roundTrip.setString(1, account);
                        roundTrip.setBoolean(2, e.counterpartyAccount() != null);
                        roundTrip.setString(3, e.counterpartyAccount());
                        roundTrip.setString(4, e.counterpartyName());
                        roundTrip.setInt(5, day - MonitoringStream.WINDOW);
                        roundTrip.setInt(6, day);
                        roundTrip.setLong(7, e.amount());
                        roundTrip.setInt(8, MonitoringStream.WINDOW);
                        try (ResultSet r = roundTrip.executeQuery()) {
                            if (r.next()) {
                                trips++;
                            }
                        }
                    } else {
                        ++id;
                    }
                }
                long nanos = System.nanoTime() - start;
                return new Run(events, nanos, new MonitoringBenchCommand.Found(prohibited, trips, fans, refinancing));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS bench_loan, bench_debit");
                }
            }
        }
    }

    /** The loan whose money a payment on {@code day} is, within {@code window}: id, principal, day, renewal (1/0); null if none. */
    private static long[] money(PreparedStatement moneyOf, String account, int day, int window) throws SQLException {
        moneyOf.setString(1, account);
        moneyOf.setInt(2, day);
        moneyOf.setInt(3, day);
        moneyOf.setInt(4, window);
        try (ResultSet r = moneyOf.executeQuery()) {
            return r.next() ? new long[] {r.getLong(1), r.getLong(2), r.getInt(3), r.getBoolean(4) ? 1 : 0} : null;
        }
    }

    /**
     * The stream through Kafka: a topic of its own on the broker at {@code bootstrap} with {@code partitions}
     * partitions is loaded with the payment events as the stream carries them (JSON, keyed by account) before the
     * clock starts; then one consumer assigned every partition reads them back, reads each record's JSON, categorises
     * the counterparty with the platform's rules and runs the detector over the in-memory history (the loans known in
     * advance, as lending's book is). Detection, as the payment stream does it, happens per partition in record order.
     */
    static Run kafka(String bootstrap, int partitions, MonitoringStream.Stream stream, int ring) throws Exception {
        // the clients log every connection at INFO: keep the bench's output to its figures
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger log) {
            log.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        String topic = "chanrong.payments.bench-" + Long.toString(System.currentTimeMillis(), 36);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        JsonMapper json = JsonMapper.builder().build();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "1");
        p.put("linger.ms", "5");
        p.put("batch.size", Integer.toString(256 * 1024));
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (Item item : stream.items()) {
                if (item.event() != null) {
                    Detector.Event e = item.event();
                    var record = new java.util.LinkedHashMap<String, Object>();
                    record.put("direction", e.debit() ? "DEBIT" : "CREDIT");
                    record.put("account", e.account());
                    record.put("counterpartyAccount", e.counterpartyAccount());
                    record.put("counterpartyName", e.counterpartyName());
                    record.put("amount", BigDecimal.valueOf(Math.abs(e.amount()), 2).toPlainString());
                    record.put("currency", "CNY");
                    record.put("valueDate", LocalDate.ofEpochDay(e.valueDate()).toString());
                    record.put("bankReference", e.reference());
                    record.put("institution", "91350100MA2BENCH01");
                    producer.send(new ProducerRecord<>(topic, e.account(), json.writeValueAsBytes(record)));
                }
            }
            producer.flush();
        }
        var history = new InMemoryHistory(ring, stream.keys().length);
        for (Item item : stream.items()) {
            if (item.loan() != null) {
                history.loan(stream.keys()[item.account()], item.loan());
            }
        }
        var detector = new Detector(MonitoringStream.WINDOW);
        var categoriser = new CounterpartyCategoriser(Set.of(), Set.of(), Set.of(), Set.of());
        var categories = new java.util.HashMap<String, CounterpartyCategory>();
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("enable.auto.commit", "false");
        c.put("max.poll.records", "5000");
        c.put("fetch.min.bytes", Integer.toString(64 * 1024));
        c.put("isolation.level", "read_committed");
        var tally = new MonitoringBenchCommand.Tally();
        long id = 0;
        int read = 0;
        long start;
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                all.add(new TopicPartition(topic, i));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (read < stream.events() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    Fields f = Fields.read(json, r.value());
                    long signed = f.debit ? -f.fen : f.fen;
                    // a stream categorises a counterparty once and remembers it, as it meets the same payees again and again
                    String key = (f.debit ? "-" : "+") + f.cpAccount + "\u0000" + f.cpName;
                    CounterpartyCategory category = categories.get(key);
                    if (category == null) {
                        if (categories.size() >= CATEGORY_CACHE) {
                            categories.clear();
                        }
                        category = categoriser.categorise(BigDecimal.valueOf(signed, 2), f.cpAccount, f.cpName, null).category();
                        categories.put(key, category);
                    }
                    var e = new Detector.Event(r.key(), f.reference, f.cpAccount, f.cpName, signed, category, f.day);
                    tally.add(history.accept(detector, e, ++id));
                }
            }
        }
        long nanos = System.nanoTime() - start;
        try (Admin a = Admin.create(admin)) {
            a.deleteTopics(List.of(topic)).all().get();
        }
        return new Run(read, nanos, tally.found());
    }

    /** Counterparties whose category a bench stream remembers before it starts over. */
    static final int CATEGORY_CACHE = 200_000;

    /** The fields of one stream record the detector needs, read with the streaming parser (no tree). */
    private static final class Fields {
        boolean debit;
        long fen;
        String cpAccount;
        String cpName;
        String reference;
        int day;

        static Fields read(JsonMapper json, byte[] value) {
            Fields f = new Fields();
            try (JsonParser p = json.createParser(value)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    String v = t == JsonToken.VALUE_NULL ? null : p.getString();
                    switch (name) {
                        case "direction" -> f.debit = "DEBIT".equals(v);
                        case "amount" -> f.fen = Detector.fen(new BigDecimal(v));
                        case "counterpartyAccount" -> f.cpAccount = v;
                        case "counterpartyName" -> f.cpName = v;
                        case "bankReference" -> f.reference = v;
                        case "valueDate" -> f.day = Detector.day(LocalDate.parse(v));
                        default -> {
                            if (t.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
            }
            return f;
        }
    }

    static String line(String name, Run r) {
        return String.format(Locale.ROOT, "%s: %,d events in %.2f s = %,.0f events/s; found %s", name, r.events(),
                r.nanos() / 1e9, r.perSecond(), r.found());
    }
}
