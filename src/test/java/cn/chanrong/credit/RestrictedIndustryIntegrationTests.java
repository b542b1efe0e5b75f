package cn.chanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.identity.Users;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 §7 end to end: an enterprise whose main product falls under a 淘汰类 item of the
 * 产业结构调整指导目录 gets no credit — the decision declines naming the entry, lending refuses the
 * application at submission — and one under a 限制类 item gets no loan for a new project while its working
 * capital is decided as before; the enterprise page and the decision page show the entry. Before the
 * catalogue was applied, both enterprises' decisions were the score's. The entries' keywords carry a
 * fresh suffix and none of the demo catalogue's, so only this test's enterprises match them and only them.
 */
@IntegrationTest
class RestrictedIndustryIntegrationTests {

    static final String CATALOGUE = "产业结构调整指导目录（2024年本）";
    static final String DOCUMENT = "国家发展改革委令2023年第7号";

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    String s;
    long eliminated;
    long restricted;

    /** A registered enterprise with its own login, which grants the bank its consent. */
    long firm(String industry, List<String> products) {
        Map<String, Object> body = new HashMap<>(Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        body.put("industryCode", industry);
        body.put("mainProducts", products);
        var made = Api.as(port, "admin").post("/api/v1/enterprises", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("mainProducts").toString()).contains(products.getFirst());
        long id = made.json().get("id").asLong();
        String login = "rl-" + s + "-" + id;
        users.create(new UserDraft(login, "demo", "测试企业财务", Role.ENTERPRISE, id, null, Set.of(), null, null),
                Caller.system("test"));
        var asked = Api.as(port, "bank").post("/api/v1/consents", Map.of("enterpriseId", id, "purpose", "PRE_LOAN",
                "periodFrom", "2024-01-01", "periodTo", LocalDate.now().toString(),
                "expiresOn", LocalDate.now().plusMonths(2).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var granted = Api.as(port, login).post("/api/v1/consents/" + asked.json().get("id").asLong() + "/grant", Map.of());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return id;
    }

    @BeforeEach
    void catalogue() {
        s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String csv = "catalogue,document,category,item_no,item,industry_code,products,processes,valid_from,valid_to\n"
                + String.join(",", CATALOGUE, DOCUMENT, "淘汰类", "一（十）4-" + s, "测试电镀工艺" + s, "C33", "", "测试电镀" + s,
                "2024-02-01", "") + "\n"
                + String.join(",", CATALOGUE, DOCUMENT, "限制类", "十一 25-" + s, "测试刀具项目" + s, "C3321",
                "测试刀具" + s, "", "2024-02-01", "") + "\n";
        var r = Api.as(port, "regulator-miit").postBytes("/api/v1/restricted-lists", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        eliminated = firm("C3360", List.of("镀锌紧固件（测试电镀" + s + "）", "热浸镀锌件"));
        restricted = firm("C3321", List.of("数控硬质合金刀片", "M8测试刀具" + s));
    }

    JsonNode decide(long enterprise, String purpose) {
        var made = Api.as(port, "bank").header("Accept-Language", "en").post("/api/v1/credit-decisions", Map.of(
                "enterpriseId", enterprise, "amount", 1000000, "months", 24, "purpose", purpose, "secured", true));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    static List<String> codes(JsonNode decision) {
        List<String> out = new ArrayList<>();
        decision.get("decision").get("reasons").forEach(r -> out.add(r.get("code").asString()));
        return out;
    }

    @Test
    void an_eliminated_item_declines_every_credit_naming_the_entry() {
        JsonNode d = decide(eliminated, "WORKING_CAPITAL");
        assertThat(d.get("decision").get("outcome").asString()).isEqualTo("DECLINE");
        assertThat(d.get("decision").get("recommendedLimit").decimalValue()).isZero();
        assertThat(codes(d)).contains("policy.restricted.eliminated");
        JsonNode entry = d.get("restrictedEntry");
        assertThat(entry.get("category").asString()).isEqualTo("ELIMINATED");
        assertThat(entry.get("catalogue").asString()).isEqualTo(CATALOGUE);
        assertThat(entry.get("item").asString()).isEqualTo("测试电镀工艺" + s);
        assertThat(entry.get("document").asString()).isEqualTo(DOCUMENT);
        assertThat(entry.get("matched").asString()).isEqualTo("镀锌紧固件（测试电镀" + s + "）");
        assertThat(d.toString()).contains("Eliminated item 一（十）4-" + s + " of " + CATALOGUE);
        assertThat(decide(eliminated, "TECH_TRANSFORMATION").get("decision").get("outcome").asString()).isEqualTo("DECLINE");
        var again = Api.as(port, "bank").get("/api/v1/credit-decisions/" + d.get("decision").get("id").asLong() + "/reproduction");
        assertThat(again.json().get("same").asBoolean()).as(again.body()).isTrue();
    }

    @Test
    void a_restricted_item_declines_a_new_project_but_not_working_capital() {
        JsonNode project = decide(restricted, "FIXED_ASSET");
        assertThat(project.get("decision").get("outcome").asString()).isEqualTo("DECLINE");
        assertThat(codes(project)).contains("policy.restricted.new-project");
        assertThat(project.get("restrictedEntry").get("item").asString()).isEqualTo("测试刀具项目" + s);
        JsonNode wc = decide(restricted, "WORKING_CAPITAL");
        assertThat(codes(wc)).contains("policy.restricted.existing-capacity").doesNotContain("policy.restricted.new-project");
        assertThat(wc.get("restrictedEntry").get("category").asString()).isEqualTo("RESTRICTED");
    }

    Api.Response apply(long borrower, String product, String purpose) {
        Map<String, Object> m = new HashMap<>();
        m.put("productId", jdbc.sql("SELECT id FROM product WHERE code = :c").param("c", product).query(Long.class).single());
        m.put("borrowerId", borrower);
        m.put("amount", "3000000");
        m.put("termMonths", 36);
        m.put("rateType", "LPR_1Y");
        m.put("spreadBp", 50);
        m.put("method", "EQUAL_PRINCIPAL");
        m.put("purpose", purpose);
        m.put("paymentMode", "ENTRUSTED");
        m.put("projectInvestment", "20000000");
        return Api.as(port, "bank").header("Accept-Language", "en").post("/api/v1/loan-applications", m);
    }

    @Test
    void lending_refuses_the_application_at_submission_naming_the_entry() {
        var refused = apply(eliminated, "MJ-ZJTX-01", "WORKING_CAPITAL");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("restricted.eliminated");
        assertThat(error.get("field").asString()).isEqualTo("borrowerId");
        assertThat(error.get("message").asString()).contains("测试电镀工艺" + s, DOCUMENT, CATALOGUE);

        var project = apply(restricted, "MJ-ZJTX-01", "FIXED_ASSET");
        assertThat(project.status()).as(project.body()).isEqualTo(422);
        assertThat(project.json().get("errors").get(0).get("code").asString()).isEqualTo("restricted.new-project");
        assertThat(project.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
        var fixedAssetProduct = apply(restricted, "MJ-JSGZ-01", "WORKING_CAPITAL");
        assertThat(fixedAssetProduct.status()).as("a fixed-asset product builds a project").isEqualTo(422);
        assertThat(apply(restricted, "MJ-JSGZ-01", "TECH_TRANSFORMATION").status()).as("upgrading existing capacity")
                .isEqualTo(201);
        assertThat(apply(restricted, "MJ-ZJTX-01", "WORKING_CAPITAL").status()).isEqualTo(201);
    }

    @Autowired
    cn.chanrong.lending.TradeFinance tradeFinance;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** Every way lending grants credit asks the catalogue: a credit line and a supply-chain financing too. */
    @Test
    void no_credit_line_and_no_trade_financing_under_an_eliminated_item() {
        var line = Api.as(port, "bank-approver").header("Accept-Language", "en").post("/api/v1/facilities",
                Map.of("borrowerId", eliminated, "amount", "1000000.00", "validFrom", "2025-01-01", "validTo", "2027-12-31"));
        assertThat(line.status()).as(line.body()).isEqualTo(422);
        assertThat(line.json().get("errors").get(0).get("code").asString()).isEqualTo("restricted.eliminated");
        assertThat(line.json().get("errors").get(0).get("message").asString()).contains(DOCUMENT);

        long bank = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();
        var financing = new cn.chanrong.lending.TradeFinance.Financing(bank, eliminated, eliminated, null,
                new java.math.BigDecimal("100000.00"), cn.chanrong.lending.TradeFinance.Interest.IN_ADVANCE,
                new java.math.BigDecimal("3.00"), LocalDate.parse("2025-06-03"), LocalDate.parse("2025-08-01"),
                "贴现 / discounted voucher", "test:" + java.util.UUID.randomUUID(), "the holder", "test",
                cn.chanrong.lending.GuaranteeMethod.DISCOUNTING, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tx.execute(st -> tradeFinance.finance(financing))))
                .isInstanceOf(cn.chanrong.shared.Rejected.class)
                .satisfies(e -> assertThat(((cn.chanrong.shared.Rejected) e).rejections().get(0).code())
                        .isEqualTo("restricted.eliminated"));
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE trade_reference = :r").param("r", financing.reference())
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_enterprise_page_and_the_decision_page_show_the_entry() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        String page = admin.get("/enterprises/" + eliminated).body();
        assertThat(page).contains("id=\"restricted\"", "data-category=\"ELIMINATED\"", "测试电镀工艺" + s, DOCUMENT,
                "镀锌紧固件（测试电镀" + s + "）");
        assertThat(admin.get("/enterprises/" + restricted + "/edit").body()).contains("name=\"mainProducts\"",
                "M8测试刀具" + s);

        Workbench bank = Workbench.loggedIn(port, "bank");
        String form = bank.get("/credit/enterprises/" + restricted).body();
        var posted = bank.post("/credit/decisions", Map.of("_csrf", Workbench.csrf(form), "enterpriseId",
                Long.toString(restricted), "amount", "1000000", "months", "24", "purpose", "FIXED_ASSET"));
        assertThat(posted.statusCode()).isEqualTo(302);
        String shown = bank.get("/credit/enterprises/" + restricted).body();
        assertThat(shown).contains("id=\"restricted-entry\"", "data-category=\"RESTRICTED\"", "测试刀具项目" + s, DOCUMENT);
    }
}
