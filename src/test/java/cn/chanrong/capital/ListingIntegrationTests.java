package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 §4: the hard-tech evaluation on the STAR Market's published criteria, read from the enterprise's statements,
 * every line with its source, refused without its data; the 千帆百舸 pipeline kept by the industry department of the
 * region, entered on a verified status and an evaluation, moving one stage at a time; read in scope by region, by
 * qualified investors, never by a bank; the demo's dozen enterprises at every stage.
 */
@IntegrationTest
class ListingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private String smeCode() {
        return jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = 'enterprise'")
                .query(String.class).single();
    }

    @Test
    void the_criteria_are_data_with_their_sources_and_a_board_without_published_criteria_has_none() {
        JsonNode star = Api.as(port, "bank").get("/api/v1/capital/hardtech-criteria?board=STAR&on=2026-06-30").json();
        assertThat(star.get("rules")).hasSize(7);
        assertThat(star.get("rules")).allSatisfy(r -> assertThat(r.get("source").asString()).contains("科创属性评价指引"));
        assertThat(star.get("exceptions")).hasSize(4);
        assertThat(Api.as(port, "bank").get("/api/v1/capital/hardtech-criteria?board=STAR&on=2024-01-01").json()
                .get("rules")).as("before the 2024 revision's day nothing is recorded").isEmpty();
        assertThat(Api.as(port, "bank").get("/api/v1/capital/hardtech-criteria?board=CHINEXT").json().get("rules")).isEmpty();
        var bad = Api.as(port, "bank").get("/api/v1/capital/hardtech-criteria?board=NASDAQ");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"board\"");
    }

    @Test
    void an_enterprise_evaluates_itself_from_its_statements_and_is_refused_without_the_data() {
        var sme = Api.as(port, "enterprise");
        var made = sme.post("/api/v1/capital/evaluations", Map.of("board", "STAR", "inventionPatents", 9));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode v = made.json();
        assertThat(v.get("number").asString()).matches("HT2026\\d{6}");
        assertThat(v.get("firstYear").asInt()).isEqualTo(2023);
        assertThat(v.get("lastYear").asInt()).isEqualTo(2025);
        long enterprise = v.get("enterpriseId").asLong();
        BigDecimal revenue = jdbc.sql("SELECT sum(revenue) FROM enterprise_statement WHERE enterprise_id = :e AND year BETWEEN 2023 AND 2025")
                .param("e", enterprise).query(BigDecimal.class).single();
        BigDecimal rd = jdbc.sql("SELECT sum(rd_expense) FROM enterprise_statement WHERE enterprise_id = :e AND year BETWEEN 2023 AND 2025")
                .param("e", enterprise).query(BigDecimal.class).single();
        assertThat(v.get("revenue3y").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(v.get("rd3y").decimalValue()).isEqualByComparingTo(rd);
        List<JsonNode> lines = new ArrayList<>();
        Api.as(port, "enterprise").get("/api/v1/capital/evaluations/" + v.get("id").asLong()).json().get("lines")
                .forEach(lines::add);
        assertThat(lines).extracting(l -> l.get("metric").asString()).contains("RD_SHARE_3Y", "RD_AMOUNT_3Y",
                "RD_STAFF_SHARE", "REVENUE_CAGR_3Y", "REVENUE_LAST_YEAR");
        JsonNode amount = lines.stream().filter(l -> l.get("metric").asString().equals("RD_AMOUNT_3Y")).findFirst().orElseThrow();
        assertThat(amount.get("value").decimalValue()).isEqualByComparingTo(rd);
        assertThat(amount.get("met").asBoolean()).isEqualTo(rd.compareTo(new BigDecimal("80000000")) >= 0);
        JsonNode patents = lines.stream().filter(l -> l.get("metric").asString().equals("INVENTION_PATENTS")).findFirst()
                .orElseThrow();
        assertThat(patents.get("met").asBoolean()).isTrue();
        assertThat(patents.get("source").asString()).contains("发明专利7项以上");
        boolean allMet = lines.stream().allMatch(l -> l.get("met").asBoolean())
                || lines.stream().filter(l -> l.get("criterion").asString().equals("RD_INVESTMENT")).anyMatch(l -> l.get("met").asBoolean())
                && lines.stream().filter(l -> l.get("criterion").asString().equals("REVENUE")).anyMatch(l -> l.get("met").asBoolean())
                && lines.stream().filter(l -> l.get("criterion").asString().equals("RD_STAFF")).allMatch(l -> l.get("met").asBoolean());
        assertThat(v.get("outcome").asString()).isEqualTo(allMet ? "MET" : "MISSED");

        // the data missing, a board without criteria, an exception without its document: each refused with the rule
        var noData = sme.header("Accept-Language", "en").post("/api/v1/capital/evaluations", Map.of("board", "CHINEXT",
                "exception", "IMPORT_SUBSTITUTION"));
        assertThat(noData.status()).isEqualTo(422);
        assertThat(noData.body()).contains("\"field\":\"inventionPatents\"", "capital.evaluation.no-criteria",
                "capital.evaluation.exception-document");
        var unknown = sme.post("/api/v1/capital/evaluations", Map.of("board", "STAR", "inventionPatents", 3,
                "exception", "FRIENDS_IN_HIGH_PLACES", "exceptionDocument", "说明"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("capital.evaluation.exception", "\"field\":\"exception\"");
        var claimed = sme.post("/api/v1/capital/evaluations", Map.of("board", "STAR", "inventionPatents", 0,
                "exception", "IMPORT_SUBSTITUTION", "exceptionDocument", "首台（套）重大技术装备推广应用指导目录入选产品"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        assertThat(claimed.json().get("outcome").asString()).as("patents missed, the exception claimed, not judged met")
                .isEqualTo("EXCEPTION_CLAIMED");

        // who may evaluate: the enterprise itself, the industry department of its region, administrators
        String core = jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = 'core'")
                .query(String.class).single();
        assertThat(sme.post("/api/v1/capital/evaluations", Map.of("enterprise", core, "board", "STAR",
                "inventionPatents", 9)).status()).isEqualTo(403);
        var bank = Api.as(port, "bank").post("/api/v1/capital/evaluations", Map.of("enterprise", smeCode(), "board", "STAR",
                "inventionPatents", 9));
        assertThat(bank.status()).isEqualTo(403);
        assertThat(bank.body()).contains("capital.evaluation.who");
        assertThat(Api.as(port, "regulator-gd").post("/api/v1/capital/evaluations", Map.of("enterprise", smeCode(),
                "board", "STAR", "inventionPatents", 9)).status()).as("another province's office").isEqualTo(404);
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/capital/evaluations/" + v.get("id").asLong()).status())
                .isEqualTo(404);
        assertThat(Api.as(port, "bank").get("/api/v1/capital/evaluations").json().get("total").asLong()).isZero();
        assertThat(Api.as(port, "regulator-fj").get("/api/v1/capital/evaluations/" + v.get("id").asLong()).status())
                .isEqualTo(200);

        // an enterprise without three years of statements cannot be evaluated: the years missing are named
        String young = cn.chanrong.support.Fixtures.freshCreditCode("350100");
        assertThat(Api.as(port, "admin").post("/api/v1/enterprises", cn.chanrong.support.Fixtures.enterprise(young))
                .status()).isEqualTo(201);
        var missing = Api.as(port, "admin").post("/api/v1/capital/evaluations", Map.of("enterprise", young, "board", "STAR",
                "inventionPatents", 9));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("\"field\":\"statements\"", "capital.evaluation.statements");
    }

    /** The demo pipeline is built with the histories, in the background: wait for them (to a deadline). */
    private void histories() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (!Api.as(port, "admin").get("/api/v1/demo/progress").json().get("state").asString().equals("DONE")) {
            assertThat(System.nanoTime()).as("demo histories loaded in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void the_demo_pipeline_holds_a_dozen_enterprises_at_every_stage_read_in_scope() throws InterruptedException {
        histories();
        JsonNode national = Api.as(port, "regulator-miit").get("/api/v1/capital/listing-pipeline?size=50").json();
        List<JsonNode> entries = items(national.get("entries"));
        // the test economy is small (a dozen in the full demo): its few verified 专精特新 firms, filed, cultivated, listed
        assertThat(entries).hasSizeGreaterThanOrEqualTo(3);
        assertThat(entries).extracting(e -> e.get("stage").asString()).contains("CULTIVATION", "FILING", "LISTED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("evaluationNumber").asString()).startsWith("HT");
            assertThat(e.get("statusBasis").asString()).isIn("SPECIALISED_SME", "LITTLE_GIANT");
        });
        assertThat(entries).filteredOn(e -> e.get("board").asString().equals("STAR"))
                .allSatisfy(e -> assertThat(e.get("evaluationOutcome").asString()).isNotEqualTo("MISSED"));
        long byProvince = 0;
        for (JsonNode t : national.get("byProvince")) {
            byProvince += t.get("cultivation").asLong() + t.get("counselling").asLong() + t.get("filing").asLong()
                    + t.get("listed").asLong() + t.get("withdrawn").asLong();
        }
        assertThat(byProvince).isEqualTo(national.get("entries").get("total").asLong());
        assertThat(national.get("byChain")).isNotEmpty();

        JsonNode listed = items(Api.as(port, "regulator-miit").get("/api/v1/capital/listing-pipeline?stage=LISTED").json()
                .get("entries")).getFirst();
        JsonNode full = Api.as(port, "regulator-miit").get("/api/v1/capital/listing-pipeline/" + listed.get("id").asLong()).json();
        assertThat(full.get("events")).extracting(e -> e.get("to").asString())
                .containsExactly("CULTIVATION", "COUNSELLING", "FILING", "LISTED");

        // a province's office its own province; qualified investors all; a bank nothing; the enterprise its own entry
        List<JsonNode> gd = items(Api.as(port, "regulator-gd").get("/api/v1/capital/listing-pipeline?size=50").json()
                .get("entries"));
        assertThat(gd).allSatisfy(e -> assertThat(e.get("regionCode").asString()).startsWith("44"));
        assertThat(gd.size()).isLessThan(entries.size());
        JsonNode fujian = entries.stream().filter(e -> e.get("regionCode").asString().startsWith("35")).findFirst().orElseThrow();
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/capital/listing-pipeline/" + fujian.get("id").asLong())
                .status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator-miit").get("/api/v1/capital/listing-pipeline?region=440000&size=50").json()
                .get("entries").get("total").asLong()).isEqualTo(gd.size());
        assertThat(Api.as(port, "investor").get("/api/v1/capital/listing-pipeline?size=50").json().get("entries")
                .get("total").asLong()).isEqualTo(national.get("entries").get("total").asLong());
        assertThat(Api.as(port, "bank").get("/api/v1/capital/listing-pipeline").json().get("entries").get("total")
                .asLong()).isZero();
        assertThat(items(Api.as(port, "enterprise").get("/api/v1/capital/listing-pipeline").json().get("entries")))
                .allSatisfy(e -> assertThat(e.get("creditCode").asString()).isEqualTo(smeCode()));
        var badFilter = Api.as(port, "regulator-miit").get("/api/v1/capital/listing-pipeline?stage=IPO&region=44");
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.body()).contains("\"field\":\"stage\"");
    }

    @Test
    void the_office_enters_an_enterprise_on_its_status_and_evaluation_and_moves_it_one_stage_at_a_time()
            throws InterruptedException {
        histories();
        // two Fujian manufacturers with three years of statements, neither on the list nor holding a verified 专精特新 status
        List<Long> free = new ArrayList<>();
        for (long id : jdbc.sql("""
                        SELECT e.id FROM enterprise e
                         WHERE e.region_code LIKE '35%' AND e.industry_code LIKE 'C%'
                           AND (SELECT count(*) FROM enterprise_statement s WHERE s.enterprise_id = e.id
                                  AND s.year BETWEEN 2023 AND 2025) = 3
                           AND NOT EXISTS (SELECT 1 FROM capital_listing_entry l WHERE l.enterprise_id = e.id)
                         ORDER BY e.id""").query(Long.class).list()) {
            if (!Api.as(port, "admin").get("/api/v1/enterprises/" + id + "/statuses").json().get("verifiedQualifications")
                    .toString().matches(".*(SPECIALISED_SME|LITTLE_GIANT).*")) {
                free.add(id);
            }
            if (free.size() == 2) {
                break;
            }
        }
        assertThat(free).hasSize(2);
        long with = free.get(0);
        long without = free.get(1);
        // the office imports the province's list naming the first: verified by its issuer
        String listed = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", with).query(String.class).single();
        var imported = Api.as(port, "regulator-miit").postBytes("/api/v1/status-lists", "text/csv",
                ("list,issuer,document,credit_code,valid_from,valid_to\n专精特新,福建省工业和信息化厅,闽工信函企业〔2025〕12号,"
                        + listed + ",2025-03-01,2028-03-01\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", with).query(String.class).single();
        String other = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", without).query(String.class).single();

        var office = Api.as(port, "regulator-miit");
        var evaluated = office.post("/api/v1/capital/evaluations", Map.of("enterprise", code, "board", "STAR",
                "inventionPatents", 0));
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);
        String number = evaluated.json().get("number").asString();
        assertThat(evaluated.json().get("outcome").asString()).isEqualTo("MISSED");

        var star = office.post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code, "board", "STAR",
                "evaluation", number));
        assertThat(star.status()).isEqualTo(422);
        assertThat(star.body()).contains("capital.listing.star-criteria");
        assertThat(Api.as(port, "regulator-gd").post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code,
                "board", "BSE", "evaluation", number)).status()).as("another province's office").isEqualTo(404);
        var nfra = Api.as(port, "regulator-fj").post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code,
                "board", "BSE", "evaluation", number));
        assertThat(nfra.status()).isEqualTo(403);
        assertThat(nfra.body()).contains("capital.listing.office-only");

        var entered = office.post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code, "board", "BSE",
                "evaluation", number));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        long id = entered.json().get("id").asLong();
        assertThat(entered.json().get("stage").asString()).isEqualTo("CULTIVATION");
        var again = office.post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code, "board", "BSE",
                "evaluation", number));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("capital.listing.live");

        var skip = office.post("/api/v1/capital/listing-pipeline/" + id + "/stage", Map.of("stage", "FILING"));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.body()).contains("capital.listing.skip");
        var noReason = office.post("/api/v1/capital/listing-pipeline/" + id + "/stage", Map.of("stage", "WITHDRAWN"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"field\":\"note\"");
        assertThat(Api.as(port, "regulator-gd").post("/api/v1/capital/listing-pipeline/" + id + "/stage",
                Map.of("stage", "COUNSELLING")).status()).isEqualTo(404);
        var moved = Api.as(port, "regulator-fz").post("/api/v1/capital/listing-pipeline/" + id + "/stage",
                Map.of("stage", "COUNSELLING"));
        assertThat(moved.status()).as("the central bank is no SME office").isEqualTo(403);
        var counselling = office.post("/api/v1/capital/listing-pipeline/" + id + "/stage", Map.of("stage", "COUNSELLING",
                "note", "辅导备案已受理"));
        assertThat(counselling.status()).as(counselling.body()).isEqualTo(200);
        assertThat(counselling.json().get("events")).extracting(e -> e.get("to").asString())
                .containsExactly("CULTIVATION", "COUNSELLING");
        var withdrawn = office.post("/api/v1/capital/listing-pipeline/" + id + "/stage", Map.of("stage", "WITHDRAWN",
                "note", "企业调整上市计划"));
        assertThat(withdrawn.json().get("stage").asString()).isEqualTo("WITHDRAWN");
        var after = office.post("/api/v1/capital/listing-pipeline/" + id + "/stage", Map.of("stage", "FILING"));
        assertThat(after.body()).contains("capital.listing.final");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'capital.listing.move' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
        // withdrawn, it may enter again on its evaluation
        assertThat(office.post("/api/v1/capital/listing-pipeline", Map.of("enterprise", code, "board", "REGIONAL",
                "evaluation", number)).status()).isEqualTo(201);

        // no verified 专精特新 status: not on the list, whatever the evaluation
        var otherEvaluation = office.post("/api/v1/capital/evaluations", Map.of("enterprise", other, "board", "STAR",
                "inventionPatents", 10));
        assertThat(otherEvaluation.status()).isEqualTo(201);
        var refused = office.post("/api/v1/capital/listing-pipeline", Map.of("enterprise", other, "board", "REGIONAL",
                "evaluation", otherEvaluation.json().get("number").asString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("capital.listing.status");
    }

    @Test
    void in_the_workbench_an_enterprise_evaluates_itself_and_the_office_enters_and_moves_by_name() throws Exception {
        histories();
        var sme = cn.chanrong.support.Workbench.loggedIn(port, "enterprise");
        String page = sme.get("/capital/listing").body();
        assertThat(page).contains("id=\"pipeline\"", "id=\"criteria\"", "科创属性评价指引", "id=\"evaluate\"")
                .doesNotContain("id=\"enter\"");
        var refused = sme.post("/capital/listing/evaluations", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page),
                "board", "STAR", "inventionPatents", "七", "exceptionDocument", "证明文件甲"));
        assertThat(refused.statusCode()).isEqualTo(302);
        page = sme.get("/capital/listing").body();
        assertThat(page).as("a refused form keeps what was typed").contains("id=\"problems\"", "value=\"证明文件甲\"");
        sme.post("/capital/listing/evaluations", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "board", "STAR",
                "inventionPatents", "11"));
        page = sme.get("/capital/listing").body();
        assertThat(page).contains("id=\"saved\"", "id=\"evaluations\"", "最近三年研发投入累计金额");

        var office = cn.chanrong.support.Workbench.loggedIn(port, "regulator-miit");
        String desk = office.get("/capital/listing").body();
        assertThat(desk).contains("id=\"enter\"", "id=\"by-province\"", "id=\"by-chain\"", "data-entry=");
        // the office picks an evaluation by the firm's name; the demo SME is on the list already: refused, said why
        long evaluation = jdbc.sql("SELECT max(v.id) FROM capital_evaluation v JOIN app_user u ON u.enterprise_id = v.enterprise_id"
                + " WHERE u.username = 'enterprise'").query(Long.class).single();
        office.post("/capital/listing/entries", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(desk),
                "evaluation", Long.toString(evaluation), "board", "BSE"));
        assertThat(office.get("/capital/listing").body()).contains("id=\"problems\"");
        long cultivated = jdbc.sql("SELECT min(id) FROM capital_listing_entry WHERE stage = 'CULTIVATION'").query(Long.class).single();
        desk = office.get("/capital/listing").body();
        var moved = office.post("/capital/listing/entries/" + cultivated + "/stage", Map.of("_csrf",
                cn.chanrong.support.Workbench.csrf(desk), "stage", "COUNSELLING", "note", "辅导协议已签"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT stage FROM capital_listing_entry WHERE id = :id").param("id", cultivated)
                .query(String.class).single()).isEqualTo("COUNSELLING");
        String filtered = office.get("/capital/listing?stage=COUNSELLING").body();
        assertThat(filtered).contains("data-entry=\"" + cultivated + "\"");
        assertThat(office.get("/capital/listing?stage=LISTED").body()).doesNotContain("data-entry=\"" + cultivated + "\"");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/capital/listing").body())
                .contains("id=\"pipeline\"").doesNotContain("data-entry=").doesNotContain("id=\"evaluate\"");
    }
}
