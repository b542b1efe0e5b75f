package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §4: the involution watch's rows add up across dimensions; a loan priced below the lender's own cost of a
 * loan (from the day its setting is in force) counts as below cost; the settings are the institution's approver's,
 * never backdated; an institution sees only its own row.
 */
@IntegrationTest
class InvolutionWatchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    private static JsonNode row(JsonNode figures, String dimension, String key) {
        for (JsonNode r : figures.get("rows")) {
            if (dimension.equals(r.get("dimension").asString()) && key.equals(r.get("key").asString())) {
                return r;
            }
        }
        return null;
    }

    private static int sum(JsonNode figures, String dimension, String field) {
        int n = 0;
        for (JsonNode r : figures.get("rows")) {
            n += dimension.equals(r.get("dimension").asString()) ? r.get(field).asInt() : 0;
        }
        return n;
    }

    @Test
    void a_loan_below_the_lenders_own_cost_counts_and_the_dimensions_add_up() {
        long bank = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();
        Api approver = Api.as(port, "bank-approver").header("Accept-Language", "en");
        String today = businessDate.today().toString();
        var past = approver.put("/api/v1/warning/cost-settings", Map.of("fundingPercent", "9.5", "operatingPercent", "1",
                "capitalPercent", "1", "lgdPercent", "45", "effectiveFrom", businessDate.today().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("warning.cost.past", "\"field\":\"effectiveFrom\"");
        assertThat(Api.as(port, "bank").put("/api/v1/warning/cost-settings", Map.of("fundingPercent", "9.5",
                "operatingPercent", "1", "capitalPercent", "1", "lgdPercent", "45", "effectiveFrom", today)).status())
                .as("an operator does not set the cost").isEqualTo(403);
        var bad = approver.put("/api/v1/warning/cost-settings", Map.of("fundingPercent", "9.5e0", "operatingPercent", "1",
                "capitalPercent", "30", "lgdPercent", "45", "effectiveFrom", today));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"fundingPercent\"");

        JsonNode before = Api.as(port, "bank").get("/api/v1/warning/involution").json();
        int belowBefore = row(before, "INSTITUTION", String.valueOf(bank)) == null ? 0
                : row(before, "INSTITUTION", String.valueOf(bank)).get("belowCostLoans").asInt();
        var set = approver.put("/api/v1/warning/cost-settings", Map.of("fundingPercent", "9.5", "operatingPercent", "1",
                "capitalPercent", "1", "lgdPercent", "45", "effectiveFrom", today));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        LendingSteps steps = new LendingSteps(port, jdbc);
        steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", today);

        JsonNode after = Api.as(port, "bank").get("/api/v1/warning/involution").json();
        JsonNode mine = row(after, "INSTITUTION", String.valueOf(bank));
        int paidToday = jdbc.sql("SELECT count(*) FROM loan WHERE institution_id = :i AND disbursed_on = :d")
                .param("i", bank).param("d", businessDate.today()).query(Integer.class).single();
        assertThat(mine.get("belowCostLoans").asInt()).as("every loan paid out from today, priced at LPR plus a spread,"
                + " is under the 11.5 % the bank now says a loan costs it").isGreaterThanOrEqualTo(paidToday)
                .isGreaterThanOrEqualTo(belowBefore + 1);
        assertThat(after.get("rows").toString()).as("only its own institution's row").doesNotContain("海峡农村商业银行");
        for (String field : new String[]{"loans", "belowCostLoans", "capacityLoans"}) {
            assertThat(sum(after, "REGION", field)).as(field).isEqualTo(sum(after, "INSTITUTION", field));
            assertThat(sum(after, "SECTOR", field)).as(field).isEqualTo(sum(after, "INSTITUTION", field));
        }
        JsonNode national = Api.as(port, "regulator-miit").get("/api/v1/warning/involution").json();
        assertThat(row(national, "INSTITUTION", String.valueOf(bank))).as("the industry department sees the watch").isNotNull();
        assertThat(Api.as(port, "enterprise").get("/api/v1/warning/involution").status()).isEqualTo(403);
        JsonNode costs = Api.as(port, "bank").get("/api/v1/warning/cost-settings").json();
        assertThat(costs.get(0).get("fundingPercent").decimalValue()).isEqualByComparingTo(new BigDecimal("9.5"));
    }
}
