package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The shipped programmes with their rate paths; a local pool written by a region's finance regulators; refusals. */
@IntegrationTest
class PolicyProgrammesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    BusinessDate businessDate;

    static JsonNode byCode(JsonNode page, String code) {
        for (JsonNode p : page.get("items")) {
            if (p.get("code").asString().equals(code)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void the_tech_re_lending_rate_is_the_one_in_force_on_the_day_asked() {
        Api anyone = Api.as(port, "enterprise");
        JsonNode early = byCode(anyone.get("/api/v1/policy/programmes?kind=TECH_RELENDING&on=2025-01-01").json(), "PBOC-TECH-RL");
        assertThat(early.get("inForce").get("terms").get("ratePercent").asString()).isEqualTo("1.75");
        assertThat(early.get("inForce").get("terms").get("quotaYuan").asString()).isEqualTo("500000000000.00");
        JsonNode mid = byCode(anyone.get("/api/v1/policy/programmes?kind=TECH_RELENDING&on=2026-01-16").json(), "PBOC-TECH-RL");
        assertThat(mid.get("inForce").get("version").asInt()).isEqualTo(3);
        assertThat(mid.get("inForce").get("terms").get("ratePercent").asString()).isEqualTo("1.5");
        long id = mid.get("id").asLong();
        JsonNode now = anyone.get("/api/v1/policy/programmes/" + id + "?on=2026-12-07").json();
        assertThat(now.get("inForce").get("terms").get("ratePercent").asString()).isEqualTo("1.25");
        assertThat(now.get("versions").size()).isEqualTo(4);
        assertThat(now.get("inForce").get("eligibility").get("listTypes").toString()).contains("EQUIPMENT_RENEWAL");
        assertThat(byCode(anyone.get("/api/v1/policy/programmes?on=2020-01-01&size=50").json(), "PBOC-TECH-RL")
                .get("inForce").isNull()).isTrue();
        assertThat(anyone.get("/api/v1/policy/programmes?on=2026-13-01").status()).isEqualTo(422);
        assertThat(anyone.get("/api/v1/policy/programmes?kind=HELICOPTER_MONEY").status()).isEqualTo(422);
        assertThat(anyone.get("/api/v1/policy/programmes/999999").status()).isEqualTo(404);
    }

    @Test
    void a_finance_regulator_adds_a_subsidy_version_and_a_pool_others_may_not_and_bad_terms_are_named() {
        String today = businessDate.today().toString();
        Api mof = Api.as(port, "regulator-mof").header("Accept-Language", "en");
        JsonNode subsidy = byCode(mof.get("/api/v1/policy/programmes?kind=CENTRAL_SUBSIDY").json(), "MOF-EQUIP-SUBSIDY");
        String versions = "/api/v1/policy/programmes/" + subsidy.get("id").asLong() + "/versions";
        Map<String, Object> terms = Map.of("subsidyPoints", "1.5", "maxYears", 2, "validTo", "2026-12-31");

        var past = mof.post(versions, Map.of("effectiveFrom", "2020-01-01", "terms", terms, "note", "改写历史"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("policy.programme.effective-past");
        var number = mof.post(versions, Map.of("effectiveFrom", today, "terms", Map.of("subsidyPoints", 1.5, "maxYears", 2),
                "note", "数字"));
        assertThat(number.body()).contains("policy.term.text", "terms.subsidyPoints");
        assertThat(Api.as(port, "regulator").post(versions, Map.of("effectiveFrom", today, "terms", terms, "note", "央行"))
                .status()).as("the PBOC does not keep the finance ministry's subsidy").isEqualTo(403);
        assertThat(Api.as(port, "bank").post(versions, Map.of("effectiveFrom", today, "terms", terms, "note", "银行"))
                .status()).isEqualTo(403);

        String code = "MOF-POOL-" + ThreadLocalRandom.current().nextInt(100_000);
        var bad = mof.post("/api/v1/policy/programmes", Map.of("code", code, "kind", "GUARANTEE_SCHEME", "name", "担保分险",
                "nameEn", "Guarantee scheme", "source", "测试", "effectiveFrom", today, "note", "分担比例不足",
                "terms", Map.of("feeTargetPercent", "1", "coveragePercent", "90", "bankSharePercent", "10",
                        "agencySharePercent", "50", "reguarantorSharePercent", "20", "nationalFundSharePercent", "20")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("policy.term.bank-share", "at least 20 %");

        var pool = mof.post("/api/v1/policy/programmes", Map.of("code", code, "kind", "RISK_POOL", "name", "示范风险补偿资金池",
                "nameEn", "Demonstration risk-compensation pool", "source", "地方财政部门文件（示例）", "effectiveFrom", today,
                "note", "按损失的50%补偿，单笔200万元封顶",
                "terms", Map.of("sharePercent", "50", "capPerLoanYuan", "2000000.00", "capPerYearYuan", "50000000.00",
                        "triggerDaysPastDue", 90),
                "eligibility", Map.of("institutionTypes", List.of("CITY_COMMERCIAL_BANK", "RURAL_COMMERCIAL_BANK"),
                        "regions", List.of("35"))));
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        assertThat(pool.json().get("inForce").get("terms").get("capPerLoanYuan").asString()).isEqualTo("2000000.00");
        assertThat(mof.post("/api/v1/policy/programmes", Map.of("code", code, "kind", "RISK_POOL", "name", "重复",
                "nameEn", "Again", "source", "测试", "effectiveFrom", today, "note", "重复编号",
                "terms", Map.of("sharePercent", "50", "capPerLoanYuan", "1.00", "capPerYearYuan", "1.00",
                        "triggerDaysPastDue", 90))).body()).contains("policy.programme.code-taken");
    }

    @Test
    void the_workbench_lists_the_programmes_by_name_with_their_terms() throws Exception {
        var w = Workbench.loggedIn(port, "bank");
        String page = w.get("/policy/programmes?on=2026-12-07").body();
        assertThat(page).contains("科技创新和技术改造再贷款", "利率（%）", "1.25", "id=\"nav-policy\"");
        String id = page.replaceAll("(?s).*href=\"/policy/programmes/(\\d+)\"[^>]*>科技创新和技术改造再贷款.*", "$1");
        String one = w.get("/policy/programmes/" + id + "?on=2025-06-01").body();
        assertThat(one).contains("第2版，2025-05-07起", "股份制商业银行", "设备更新", "额度增至8000亿元");
    }
}
