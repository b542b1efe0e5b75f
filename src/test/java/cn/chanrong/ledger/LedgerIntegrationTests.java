package cn.chanrong.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    long book(String institutionNamePrefix) {
        return jdbc.sql("SELECT id FROM institution WHERE name LIKE :n").param("n", institutionNamePrefix + "%")
                .query(Long.class).single();
    }

    JournalEntry disburse(long book, String loan, String amount) {
        return tx.execute(s -> ledger.post(book, DAY, "贷款发放 / disbursement", "test:" + loan + ":disbursement", List.of(
                EntryLine.debit("1303", new BigDecimal(amount), loan),
                EntryLine.credit("2002", new BigDecimal(amount), null)), "test"));
    }

    @Test
    void a_balanced_entry_posts_once_per_source_and_reverses_once() {
        long book = book("闽江城市商业银行");
        String loan = "loan-" + UUID.randomUUID();
        JournalEntry e = disburse(book, loan, "1500000.00");
        assertThat(e.lines()).hasSize(2);
        assertThat(disburse(book, loan, "1500000.00").id()).as("the same event again").isEqualTo(e.id());
        assertThatThrownBy(() -> disburse(book, loan, "1600000.00")).isInstanceOf(Rejected.class)
                .satisfies(x -> assertThat(((Rejected) x).rejections().get(0).code()).isEqualTo("ledger.source-reused"));
        JournalEntry rev = tx.execute(s -> ledger.reverse(book, e.id(), DAY, "录入错误", "test"));
        assertThat(rev.reverses()).isEqualTo(e.id());
        assertThat(rev.lines().get(0).side()).isEqualTo(cn.chanrong.ledger.domain.Side.CREDIT);
        assertThatThrownBy(() -> tx.execute(s -> ledger.reverse(book, e.id(), DAY, "again", "test")))
                .isInstanceOf(Rejected.class);
        var tb = ledger.trialBalance(book, DAY);
        assertThat(tb.balanced()).isTrue();
        assertThat(ledger.check().sound()).as(ledger.check().problems().toString()).isTrue();
    }

    @Test
    void the_rules_refuse_an_unbalanced_or_malformed_entry_by_line() {
        long book = book("闽江城市商业银行");
        Rejected r = (Rejected) org.assertj.core.api.Assertions.catchThrowable(() -> tx.execute(s -> ledger.post(book, DAY,
                "坏分录", "test:bad:" + UUID.randomUUID(), List.of(
                        EntryLine.debit("1303", new BigDecimal("100.00"), null),
                        EntryLine.credit("9999", new BigDecimal("100.00"), null),
                        EntryLine.credit("2002", new BigDecimal("-1"), null)), "test")));
        assertThat(r.rejections()).extracting(Rejection::code)
                .containsExactly("ledger.subledger-required", "ledger.unknown-account", "ledger.amount");
        Rejected unbalanced = (Rejected) org.assertj.core.api.Assertions.catchThrowable(() -> tx.execute(s -> ledger.post(
                book, DAY, "不平", "test:unbalanced:" + UUID.randomUUID(), List.of(
                        EntryLine.debit("1003", new BigDecimal("100.00"), null),
                        EntryLine.credit("2002", new BigDecimal("99.99"), null)), "test")));
        assertThat(unbalanced.rejections().get(0).code()).isEqualTo("ledger.unbalanced");
    }

    @Test
    void the_database_itself_refuses_an_unbalanced_entry_at_commit_and_any_change_to_postings() {
        long book = book("闽江城市商业银行");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            long id = jdbc.sql("""
                            INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                            VALUES (:b, :d, 'raw', :s, 'mallory') RETURNING id""")
                    .param("b", book).param("d", DAY).param("s", "raw:" + UUID.randomUUID()).query(Long.class).single();
            jdbc.sql("INSERT INTO posting (entry_id, account, debit) VALUES (:e, '1003', 10)").param("e", id).update();
            jdbc.sql("INSERT INTO posting (entry_id, account, credit) VALUES (:e, '2002', 9)").param("e", id).update();
        })).rootCause().hasMessageContaining("does not balance");
        JournalEntry e = disburse(book, "loan-" + UUID.randomUUID(), "10.00");
        assertThatThrownBy(() -> jdbc.sql("UPDATE posting SET debit = 11 WHERE entry_id = :e AND debit > 0")
                .param("e", e.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE id = :e").param("e", e.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO posting (entry_id, account, debit, credit) VALUES (:e, '1003', 5, 0), (:e, '2002', 0, 5)")
                .param("e", e.id()).update()).as("balanced lines appended to a committed entry")
                .hasMessageContaining("committed earlier");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO posting (entry_id, account, debit, credit) VALUES (-7, '1003', 5, 0), (-7, '2002', 0, 5)")
                .update()).as("postings of no entry").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            long id = jdbc.sql("""
                            INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                            VALUES (:b, :d, 'raw', :s, 'mallory') RETURNING id""")
                    .param("b", book).param("d", DAY).param("s", "raw:" + UUID.randomUUID()).query(Long.class).single();
            jdbc.sql("INSERT INTO posting (entry_id, account, debit, credit) VALUES (:e, '1003', 5, 0), (:e, '9999', 0, 5)")
                    .param("e", id).update();
        })).rootCause().as("an account outside the chart").hasMessageContaining("not in the chart");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                        VALUES (:b, :d, 'raw', :s, 'mallory')""")
                .param("b", book).param("d", DAY).param("s", "raw:" + UUID.randomUUID()).update()))
                .rootCause().as("an entry without postings").hasMessageContaining("has no postings");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_account WHERE code = '2002'").update())
                .hasMessageContaining("stay in the chart");
    }

    @Test
    void the_check_reports_an_entry_that_got_past_the_database_unbalanced() {
        long book = book("闽江城市商业银行");
        tx.executeWithoutResult(status -> {
            // someone with owner rights switches the guard off: the check is the second line
            jdbc.sql("ALTER TABLE posting DISABLE TRIGGER posting_statement_balanced").update();
            jdbc.sql("ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_balanced").update();
            long id = jdbc.sql("""
                            INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                            VALUES (:b, :d, 'raw', :s, 'mallory') RETURNING id""")
                    .param("b", book).param("d", DAY).param("s", "raw:" + UUID.randomUUID()).query(Long.class).single();
            jdbc.sql("INSERT INTO posting (entry_id, account, debit) VALUES (:e, '1003', 10)").param("e", id).update();
            jdbc.sql("INSERT INTO posting (entry_id, account, credit) VALUES (:e, '2002', 9)").param("e", id).update();
            Ledger.Check check = ledger.check();
            assertThat(check.sound()).isFalse();
            assertThat(check.problems()).anyMatch(p -> p.startsWith("entry " + id + ": debits 10.00 credits 9.00"));
            assertThat(check.problems()).anyMatch(p -> p.startsWith("book " + book + ": trial balance"));
            status.setRollbackOnly();
        });
        assertThat(ledger.check().sound()).isTrue();
    }

    @Test
    void each_bank_reads_its_own_trial_balance_and_the_demo_books_balance() {
        var own = Api.as(port, "bank").get("/api/v1/ledger/trial-balance?asOf=2026-06-30").json();
        assertThat(own.get("totalDebit").decimalValue()).isEqualByComparingTo(own.get("totalCredit").decimalValue());
        assertThat(own.get("lines").findValuesAsString("account")).contains("1003", "2002", "4001");
        long other = book("海峡农村商业银行");
        assertThat(Api.as(port, "bank").get("/api/v1/ledger/trial-balance?book=" + other).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator").get("/api/v1/ledger/trial-balance?book=" + other).json()
                .get("lines").size()).isPositive();
        assertThat(Api.as(port, "enterprise").get("/api/v1/ledger/trial-balance").status()).isEqualTo(403);
        var check = Api.as(port, "admin").get("/api/v1/ledger/check").json();
        assertThat(check.get("problems").size()).isZero();
        assertThat(check.get("books").asInt()).isGreaterThanOrEqualTo(2);
    }
}
