package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loans;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A loan's money movements ({@code loan_transaction}): recorded, numbered, charged a fee, read. */
@Component
class TransactionStore {

    private static final String COLUMNS = """
            SELECT id, loan_id, type, value_date, amount, principal, interest, penalty, fee, payee, entry_id,
                   created_by, created_at FROM loan_transaction""";

    private final JdbcClient jdbc;

    TransactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Loans.Transaction map(ResultSet rs, int row) throws SQLException {
        return new Loans.Transaction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getString(10), rs.getLong(11), rs.getString(12), LoanStore.instant(rs, 13));
    }

    /** Whether the loan has a movement of {@code type} on {@code date} recorded under {@code payee}. */
    boolean has(long loanId, String type, LocalDate date, String payee) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM loan_transaction
                                        WHERE loan_id = :l AND type = :t AND value_date = :d AND payee = :p)""")
                .param("l", loanId).param("t", type).param("d", date).param("p", payee).query(Boolean.class).single();
    }

    /** Records a movement on the loan; returns it as stored. */
    Loans.Transaction record(long loanId, String type, LocalDate date, BigDecimal amount, BigDecimal principal,
                BigDecimal interest, BigDecimal penalty, String payee, long entryId, String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_transaction (loan_id, type, value_date, amount, principal, interest, penalty, payee,
                            entry_id, created_by)
                        VALUES (:l, :t, :d, :a, :p, :i, :pen, :payee, :e, :by)
                        RETURNING id, loan_id, type, value_date, amount, principal, interest, penalty, fee, payee, entry_id,
                                  created_by, created_at""")
                .param("l", loanId).param("t", type).param("d", date).param("a", amount).param("p", principal)
                .param("i", interest).param("pen", penalty).param("payee", payee).param("e", entryId).param("by", actor)
                .query(TransactionStore::map).single();
    }

    /** The number the loan's next movement will have (its journal entry's source key counts with it). */
    long next(long loanId) {
        return jdbc.sql("SELECT count(*) + 1 FROM loan_transaction WHERE loan_id = :id").param("id", loanId)
                .query(Long.class).single();
    }

    /** Adds {@code fee} to movement {@code tx}: a prepayment's fee is paid with it. */
    void chargeFee(long tx, BigDecimal fee) {
        jdbc.sql("UPDATE loan_transaction SET fee = :f, amount = amount + :f WHERE id = :id")
                .param("f", fee).param("id", tx).update();
    }

    List<Loans.Transaction> of(long loanId) {
        return jdbc.sql(COLUMNS + " WHERE loan_id = :id ORDER BY id").param("id", loanId)
                .query(TransactionStore::map).list();
    }

    Loans.Transaction get(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(TransactionStore::map).single();
    }
}
