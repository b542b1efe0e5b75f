package cn.chanrong.platform.internal;

import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcIdempotency implements Idempotency {

    private final JdbcClient jdbc;

    JdbcIdempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Response execute(String caller, String key, String operation, String requestHash,
                            Supplier<Response> effect) {
        if (key == null) {
            return effect.get();
        }
        if (key.length() > 200 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw Rejected.invalid(Rejection.of("idempotency-key.length", "Idempotency-Key"));
        }
        // Claim the key first: a concurrent request with the same key blocks here until this
        // transaction ends, then sees the stored response (or claims the key if this one rolled back).
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_record (caller, idem_key, operation, request_hash, status, body)
                        VALUES (:c, :k, :op, :h, 0, '') ON CONFLICT (caller, idem_key) DO NOTHING""")
                .param("c", caller).param("k", key).param("op", operation).param("h", requestHash).update();
        if (claimed == 0) {
            var stored = jdbc.sql("""
                            SELECT operation, request_hash, status, location, body FROM idempotency_record
                            WHERE caller = :c AND idem_key = :k""")
                    .param("c", caller).param("k", key)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)})
                    .single();
            if (!operation.equals(stored[0]) || !requestHash.equals(stored[1])) {
                throw new KeyReusedException(key);
            }
            return new Response((Integer) stored[2], (String) stored[3], (String) stored[4], true);
        }
        Response r = effect.get();
        jdbc.sql("UPDATE idempotency_record SET status = :s, location = :l, body = :b WHERE caller = :c AND idem_key = :k")
                .param("s", r.status()).param("l", r.location()).param("b", r.body())
                .param("c", caller).param("k", key).update();
        return r;
    }
}
