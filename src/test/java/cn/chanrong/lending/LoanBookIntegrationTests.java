package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo loan book, loan tags and the manufacturing credit plan. */
@IntegrationTest
class LoanBookIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LendingSteps steps;

    @BeforeEach
    void steps() {
        steps = new LendingSteps(port, jdbc);
    }

    @Test
    void the_demo_book_holds_every_tier_a_renewal_a_restructuring_and_a_write_off() {
        List<String> tiers = jdbc.sql("SELECT DISTINCT tier FROM loan WHERE status = 'ACTIVE' AND created_by = 'bank'")
                .query(String.class).list();
        assertThat(tiers).contains("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL");
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE status = 'RENEWED'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE restructured_on IS NOT NULL").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE status = 'WRITTEN_OFF' AND recovered > 0").query(Long.class)
                .single()).isPositive();
        var queue = steps.as("bank-reviewer").get("/api/v1/loan-applications?step=REVIEW").json();
        assertThat(queue.get("total").asLong()).isPositive();
        var mine = steps.as("enterprise").get("/api/v1/loans").json();
        assertThat(mine.get("total").asLong()).as("the demo SME sees its own loans").isGreaterThanOrEqualTo(2);
    }

    @Test
    void tags_are_derived_from_the_borrower_the_term_and_the_product() {
        long loan = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 24, "EQUAL_PRINCIPAL", "2026-06-01");
        var tags = steps.as("bank").get("/api/v1/loans/" + loan + "/tags").json();
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.asString()));
        assertThat(names).contains("MANUFACTURING", "MEDIUM_LONG_TERM", "UNSECURED", "PRIVATE_ENTERPRISE")
                .doesNotContain("KEY_CHAIN", "EQUIPMENT_RENEWAL");
    }

    @Test
    void the_credit_plan_is_set_by_an_approver_and_measured_on_the_book() {
        var bad = steps.as("bank-approver").put("/api/v1/credit-plans/2026", Map.of("netIncreaseTarget", "500000000",
                "mltShareTarget", "1.5", "creditShareTarget", "0.3", "keyChainBalanceTarget", "100000000"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("mltShareTarget");
        assertThat(steps.as("bank").put("/api/v1/credit-plans/2026", Map.of("netIncreaseTarget", "1",
                "mltShareTarget", "0.5", "creditShareTarget", "0.3", "keyChainBalanceTarget", "1")).status())
                .as("operators do not set plans").isEqualTo(403);

        var set = steps.as("bank-approver").put("/api/v1/credit-plans/2026", Map.of("netIncreaseTarget", "500000000",
                "mltShareTarget", "0.45", "creditShareTarget", "0.30", "firstLoanTarget", 40,
                "keyChainBalanceTarget", "100000000"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var report = steps.as("bank").get("/api/v1/credit-plans/2026").json().get(0);
        assertThat(report.get("plan").get("mltShareTarget").decimalValue()).isEqualByComparingTo("0.45");
        BigDecimal balance = report.get("actual").get("balance").decimalValue();
        long bank = report.get("institutionId").asLong();
        BigDecimal outstanding = jdbc.sql("""
                        SELECT coalesce(sum(l.principal_outstanding), 0) FROM loan l JOIN enterprise e ON e.id = l.borrower_id
                        WHERE l.institution_id = :i AND e.industry_code LIKE 'C%'""")
                .param("i", bank).query(BigDecimal.class).single();
        assertThat(balance).as("balance from movements equals the subledger").isEqualByComparingTo(outstanding);
        assertThat(balance).isPositive();
        assertThat(report.get("actual").get("mltShare").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);

        var all = steps.as("regulator").get("/api/v1/credit-plans/2026").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        assertThat(steps.as("enterprise").get("/api/v1/credit-plans/2026").status()).isEqualTo(403);
    }

    @Test
    void regulators_see_plan_versus_actual_for_every_institution_in_the_workbench() throws Exception {
        String page = Workbench.loggedIn(port, "regulator").get("/credit-plan?year=2026").body();
        assertThat(page).contains("制造业信贷计划", "闽江城市商业银行", "中长期贷款占比");
    }
}
