package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The policy money at a glance, each figure within its record kind's scope: the central bank sees the national bank's
 * re-lending, the city commercial bank only its own subsidies and guarantees, another bank none of them, and the
 * figures add up with the records they sum.
 */
@IntegrationTest
class PolicyDashboardIntegrationTests {

    @LocalServerPort
    int port;

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (value.equals(r.get(field).asString())) {
                return r;
            }
        }
        return null;
    }

    @Test
    void each_caller_sees_the_figures_of_its_own_scope_that_add_up_with_the_records() {
        JsonNode pboc = Api.as(port, "regulator").get("/api/v1/policy/dashboard").json();
        JsonNode relent = row(pboc.get("relending"), "institution", "启元银行股份有限公司");
        assertThat(relent).as(pboc.toString()).isNotNull();
        assertThat(relent.get("outstanding").decimalValue()).as("the demo ledger booked").isEqualByComparingTo("1800000.00");

        Api bank = Api.as(port, "bank");
        JsonNode mine = bank.get("/api/v1/policy/dashboard").json();
        assertThat(row(mine.get("relending"), "institution", "启元银行股份有限公司")).as("not another bank's").isNull();
        JsonNode subsidy = row(mine.get("subsidies"), "programme", "福建省设备更新贷款地方财政贴息（演示）");
        JsonNode listed = bank.get("/api/v1/policy/subsidies?programme=FJ-EQUIP-SUBSIDY").json();
        assertThat(subsidy.get("loans").asInt()).isEqualTo(listed.get("total").asInt());
        assertThat(subsidy.get("accrued").decimalValue()).isEqualByComparingTo(listed.get("items").get(0).get("accrued").decimalValue());
        assertThat(subsidy.get("claimSettled").decimalValue()).as("the demo's settled quarter").isPositive();
        JsonNode scheme = row(mine.get("guarantees"), "programme", "国家融资担保基金再担保合作（20:40:20:20）");
        assertThat(scheme.get("agencyPaid").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("733333.33"));
        assertThat(scheme.get("fundPaid").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("183333.34"));

        JsonNode other = Api.as(port, "bank2").get("/api/v1/policy/dashboard").json();
        assertThat(row(other.get("subsidies"), "programme", "福建省设备更新贷款地方财政贴息（演示）")).isNull();
        assertThat(row(other.get("guarantees"), "programme", "国家融资担保基金再担保合作（20:40:20:20）")).isNull();
        assertThat(other.get("pools").size()).as("the pools' public figures").isPositive();
        assertThat(Api.as(port, "enterprise").get("/api/v1/policy/dashboard").status()).isEqualTo(403);
    }

    @Test
    void the_page_shows_the_same_figures() throws Exception {
        String page = cn.chanrong.support.Workbench.loggedIn(port, "regulator").get("/policy/dashboard").body();
        assertThat(page).contains("id=\"dashboard-relending\"", "启元银行股份有限公司", "1,800,000.00", "id=\"dashboard-pools\"");
    }
}
