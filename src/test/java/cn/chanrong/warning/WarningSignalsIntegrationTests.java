package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §2, first part: public records imported whole by a national regulator; a borrower's signals, each a named
 * rule with its reason and weight, combined into a level; read by its lenders and the regulators of its region only.
 */
@IntegrationTest
class WarningSignalsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    private String creditCode(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
    }

    private static boolean has(JsonNode assessment, String rule) {
        for (JsonNode s : assessment.get("signals")) {
            if (rule.equals(s.get("rule").asString())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void public_records_make_signals_that_combine_into_a_level_seen_by_the_lender_and_the_region_only() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        steps.disbursedLoan(borrower, null, "1000000.00", 12, "EQUAL_PRINCIPAL", businessDate.today().minusDays(40).toString());
        String code = creditCode(borrower);
        String header = "kind,credit_code,detail,source,valid_from,valid_to\n";
        String good = header + "DISHONEST_DEBTOR," + code + ",（2026）闽01执123号 未履行生效判决,中国执行信息公开网,2026-03-01,\n"
                + "LITIGATION," + code + ",买卖合同纠纷 标的 80万元,中国裁判文书网,2026-01-10,2026-12-31\n"
                + "LITIGATION," + code + ",早已结案的纠纷,中国裁判文书网,2024-01-10,2024-12-31\n";
        assertThat(Api.as(port, "regulator-fz").postText("/api/v1/warning/public-records", "text/csv", good).status())
                .as("a regional office does not import national records").isEqualTo(403);
        assertThat(Api.as(port, "bank").postText("/api/v1/warning/public-records", "text/csv", good).status()).isEqualTo(403);
        Api pboc = Api.as(port, "regulator").header("Accept-Language", "en");
        String bad = header + "GOSSIP," + code + ",传闻,网络,2026-01-01,\n" + "LITIGATION," + Fixtures.freshCreditCode("350100")
                .substring(0, 17) + "Z,诉讼,法院,2026-13-01,\n";
        var refused = pboc.postText("/api/v1/warning/public-records", "text/csv", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"column\":\"kind\"", "\"column\":\"credit_code\"", "\"column\":\"valid_from\"");
        var imported = pboc.postText("/api/v1/warning/public-records", "text/csv", good);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode a = Api.as(port, "bank").get("/api/v1/warning/signals?enterpriseId=" + borrower).json();
        assertThat(has(a, "DISHONEST_DEBTOR")).isTrue();
        assertThat(has(a, "LITIGATION")).isTrue();
        int litigations = 0;
        for (JsonNode s : a.get("signals")) {
            litigations += "LITIGATION".equals(s.get("rule").asString()) ? 1 : 0;
        }
        assertThat(litigations).as("the record that ended in 2024 is not in force").isEqualTo(1);
        // 40 (dishonest debtor) + 10 (litigation) under the seeded weights: an alert (from 30), not severe (from 60)
        assertThat(a.get("score").asInt()).isEqualTo(50);
        assertThat(a.get("level").asString()).isEqualTo("ALERT");

        assertThat(Api.as(port, "bank2").get("/api/v1/warning/signals?enterpriseId=" + borrower).status())
                .as("not its borrower").isEqualTo(404);
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/warning/signals?enterpriseId=" + borrower).status())
                .as("never across regions").isEqualTo(404);
        assertThat(Api.as(port, "regulator-fz").get("/api/v1/warning/signals?enterpriseId=" + borrower).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE borrower_id = :b AND tier <> 'NORMAL'").param("b", borrower)
                .query(Long.class).single()).as("a warning never reclassifies a loan").isZero();
    }

    @Test
    void the_demo_smes_reported_diversion_is_a_signal() {
        long sme = jdbc.sql("SELECT enterprise_id FROM warning_report ORDER BY id LIMIT 1").query(Long.class).single();
        JsonNode a = Api.as(port, "regulator-miit").get("/api/v1/warning/signals?enterpriseId=" + sme).json();
        assertThat(has(a, "CONFIRMED_DIVERSION")).as(a.toString()).isTrue();
        assertThat(a.get("score").asInt()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void the_demo_lists_first_firm_has_its_court_records_and_the_list_as_signals() {
        long firm = jdbc.sql("""
                        SELECT n.enterprise_id FROM warning_entry n JOIN warning_list l ON l.id = n.list_id
                         WHERE l.title LIKE '福建辖内高风险企业提示%' ORDER BY n.line LIMIT 1""").query(Long.class).single();
        JsonNode a = Api.as(port, "regulator-fj").get("/api/v1/warning/signals?enterpriseId=" + firm).json();
        assertThat(has(a, "HIGH_RISK_LIST") && has(a, "LITIGATION") && has(a, "ENFORCEMENT")).as(a.toString()).isTrue();
        // 25 + 10 + 20 at least
        assertThat(a.get("score").asInt()).isGreaterThanOrEqualTo(55);
    }

    @Test
    void a_grade_two_notches_below_the_years_best_is_a_signal_one_notch_is_not() {
        long firm = new LendingSteps(port, jdbc).borrower();
        java.util.function.BiConsumer<String, Object[]> score = (day, s) -> jdbc.sql("""
                        INSERT INTO credit_score_history (enterprise_id, scored_on, score, grade)
                        VALUES (:e, CAST(:d AS date), :s, :g)""")
                .param("e", firm).param("d", day).param("s", s[0]).param("g", s[1]).update();
        score.accept("2025-03-31", new Object[]{720, "A"});
        score.accept("2025-09-30", new Object[]{705, "A"});
        score.accept("2026-05-31", new Object[]{660, "BBB"});
        JsonNode a = Api.as(port, "admin").get("/api/v1/warning/signals?enterpriseId=" + firm).json();
        assertThat(has(a, "SCORE_DETERIORATION")).as("one notch in a year").isFalse();
        score.accept("2026-06-30", new Object[]{600, "BB"});
        a = Api.as(port, "admin").get("/api/v1/warning/signals?enterpriseId=" + firm).json();
        assertThat(has(a, "SCORE_DETERIORATION")).as(a.toString()).isTrue();
        assertThat(a.toString()).contains("705（A，2025-09-30）降至 600（BB）");
        // the March 2025 high is more than a year before: it does not count
        jdbc.sql("DELETE FROM credit_score_history WHERE enterprise_id = :e AND scored_on IN ('2025-09-30', '2026-05-31')")
                .param("e", firm).update();
        assertThat(has(Api.as(port, "admin").get("/api/v1/warning/signals?enterpriseId=" + firm).json(),
                "SCORE_DETERIORATION")).isFalse();
    }

    @Test
    void a_supplier_in_default_and_receivables_owed_past_their_term_are_the_chains_signals() {
        // a firm whose supplier's loan was written off (the demo's defaulted first loan)
        var partner = jdbc.sql("""
                        SELECT e.id, e.credit_code, e.name FROM loan l JOIN enterprise e ON e.id = coalesce(l.risk_obligor_id,
                          l.borrower_id) WHERE l.status = 'WRITTEN_OFF' ORDER BY l.id LIMIT 1""")
                .query((rs, n) -> new String[]{rs.getString(2), rs.getString(3)}).single();
        long firm = new LendingSteps(port, jdbc).borrower();
        var linked = Api.as(port, "admin").post("/api/v1/enterprises/" + firm + "/supply-links", java.util.Map.of(
                "counterpartyCreditCode", partner[0], "role", "SUPPLIER", "annualVolume", "3000000.00"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        JsonNode a = Api.as(port, "admin").get("/api/v1/warning/signals?enterpriseId=" + firm).json();
        assertThat(has(a, "CHAIN_DEFAULT")).as(a.toString()).isTrue();
        assertThat(a.toString()).contains(partner[1]);

        // a debtor with receivables past the payment term in the demo's supply chains
        JsonNode breaches = Api.as(port, "admin").get("/api/v1/receivables/payment-term-breaches?size=200").json();
        assertThat(breaches.get("total").asInt()).as("the demo has late payers").isPositive();
        String debtor = breaches.get("items").get(0).get("debtorName").asString();
        long debtorId = jdbc.sql("SELECT id FROM enterprise WHERE name = :n ORDER BY id LIMIT 1").param("n", debtor)
                .query(Long.class).single();
        JsonNode late = Api.as(port, "admin").get("/api/v1/warning/signals?enterpriseId=" + debtorId).json();
        assertThat(has(late, "PAYS_SUPPLIERS_LATE")).as(late.toString()).isTrue();
    }

    @Test
    void the_workbench_shows_the_signals_the_institutions_borrowers_and_a_badge_where_the_borrower_appears()
            throws Exception {
        long firm = jdbc.sql("""
                        SELECT n.enterprise_id FROM warning_entry n JOIN warning_list l ON l.id = n.list_id
                         WHERE l.title LIKE '福建辖内高风险企业提示%' ORDER BY n.line LIMIT 1""").query(Long.class).single();
        var officer = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = officer.get("/warning/signals?enterpriseId=" + firm).body();
        assertThat(page).contains("id=\"signals\"", "列入监管部门高风险名单", "涉诉");
        String badge = officer.get("/warning/badge?enterpriseId=" + firm).body();
        assertThat(badge).contains("id=\"warning-badge\"", "风险预警：");
        long stranger = new LendingSteps(port, jdbc).borrower();
        assertThat(officer.get("/warning/badge?enterpriseId=" + stranger).body())
                .as("nothing on a firm the bank does not lend to").doesNotContain("风险预警：");
        JsonNode mine = Api.as(port, "bank").get("/api/v1/warning/borrowers?size=200").json();
        assertThat(mine.get("total").asInt()).isPositive();
        assertThat(mine.toString()).contains("\"enterpriseId\":" + firm);
        assertThat(Api.as(port, "regulator").get("/api/v1/warning/borrowers").status()).isEqualTo(403);
        assertThat(officer.get("/warning/borrowers").body()).contains("id=\"borrowers\"");
        long application = jdbc.sql("SELECT id FROM loan_application WHERE borrower_id = :b ORDER BY id LIMIT 1")
                .param("b", firm).query(Long.class).single();
        assertThat(officer.get("/loan-applications/" + application).body()).contains("/warning/badge?enterpriseId=" + firm);
    }
}
