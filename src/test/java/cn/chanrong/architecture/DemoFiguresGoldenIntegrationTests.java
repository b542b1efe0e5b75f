package cn.chanrong.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The money figures of every loan and financing the demo books — principal, rate, dates, each
 * installment's principal and interest, each transaction's split — pinned as they were before the
 * one-writer refactor (issue 16), so that moving the financing paths onto one disbursement cannot
 * change a fen. It reads the demo as loaded: the class runs first among the integration tests (the
 * {@code architecture} package sorts first), before any test books more. To record the figures
 * again after a deliberate change: {@code -Dgolden.write=true}.
 */
@IntegrationTest
class DemoFiguresGoldenIntegrationTests {

    static final Path GOLDEN = Path.of("src/test/resources/golden/demo-loan-figures.txt");

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_books_the_same_figures_as_before_the_refactor() throws IOException {
        List<String> lines = new ArrayList<>();
        jdbc.sql("""
                        SELECT l.number, b.credit_code, coalesce(o.credit_code, '-'), l.principal, l.annual_rate, l.method,
                               l.day_count, l.disbursed_on, l.maturity_date, coalesce(l.trade_reference, '-'), l.status,
                               (SELECT string_agg(i.period || ':' || i.due_date || ':' || i.principal_due || ':' || i.interest_due,
                                                  ' ' ORDER BY i.period) FROM loan_installment i WHERE i.loan_id = l.id),
                               (SELECT string_agg(t.type || ':' || t.value_date || ':' || t.amount || ':' || t.principal || ':'
                                                  || t.interest || ':' || t.penalty || ':' || t.fee, ' ' ORDER BY t.id)
                                  FROM loan_transaction t WHERE t.loan_id = l.id)
                        FROM loan l JOIN enterprise b ON b.id = l.borrower_id
                        LEFT JOIN enterprise o ON o.id = l.risk_obligor_id
                        WHERE l.disbursed_on IS NOT NULL ORDER BY l.id""")
                .query(rs -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= 13; c++) {
                        s.append(c == 1 ? "" : " | ").append(rs.getString(c));
                    }
                    lines.add(s.toString());
                });
        assertThat(lines).as("the demo books loans and financings").hasSizeGreaterThan(20);
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("recorded figures (write with -Dgolden.write=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
