package cn.chanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 §4: the authorities' lists come in as CSV from an industry regulator, whole or not at all,
 * and verify an enterprise's status within their validity; what the enterprise typed stays declared.
 */
@IntegrationTest
class StatusListIntegrationTests {

    static final String HEADER = "list,issuer,document,credit_code,valid_from,valid_to";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api.Response post(String user, byte[] csv, String query) {
        return Api.as(port, user).header("Accept-Language", "en").postBytes("/api/v1/status-lists" + query, "text/csv", csv);
    }

    long rows(String creditCode) {
        return jdbc.sql("SELECT count(*) FROM enterprise_status_list WHERE credit_code = :c").param("c", creditCode)
                .query(Long.class).single();
    }

    long register(String code) {
        var made = Api.as(port, "admin").post("/api/v1/enterprises", Fixtures.enterprise(code));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    @Test
    void a_good_file_verifies_status_within_its_validity_and_the_profile_tells_verified_from_declared() {
        String code = Fixtures.freshCreditCode("350100");
        String unregistered = Fixtures.freshCreditCode("330100");
        long id = register(code);
        var declared = Api.as(port, "admin").post("/api/v1/enterprises/" + id + "/qualifications", Map.of("type", "SPECIALISED_SME",
                "issuer", "福建省工业和信息化厅", "validFrom", "2024-03-01"));
        assertThat(declared.status()).isEqualTo(201);
        assertThat(declared.json().get("verification").asString()).isEqualTo("DECLARED");
        JsonNode before = Api.as(port, "bank").get("/api/v1/enterprises/" + id + "/statuses").json();
        assertThat(before.get("declaredQualifications").toString()).contains("SPECIALISED_SME");
        assertThat(before.get("verifiedQualifications").size()).isZero();

        String csv = HEADER + "\n"
                + "专精特新,福建省工业和信息化厅,闽工信函企业〔2024〕56号," + code + ",2024-03-01,2099-03-01\n"
                + "HIGH_TECH,福建省科学技术厅,\"闽科高〔2020〕7号, 第二批\"," + code + ",2020-01-01,2023-01-01\n"
                + "小巨人,工业和信息化部,工信厅企业函〔2024〕160号," + unregistered + ",2024-07-01,\n";
        var first = post("regulator-miit", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        var again = post("regulator-miit", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);

        JsonNode after = Api.as(port, "bank").get("/api/v1/enterprises/" + id + "/statuses").json();
        assertThat(after.get("verifiedQualifications").toString()).isEqualTo("[\"SPECIALISED_SME\"]");
        assertThat(after.get("declaredQualifications").size()).as("verified wins over the same declaration").isZero();
        List<String> shown = new ArrayList<>();
        after.get("statuses").forEach(s -> shown.add(s.get("type").asString() + " " + s.get("verification").asString() + " "
                + s.get("source").asString() + " " + s.get("validToday").asBoolean() + " "
                + (s.get("document").isNull() ? "-" : s.get("document").asString())));
        assertThat(shown).contains("SPECIALISED_SME VERIFIED LIST true 闽工信函企业〔2024〕56号",
                "SPECIALISED_SME DECLARED DECLARATION true -", "HIGH_TECH VERIFIED LIST false 闽科高〔2020〕7号, 第二批");

        // the list pages and filters
        JsonNode mine = Api.as(port, "enterprise").get("/api/v1/status-lists?creditCode=" + code + "&size=1").json();
        assertThat(mine.get("total").asLong()).isEqualTo(2);
        assertThat(mine.get("items").size()).isEqualTo(1);
        assertThat(Api.as(port, "bank").get("/api/v1/status-lists?creditCode=" + code + "&list=高新技术企业&validOn=2022-06-30")
                .json().get("total").asLong()).isEqualTo(1);
        assertThat(Api.as(port, "bank").get("/api/v1/status-lists?creditCode=" + code + "&list=HIGH_TECH&validOn=2023-01-01")
                .json().get("total").asLong()).as("valid_to is exclusive").isZero();
        JsonNode other = Api.as(port, "bank").get("/api/v1/status-lists?creditCode=" + unregistered).json().get("items").get(0);
        assertThat(other.get("list").asString()).isEqualTo("LITTLE_GIANT");
        assertThat(other.get("enterpriseId").isNull()).as("a list names enterprises not registered here too").isTrue();
        assertThat(Api.as(port, "bank").get("/api/v1/status-lists?list=单项冠军").status()).isEqualTo(422);
    }

    @Test
    void a_file_with_one_bad_row_is_refused_whole_naming_its_line_and_field() {
        String good = Fixtures.freshCreditCode("350100");
        String csv = HEADER + "\n"
                + "专精特新,福建省工业和信息化厅,闽工信函〔2024〕56号," + good + ",2024-03-01,2027-03-01\n"
                + "小巨人,工业和信息化部,工信厅企业函〔2024〕160号," + Fixtures.freshCreditCode("350100") + ",2024-07-01,2024-06-30\n";
        var r = post("regulator-miit", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        JsonNode e = r.json().get("errors");
        assertThat(e.size()).isEqualTo(1);
        assertThat(e.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(e.get(0).get("column").asString()).isEqualTo("valid_to");
        assertThat(e.get(0).get("code").asString()).isEqualTo("range.reversed");
        assertThat(rows(good)).as("nothing of the file is kept").isZero();
    }

    @Test
    void errors_are_bounded_the_first_thousand_listed_and_the_rest_counted() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 1005; i++) {
            csv.append("单项冠军,工业和信息化部,文号,").append(Fixtures.freshCreditCode("350100")).append(",2024-01-01,\n");
        }
        var r = post("regulator-miit", csv.toString().getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").size()).isEqualTo(1000);
        assertThat(r.json().get("errorsNotListed").asLong()).isEqualTo(5);
        assertThat(r.json().get("errors").get(0).get("column").asString()).isEqualTo("list");
    }

    @Test
    void gbk_is_read_when_declared() {
        String code = Fixtures.freshCreditCode("440300");
        byte[] gbk = (HEADER + "\n绿色工厂,广东省工业和信息化厅,粤工信节能函〔2025〕9号," + code + ",2025-01-01,\n")
                .getBytes(Charset.forName("GBK"));
        var undeclared = post("regulator-miit", gbk, "");
        assertThat(undeclared.status()).isEqualTo(422);
        assertThat(undeclared.json().get("errors").get(0).get("code").asString()).isEqualTo("csv.looks-gbk");
        assertThat(rows(code)).isZero();
        var declared = post("regulator-miit", gbk, "?encoding=GBK");
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        String issuer = jdbc.sql("SELECT issuer || ' ' || list FROM enterprise_status_list WHERE credit_code = :c")
                .param("c", code).query(String.class).single();
        assertThat(issuer).isEqualTo("广东省工业和信息化厅 GREEN_FACTORY");
    }

    @Test
    void only_an_industry_regulator_imports_a_list() {
        byte[] csv = (HEADER + "\n专精特新,福建省工业和信息化厅,文号," + Fixtures.freshCreditCode("350100") + ",2024-01-01,\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post("regulator", csv, "").status()).as("PBOC").isEqualTo(403);
        assertThat(post("admin", csv, "").status()).isEqualTo(403);
        assertThat(post("enterprise", csv, "").status()).isEqualTo(403);
        assertThat(post("bank", csv, "").status()).isEqualTo(403);
    }
}
