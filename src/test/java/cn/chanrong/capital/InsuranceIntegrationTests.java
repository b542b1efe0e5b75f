package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22 §2: a 首台（套） policy on a catalogue product, the premium within the 3 % cap; the maker claims 80 % of the
 * premium, the industry department confirms and the finance department pays; a premium above the cap, a product outside
 * the catalogue, a subsidy beyond three years: each refused with the rule; read in scope.
 */
@IntegrationTest
class InsuranceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String code(String user) {
        return jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = :u")
                .param("u", user).query(String.class).single();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private Map<String, Object> policy(String insured, String entry, String rate, String start, String end) {
        Map<String, Object> p = new HashMap<>(Map.of("insured", insured, "insuranceScheme", "FIRST_SET", "catalogueCode", entry,
                "insuredObject", "五轴联动立式加工中心 第二台", "sumInsured", "10000000.00", "premiumRatePercent", rate,
                "startOn", start, "endOn", end));
        return p;
    }

    @Test
    void the_demo_policy_had_its_subsidy_confirmed_and_paid() {
        JsonNode policy = items(Api.as(port, "enterprise").get("/api/v1/insurance/policies").json()).stream()
                .filter(p -> p.get("subsidyClaim") != null && !p.get("subsidyClaim").isNull()
                        && p.get("subsidyClaim").get("status").asString().equals("PAID")).findFirst().orElseThrow();
        assertThat(policy.get("premium").decimalValue()).isEqualByComparingTo("336000.00");
        assertThat(policy.get("subsidyClaim").get("amount").decimalValue()).as("80 % of the premium")
                .isEqualByComparingTo("268800.00");
        assertThat(policy.get("subsidyClaim").get("confirmedOn").isNull()).isFalse();
        long id = policy.get("id").asLong();
        assertThat(Api.as(port, "regulator-fj").get("/api/v1/insurance/policies/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/insurance/policies/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "bank").get("/api/v1/insurance/policies/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "bank").get("/api/v1/insurance/catalogue?insuranceScheme=FIRST_SET").json().toString())
                .contains("五轴联动立式加工中心");
    }

    @Test
    void a_policy_is_issued_on_the_catalogue_within_the_cap_and_its_subsidy_claimed_confirmed_and_paid() {
        String sme = code("enterprise");
        var insurer = Api.as(port, "insurer");
        var capped = insurer.post("/api/v1/insurance/policies", policy(sme, "1.3.12", "3.5", "2026-07-01", "2027-07-01"));
        assertThat(capped.status()).isEqualTo(422);
        assertThat(capped.body()).contains("insurance.premium-cap", "\"field\":\"premiumRatePercent\"");
        var outside = insurer.post("/api/v1/insurance/policies", policy(sme, "9.9.99", "2.5", "2026-07-01", "2027-07-01"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("insurance.catalogue", "\"field\":\"catalogueCode\"");
        var notMaker = insurer.post("/api/v1/insurance/policies", policy(code("core"), "1.3.12", "2.5", "2026-07-01",
                "2027-07-01"));
        assertThat(notMaker.status()).isEqualTo(422);
        assertThat(notMaker.body()).contains("insurance.catalogue-maker");
        assertThat(Api.as(port, "bank-approver").post("/api/v1/insurance/policies", policy(sme, "1.3.12", "2.5",
                "2026-07-01", "2027-07-01")).status()).isEqualTo(403);

        // beyond three years of subsidised cover from the first (the demo's, five months ago): refused with the rule
        var longCover = insurer.post("/api/v1/insurance/policies", policy(sme, "1.3.12", "2.5", "2026-07-01", "2029-06-30"));
        assertThat(longCover.status()).as(longCover.body()).isEqualTo(201);
        var beyond = Api.as(port, "enterprise").post("/api/v1/insurance/policies/" + longCover.json().get("id").asLong()
                + "/subsidy-claims", Map.of());
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.body()).contains("insurance.subsidy.years");

        var issued = insurer.post("/api/v1/insurance/policies", policy(sme, "1.3.12", "2.5", "2026-07-01", "2027-07-01"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("premium").decimalValue()).isEqualByComparingTo("250000.00");
        long id = issued.json().get("id").asLong();
        assertThat(Api.as(port, "core").post("/api/v1/insurance/policies/" + id + "/subsidy-claims", Map.of()).status())
                .isEqualTo(404);
        var claim = Api.as(port, "enterprise").post("/api/v1/insurance/policies/" + id + "/subsidy-claims", Map.of());
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        assertThat(claim.json().get("amount").decimalValue()).isEqualByComparingTo("200000.00");
        long claimId = claim.json().get("id").asLong();
        assertThat(Api.as(port, "enterprise").post("/api/v1/insurance/policies/" + id + "/subsidy-claims", Map.of())
                .status()).isEqualTo(409);

        String review = "/api/v1/insurance/subsidy-claims/" + claimId + "/review";
        var early = Api.as(port, "regulator-mof").post(review, Map.of("decision", "PAY"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("insurance.claim.confirm-first");
        assertThat(Api.as(port, "regulator-gd").post(review, Map.of("decision", "CONFIRM")).status())
                .as("another province's department").isEqualTo(404);
        var nfra = Api.as(port, "regulator-fj").post(review, Map.of("decision", "CONFIRM"));
        assertThat(nfra.status()).isEqualTo(403);
        assertThat(Api.as(port, "regulator-miit").post(review, Map.of("decision", "CONFIRM")).json().get("status")
                .asString()).isEqualTo("CONFIRMED");
        var paid = Api.as(port, "regulator-mof").post(review, Map.of("decision", "PAY"));
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(Api.as(port, "regulator-mof").post(review, Map.of("decision", "REFUSE", "reason", "重复")).body())
                .contains("insurance.claim.final");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action LIKE 'insurance.subsidy.%' AND target_id = :id")
                .param("id", String.valueOf(claimId)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_failure_within_the_cover_is_claimed_up_to_the_sum_insured_and_settled_by_the_insurer() {
        String sme = code("enterprise");
        var issued = Api.as(port, "insurer").post("/api/v1/insurance/policies", policy(sme, "1.3.12", "2", "2026-06-01",
                "2027-06-01"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        String path = "/api/v1/insurance/policies/" + id + "/loss-claims";
        var outside = Api.as(port, "enterprise").post(path, Map.of("occurredOn", "2026-05-20", "description", "主轴断裂",
                "amount", "100000.00"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("insurance.loss.outside-cover");
        var over = Api.as(port, "enterprise").post(path, Map.of("occurredOn", "2026-06-20", "description", "主轴断裂",
                "amount", "10000000.01"));
        assertThat(over.body()).contains("insurance.loss.over-sum");
        var reported = Api.as(port, "enterprise").post(path, Map.of("occurredOn", "2026-06-20",
                "description", "主轴在额定负载下断裂，整机停机", "amount", "850000.00"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long loss = reported.json().get("id").asLong();
        assertThat(Api.as(port, "lessor").post("/api/v1/insurance/loss-claims/" + loss + "/decision",
                Map.of("decision", "PAY")).status()).isEqualTo(404);
        var declineWithout = Api.as(port, "insurer").post("/api/v1/insurance/loss-claims/" + loss + "/decision",
                Map.of("decision", "DECLINE"));
        assertThat(declineWithout.status()).isEqualTo(422);
        var paid = Api.as(port, "insurer").post("/api/v1/insurance/loss-claims/" + loss + "/decision",
                Map.of("decision", "PAY", "amount", "800000.00"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("paid").decimalValue()).isEqualByComparingTo("800000.00");
        assertThat(Api.as(port, "insurer").post("/api/v1/insurance/loss-claims/" + loss + "/decision",
                Map.of("decision", "PAY")).status()).isEqualTo(409);
        // what is left of the sum insured: 10,000,000 − 800,000
        var second = Api.as(port, "enterprise").post(path, Map.of("occurredOn", "2026-06-25", "description", "数控系统故障",
                "amount", "9200000.01"));
        assertThat(second.body()).contains("insurance.loss.over-sum", "9200000.00");
        assertThat(Api.as(port, "enterprise").get(path).json()).hasSize(1);
    }

    @Test
    void in_the_workbench_the_insurer_issues_the_maker_claims_and_the_departments_confirm_and_pay() throws Exception {
        var insurer = cn.chanrong.support.Workbench.loggedIn(port, "insurer");
        String page = insurer.get("/insurance").body();
        assertThat(page).contains("id=\"policy-form\"", "id=\"policies\"", "id=\"catalogue\"", "五轴联动立式加工中心");
        String makerName = jdbc.sql("SELECT e.name FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = 'enterprise'")
                .query(String.class).single();
        Map<String, String> form = new HashMap<>(Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "insured", makerName,
                "insuranceScheme", "FIRST_SET", "catalogueCode", "1.3.12", "insuredObject", "第三台（工作台测试）",
                "sumInsured", "8000000.00", "premiumRatePercent", "3.2", "startOn", "2026-06-30", "endOn", "2027-06-30"));
        insurer.post("/insurance/policies", form);
        page = insurer.get("/insurance").body();
        assertThat(page).as("above the cap, refused, kept").contains("id=\"problems\"", "value=\"第三台（工作台测试）\"");
        form.put("_csrf", cn.chanrong.support.Workbench.csrf(page));
        form.put("premiumRatePercent", "2.4");
        insurer.post("/insurance/policies", form);
        long id = jdbc.sql("SELECT id FROM capital_insurance_policy WHERE insured_object = '第三台（工作台测试）'").query(Long.class).single();
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank-approver").get("/insurance").body())
                .doesNotContain("id=\"policy-form\"");

        var maker = cn.chanrong.support.Workbench.loggedIn(port, "enterprise");
        String mine = maker.get("/insurance").body();
        maker.post("/insurance/policies/" + id + "/subsidy-claims", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(mine)));
        long claim = jdbc.sql("SELECT id FROM capital_subsidy_claim WHERE policy_id = :p").param("p", id).query(Long.class).single();
        var miit = cn.chanrong.support.Workbench.loggedIn(port, "regulator-miit");
        String desk = miit.get("/insurance").body();
        miit.post("/insurance/subsidy-claims/" + claim + "/review", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(desk),
                "decision", "CONFIRM"));
        var mof = cn.chanrong.support.Workbench.loggedIn(port, "regulator-mof");
        String fin = mof.get("/insurance").body();
        mof.post("/insurance/subsidy-claims/" + claim + "/review", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(fin),
                "decision", "PAY"));
        assertThat(jdbc.sql("SELECT status FROM capital_subsidy_claim WHERE id = :c").param("c", claim).query(String.class)
                .single()).isEqualTo("PAID");
        assertThat(maker.get("/insurance").body()).contains("已拨付");
    }
}
