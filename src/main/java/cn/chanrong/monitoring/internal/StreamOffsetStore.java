package cn.chanrong.monitoring.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the payment stream has read ({@code monitoring_stream_offset}): per partition, the offset of the
 * next record. Written in the transaction that keeps a batch's effects, so the two never part.
 */
@Component
class StreamOffsetStore {

    private final JdbcClient jdbc;

    StreamOffsetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read, by partition; a partition never read is absent. */
    Map<Integer, Long> read(String topic) {
        Map<Integer, Long> out = new HashMap<>();
        jdbc.sql("SELECT kafka_partition, next_offset FROM monitoring_stream_offset WHERE topic = :t")
                .param("t", topic)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getLong(2));
                });
        return out;
    }

    /** As {@link #read}, for some partitions, their rows locked until the transaction ends. */
    Map<Integer, Long> lock(String topic, Collection<Integer> partitions) {
        Map<Integer, Long> out = new HashMap<>();
        jdbc.sql("""
                        SELECT kafka_partition, next_offset FROM monitoring_stream_offset
                         WHERE topic = :t AND kafka_partition IN (:p) ORDER BY kafka_partition FOR UPDATE""")
                .param("t", topic).param("p", partitions)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getLong(2));
                });
        return out;
    }

    void save(String topic, Map<Integer, Long> next) {
        next.forEach((partition, offset) -> jdbc.sql("""
                        INSERT INTO monitoring_stream_offset (topic, kafka_partition, next_offset) VALUES (:t, :p, :o)
                        ON CONFLICT (topic, kafka_partition) DO UPDATE SET next_offset = EXCLUDED.next_offset,
                            updated_at = now()""")
                .param("t", topic).param("p", partition).param("o", offset).update());
    }
}
