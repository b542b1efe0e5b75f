package cn.chanrong.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * Needs ranked against the products they are eligible for, institutions' interest, a regulator's list
 * pushed and worked through to a real loan or a decline, and a roadshow — with the bad inputs refused.
 */
@IntegrationTest
class MatchingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    static Map<String, Object> need(Object amount, int term) {
        Map<String, Object> m = new HashMap<>();
        m.put("amount", amount);
        m.put("termMonths", term);
        m.put("purpose", "EQUIPMENT_RENEWAL");
        m.put("collateral", "NONE");
        return m;
    }

    @Test
    void a_need_is_ranked_against_its_eligible_products_and_institutions_see_it_as_an_opportunity() {
        Api sme = as("enterprise");
        var zero = sme.post("/api/v1/needs", need("0", 24));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.body()).contains("Amount must be greater than zero");
        var tooLong = sme.post("/api/v1/needs", need("1000000", 359));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("beyond every product's maximum term");
        var badType = new HashMap<>(need("1000000", 24));
        badType.put("productTypes", List.of("LOTTERY"));
        assertThat(sme.post("/api/v1/needs", badType).body()).contains("LOTTERY");
        assertThat(as("bank").post("/api/v1/needs", need("1000000", 24)).status()).isEqualTo(403);

        var made = sme.post("/api/v1/needs", need("6000000", 36));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        var matches = sme.get("/api/v1/needs/" + id + "/matches");
        assertThat(matches.status()).as(matches.body()).isEqualTo(200);
        JsonNode eligible = matches.json().get("eligible");
        assertThat(eligible.size()).isGreaterThan(0);
        assertThat(matches.json().get("approvalUsed").asBoolean()).isFalse();
        double previous = Double.MAX_VALUE;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            JsonNode m = eligible.get(i);
            codes.add(m.get("productCode").asString());
            assertThat(m.get("rank").asInt()).isEqualTo(i + 1);
            JsonNode s = m.get("score");
            double total = s.get("total").asDouble();
            assertThat(total).isLessThanOrEqualTo(previous);
            previous = total;
            double recomputed = 100 * (0.35 * s.get("fit").asDouble() + 0.25 * s.get("approval").asDouble()
                    + 0.25 * s.get("cost").asDouble() + 0.15 * s.get("presence").asDouble());
            assertThat(total).isCloseTo(recomputed, org.assertj.core.data.Offset.offset(0.06));
            assertThat(s.get("approval").asDouble()).as("no consent: neutral").isEqualTo(0.5);
            assertThat(new BigDecimal("6000000")).isBetween(new BigDecimal(m.get("minAmount").asString()),
                    new BigDecimal(m.get("maxAmount").asString()));
            assertThat(36).isBetween(m.get("minTermMonths").asInt(), m.get("maxTermMonths").asInt());
        }
        assertThat(codes).contains("MJ-SBGX-01", "MJ-ZJTX-01");
        JsonNode near = matches.json().get("nearMisses");
        assertThat(near.size()).isGreaterThan(0);
        for (JsonNode n : near) {
            assertThat(n.get("failing").size()).isEqualTo(1);
        }
        // short-term products miss the 36-month need on their term alone
        assertThat(matches.body()).contains("Term within 1–6 months");

        Api bank = as("bank");
        var opportunities = bank.get("/api/v1/needs?size=200");
        assertThat(ids(opportunities.json())).contains(id);
        assertThat(bank.get("/api/v1/needs/" + id + "/matches").status()).isEqualTo(403);
        assertThat(bank.post("/api/v1/needs/" + id + "/interest", Map.of("note", "将上门拜访")).status()).isEqualTo(201);
        var twice = bank.post("/api/v1/needs/" + id + "/interest", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already expressed interest");
        assertThat(sme.get("/api/v1/needs/" + id).json().get("interested").asInt()).isEqualTo(1);
        assertThat(as("bank2").get("/api/v1/needs/" + id + "/interests").json().size()).as("sees only its own").isZero();

        // a need shown only to a chosen institution stays hidden from the others
        long bank2Id = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank2'").query(Long.class).single();
        var chosen = new HashMap<>(need("800000", 12));
        chosen.put("visibility", "CHOSEN");
        chosen.put("institutions", List.of(bank2Id));
        long hidden = sme.post("/api/v1/needs", chosen).json().get("id").asLong();
        assertThat(bank.get("/api/v1/needs/" + hidden).status()).isEqualTo(404);
        assertThat(as("bank2").get("/api/v1/needs/" + hidden).status()).isEqualTo(200);

        assertThat(sme.post("/api/v1/needs/" + id + "/withdraw", null).status()).isEqualTo(200);
        assertThat(sme.post("/api/v1/needs/" + hidden + "/withdraw", null).status()).isEqualTo(200);
        assertThat(bank.post("/api/v1/needs/" + id + "/interest", Map.of()).status()).as("closed to interest").isEqualTo(404);
    }

    @Test
    void withdrawing_a_product_takes_it_out_of_the_precomputed_matches() throws InterruptedException {
        Api sme = as("enterprise");
        long id = sme.post("/api/v1/needs", need("4000000", 24)).json().get("id").asLong();
        long product = jdbc.sql("SELECT id FROM product WHERE code = 'MJ-JSGZ-01'").query(Long.class).single();
        assertThat(codes(sme.get("/api/v1/needs/" + id + "/matches").json())).contains("MJ-JSGZ-01");
        assertThat(as("bank").post("/api/v1/products/" + product + "/withdraw", null).status()).isEqualTo(200);
        try {
            boolean gone = false;
            for (int i = 0; i < 100 && !gone; i++) {
                gone = !codes(sme.get("/api/v1/needs/" + id + "/matches").json()).contains("MJ-JSGZ-01");
                if (!gone) {
                    Thread.sleep(100);
                }
            }
            assertThat(gone).as("the product event removed it from the enterprise's eligible list").isTrue();
        } finally {
            assertThat(as("bank").post("/api/v1/products/" + product + "/publish", null).status()).isEqualTo(200);
            sme.post("/api/v1/needs/" + id + "/withdraw", null);
        }
    }

    static List<String> codes(JsonNode matches) {
        List<String> out = new ArrayList<>();
        matches.get("eligible").forEach(m -> out.add(m.get("productCode").asString()));
        return out;
    }

    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    long guangdongMaker(String name) {
        Map<String, Object> e = Fixtures.enterprise(Fixtures.freshCreditCode("440300"));
        e.put("regionCode", "440300");
        e.put("name", name);
        var r = as("admin").post("/api/v1/enterprises", e);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    String code(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
    }

    @Test
    void a_list_is_refused_whole_when_any_row_is_bad_and_pushed_and_tracked_when_good() {
        Api miit = as("regulator-gd");
        String batch = "T" + System.nanoTime() % 1_000_000_000L;
        long a = guangdongMaker("广东测试机床一厂");
        long b = guangdongMaker("广东测试机床二厂");
        long lists = jdbc.sql("SELECT count(*) FROM project_list").query(Long.class).single();
        String header = "batch_no,list_type,credit_code,enterprise_name,project_name,investment,financing_needed\n";
        String bad = header
                + batch + ",TECH_TRANSFORMATION," + code(a) + ",广东测试机床一厂,产线改造,10000000,4000000\n"
                + batch + ",TECH_TRANSFORMATION,91440300MA5XXXXXX1,错码企业,产线改造,10000000,4000000\n"
                + batch + ",TECH_TRANSFORMATION," + code(a) + ",广东测试机床一厂,产线改造,10000000,4000000\n"
                + batch + ",LOTTERY," + code(b) + ",广东测试机床二厂,设备更新,10000000,4000000\n";
        var refused = miit.postBytes("/api/v1/project-lists", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").size()).isGreaterThanOrEqualTo(3);
        assertThat(refused.body()).contains("Duplicate row", "LOTTERY", "credit_code");
        assertThat(jdbc.sql("SELECT count(*) FROM project_list").query(Long.class).single()).isEqualTo(lists);
        assertThat(as("bank").postBytes("/api/v1/project-lists", "text/csv", bad.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);

        String good = header
                + batch + ",TECH_TRANSFORMATION," + code(a) + ",广东测试机床一厂,产线智能化改造,10000000,4000000\n"
                + batch + ",TECH_TRANSFORMATION," + code(b) + ",广东测试机床二厂,关键设备更新,20000000,8000000\n";
        var imported = miit.postBytes("/api/v1/project-lists?contactDays=5", "text/csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long listId = imported.json().get("list").get("id").asLong();
        assertThat(imported.json().get("list").get("items").asInt()).isEqualTo(2);
        var again = miit.postBytes("/api/v1/project-lists", "text/csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("already been imported");

        // confidentiality: the institutions pushed to, the regulators of the list's region and the national ones
        Api bank = as("bank3");
        var items = bank.get("/api/v1/project-lists/" + listId + "/items").json().get("items");
        assertThat(items.size()).as("the Guangdong-present national bank in the re-lending gets both").isEqualTo(2);
        assertThat(as("bank").get("/api/v1/project-lists/" + listId).status())
                .as("a city commercial bank takes no part in the re-lending, however present").isEqualTo(404);
        assertThat(as("bank2").get("/api/v1/project-lists/" + listId).status()).isEqualTo(404);
        assertThat(as("regulator").get("/api/v1/project-lists/" + listId).status())
                .as("the national central bank checks re-lending against every list").isEqualTo(200);
        assertThat(as("regulator-fj").get("/api/v1/project-lists/" + listId).status()).as("another province").isEqualTo(404);
        long first = items.get(0).get("id").asLong();
        long second = items.get(1).get("id").asLong();
        long firstEnterprise = items.get(0).get("enterpriseId").asLong();
        String pushedOn = items.get(0).get("pushes").get(0).get("pushedOn").asString();
        assertThat(items.get(0).get("pushes").size()).as("an institution sees its own push only").isEqualTo(1);

        var early = bank.post("/api/v1/project-items/" + first + "/steps", Map.of("status", "CONTACTED",
                "onDate", java.time.LocalDate.parse(pushedOn).minusDays(1).toString()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("is before the push");
        var signed = bank.post("/api/v1/project-items/" + first + "/steps", Map.of("status", "SIGNED", "amount", "3000000"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        JsonNode steps = signed.json().get("steps");
        assertThat(steps.size()).isEqualTo(5);
        assertThat(steps.get(1).get("status").asString()).isEqualTo("CONTACTED");
        assertThat(steps.get(1).get("implied").asBoolean()).isTrue();
        assertThat(steps.get(4).get("implied").asBoolean()).isFalse();
        assertThat(signed.json().get("contactedOn").isNull()).isFalse();
        var backwards = bank.post("/api/v1/project-items/" + first + "/steps", Map.of("status", "CONTACTED"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("cannot go backwards from SIGNED to CONTACTED");

        // disbursed only as a real loan to the listed enterprise
        long otherLoan = jdbc.sql("SELECT id FROM loan WHERE institution_id = (SELECT institution_id FROM app_user WHERE username = 'bank3')"
                + " AND borrower_id <> :e AND disbursed_on IS NOT NULL ORDER BY id LIMIT 1").param("e", firstEnterprise)
                .query(Long.class).single();
        var wrongLoan = bank.post("/api/v1/project-items/" + first + "/steps", Map.of("status", "DISBURSED", "loanId", otherLoan));
        assertThat(wrongLoan.status()).isEqualTo(422);
        assertThat(wrongLoan.body()).contains("was not made to the listed enterprise");
        long loan = disbursedLoan(firstEnterprise);
        var disbursed = bank.post("/api/v1/project-items/" + first + "/steps", Map.of("status", "DISBURSED", "loanId", loan));
        assertThat(disbursed.status()).as(disbursed.body()).isEqualTo(200);
        assertThat(new BigDecimal(disbursed.json().get("disbursedAmount").asString())).isEqualByComparingTo("3000000");
        assertThat(disbursed.json().get("loanId").asLong()).isEqualTo(loan);

        var noReason = bank.post("/api/v1/project-items/" + second + "/steps", Map.of("status", "DECLINED"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason");
        var declined = bank.post("/api/v1/project-items/" + second + "/steps",
                Map.of("status", "DECLINED", "reason", "NO_NEED", "note", "企业暂无融资计划"));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(bank.post("/api/v1/project-items/" + second + "/steps", Map.of("status", "CONTACTED")).body())
                .contains("already DECLINED");

        var list = miit.get("/api/v1/project-lists/" + listId).json();
        assertThat(list.get("contactedItems").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(list.get("contactRate").asString())).isEqualByComparingTo("1.0000");
        assertThat(list.get("overduePushes").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'push.step' AND target_id = :i")
                .param("i", String.valueOf(first)).query(Long.class).single()).isEqualTo(2);
    }

    long disbursedLoan(long borrower) {
        long product = jdbc.sql("SELECT id FROM product WHERE code = 'QY-JGSB-01'").query(Long.class).single();
        var f = as("bank3-approver").post("/api/v1/facilities", Map.of("borrowerId", borrower, "amount", "6000000",
                "validFrom", "2025-01-01", "validTo", "2029-12-31"));
        assertThat(f.status()).as(f.body()).isEqualTo(201);
        Map<String, Object> app = new HashMap<>();
        app.put("productId", product);
        app.put("borrowerId", borrower);
        app.put("facilityId", f.json().get("id").asLong());
        app.put("amount", "3000000");
        app.put("termMonths", 36);
        app.put("rateType", "LPR_1Y");
        app.put("spreadBp", 30);
        app.put("method", "EQUAL_PRINCIPAL");
        app.put("purpose", "TECH_TRANSFORMATION");
        app.put("projectInvestment", "80000000.00");
        app.put("paymentMode", "SELF");
        var a = as("bank3").post("/api/v1/loan-applications", app);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        for (String user : List.of("bank3", "bank3-approver")) {
            var r = as(user).post("/api/v1/loan-applications/" + id + "/acts", Map.of("decision", "PASS", "comment", "同意 / ok"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        var loan = as("bank3").post("/api/v1/loan-applications/" + id + "/contract", null);
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        long loanId = loan.json().get("id").asLong();
        var d = as("bank3").post("/api/v1/loans/" + loanId + "/disbursements", Map.of());
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return loanId;
    }

    @Test
    void overdue_contacts_are_listed_for_the_institution_and_the_issuing_regulator() {
        // the demo list went out three weeks ago to the bank in the re-lending; two of its pushes were never contacted
        var bankOverdue = as("bank3").get("/api/v1/project-items/overdue").json();
        assertThat(bankOverdue.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode item : bankOverdue) {
            assertThat(item.get("pushes").get(0).get("overdue").asBoolean()).isTrue();
        }
        assertThat(as("regulator-gd").get("/api/v1/project-items/overdue").json().size()).isGreaterThanOrEqualTo(2);
        assertThat(as("bank2").get("/api/v1/project-items/overdue").json().size()).isZero();
        assertThat(as("bank").get("/api/v1/project-items/overdue").json().size()).as("the city bank is pushed no re-lending list")
                .isZero();
    }

    @Test
    void a_roadshow_gathers_enterprises_interest_and_signings() {
        Api miit = as("regulator-gd");
        String month = java.time.YearMonth.now().plusMonths(2).toString();
        var r = miit.post("/api/v1/roadshows", Map.of("chain", "IC", "month", month, "title", "集成电路产业链路演"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(miit.post("/api/v1/roadshows", Map.of("chain", "IC", "month", month, "title", "again")).status())
                .isEqualTo(409);
        assertThat(miit.post("/api/v1/roadshows", Map.of("chain", "IC", "month", "2026-13", "title", "bad")).body())
                .contains("year-month");
        long sme = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
        Api bank = as("bank");
        assertThat(bank.post("/api/v1/roadshows/" + id + "/interests", Map.of("enterpriseId", sme, "amount", "1000000"))
                .body()).contains("does not present");
        assertThat(as("enterprise").post("/api/v1/roadshows/" + id + "/applications",
                Map.of("pitch", "高端数控系统", "seeking", "8000000")).status()).isEqualTo(200);
        assertThat(bank.post("/api/v1/roadshows/" + id + "/interests", Map.of("enterpriseId", sme, "amount", "5000000"))
                .status()).isEqualTo(200);
        var signed = bank.post("/api/v1/roadshows/" + id + "/signed", Map.of("enterpriseId", sme, "amount", "4000000"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(new BigDecimal(signed.json().get("intended").asString())).isEqualByComparingTo("5000000");
        assertThat(new BigDecimal(signed.json().get("signed").asString())).isEqualByComparingTo("4000000");
        assertThat(miit.post("/api/v1/roadshows/" + id + "/summary", Map.of("summary", "签约1家，金额400万元")).json()
                .get("summary").asString()).contains("400");
        assertThat(as("bank2").get("/api/v1/roadshows/" + id).json().get("participants").get(0).get("interests").size())
                .as("another institution's interest is not shown").isZero();
    }
}
