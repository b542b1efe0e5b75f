package cn.chanrong.lending.internal;

import cn.chanrong.credit.OutsideFacts;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 首贷户 (FACTS §8), decided when a loan is disbursed: not when the platform holds an earlier disbursed
 * loan of the borrower; otherwise the credit bureau's flag, or — without a bureau record — the
 * borrower's declaration on the application; unknown stays NULL (and does not count).
 */
@Component
class FirstLoans {

    private final JdbcClient jdbc;
    private final OutsideFacts outside;

    FirstLoans(JdbcClient jdbc, OutsideFacts outside) {
        this.jdbc = jdbc;
        this.outside = outside;
    }

    void mark(long loanId, long borrowerId, LocalDate date) {
        boolean earlier = jdbc.sql("""
                        SELECT count(*) FROM loan WHERE borrower_id = :b AND id <> :id AND disbursed_on IS NOT NULL
                           AND disbursed_on <= :d""")
                .param("b", borrowerId).param("id", loanId).param("d", date).query(Long.class).single() > 0;
        Boolean first = earlier ? Boolean.FALSE : outside.everBorrowed(borrowerId, date).map(ever -> !ever)
                .orElseGet(() -> jdbc.sql("""
                                SELECT a.first_loan_declared FROM loan l JOIN loan_application a ON a.id = l.application_id
                                 WHERE l.id = :id""").param("id", loanId).query((rs, i) -> (Boolean) rs.getObject(1))
                        .optional().orElse(null));
        jdbc.sql("UPDATE loan SET first_loan = :f WHERE id = :id").param("f", first).param("id", loanId).update();
    }
}
