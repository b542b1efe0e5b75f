package cn.chanrong.monitoring.internal;

import cn.chanrong.monitoring.domain.ProceedsTrace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The payments one institution reported, read as the movements a loan's money is followed through. */
@Component
class TraceStore {

    private final JdbcClient jdbc;

    TraceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reported credit on one of the borrower's accounts that booked the loan: the amount, on the day. */
    record Landing(long paymentId, String account) {
    }

    Optional<Landing> landing(long institutionId, long borrowerId, LocalDate on, BigDecimal principal, String currency) {
        return jdbc.sql("""
                        SELECT id, account FROM monitoring_payment
                        WHERE institution_id = :i AND enterprise_id = :b AND direction = 'CREDIT' AND value_date = :d
                          AND amount = :p AND currency = :c
                        ORDER BY id LIMIT 1""")
                .param("i", institutionId).param("b", borrowerId).param("d", on).param("p", principal).param("c", currency)
                .query((rs, n) -> new Landing(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The borrower's account with the first payment the institution reported in the window, if any. */
    Optional<String> firstAccount(long institutionId, long borrowerId, LocalDate from, LocalDate to, String currency) {
        return jdbc.sql("""
                        SELECT account FROM monitoring_payment
                        WHERE institution_id = :i AND enterprise_id = :b AND value_date BETWEEN :f AND :t AND currency = :c
                        ORDER BY value_date, id LIMIT 1""")
                .param("i", institutionId).param("b", borrowerId).param("f", from).param("t", to).param("c", currency)
                .query(String.class).optional();
    }

    /** The movements on the accounts, in the window, at most {@code limit}, oldest first. */
    List<ProceedsTrace.Movement> movements(long institutionId, Collection<String> accounts, LocalDate from, LocalDate to,
                                           String currency, int limit) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, account, direction, counterparty_account, counterparty_name, category, amount, value_date
                        FROM monitoring_payment
                        WHERE institution_id = :i AND account IN (:a) AND value_date BETWEEN :f AND :t AND currency = :c
                        ORDER BY value_date, id LIMIT :l""")
                .param("i", institutionId).param("a", accounts).param("f", from).param("t", to).param("c", currency)
                .param("l", limit)
                .query((rs, n) -> new ProceedsTrace.Movement(rs.getLong(1), rs.getString(2), "DEBIT".equals(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7).movePointRight(2).longValueExact(),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }
}
