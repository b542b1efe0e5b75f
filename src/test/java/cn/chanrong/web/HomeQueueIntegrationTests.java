package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24 §1: each role's home is a work queue collected from the modules, each entry marked with its kind and count
 * (data-queue, data-count), the count the same as the module's own list says, the link to where the work is done.
 */
@IntegrationTest
class HomeQueueIntegrationTests {

    @LocalServerPort
    int port;

    private static final Pattern ENTRY = Pattern.compile("data-queue=\"([a-z-]+)\" data-count=\"(\\d+)\"");

    private java.util.Map<String, Long> queue(String user) throws Exception {
        String home = Workbench.loggedIn(port, user).get("/").body();
        assertThat(home).contains("id=\"work-queue\"");
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        Matcher m = ENTRY.matcher(home);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    private long total(String user, String path) {
        return Api.as(port, user).get(path).json().get("total").asLong();
    }

    @Test
    void each_role_sees_its_own_work_with_the_counts_its_lists_give() throws Exception {
        var officer = queue("bank");
        assertThat(officer).containsKeys("applications-investigation", "overdue-loans", "open-alerts", "warning-exposures",
                "overdue-project-items");
        assertThat(officer).doesNotContainKeys("applications-approval", "subsidy-claims");
        assertThat(officer.get("warning-exposures")).isEqualTo(total("bank", "/api/v1/warning/exposures?status=OPEN"));
        assertThat(officer.get("open-alerts")).isEqualTo(total("bank", "/api/v1/monitoring/alerts?status=OPEN"));
        assertThat(officer.get("overdue-loans")).isEqualTo(total("bank", "/api/v1/loans?overdue=true"));

        var approver = queue("bank-approver");
        assertThat(approver).containsKeys("applications-approval", "ledgers-to-confirm");
        assertThat(approver.get("applications-approval"))
                .isEqualTo(total("bank-approver", "/api/v1/loan-applications?step=APPROVAL"));

        var mof = queue("regulator-mof");
        assertThat(mof).containsKeys("subsidy-claims", "pool-claims", "warning-overdue");
        assertThat(mof.get("subsidy-claims")).as("the demo's claim waiting for the finance department")
                .isEqualTo(total("regulator-mof", "/api/v1/policy/subsidy-claims?status=SUBMITTED")).isPositive();

        assertThat(queue("regulator")).containsKeys("ledgers-to-approve", "warning-overdue", "overdue-project-items");
        assertThat(queue("enterprise")).containsKeys("consent-requests", "overdue-loans", "offers-received")
                .doesNotContainKeys("applications-investigation", "warning-exposures");
        var core = queue("core");
        assertThat(core.get("receivables-to-confirm")).as("the core enterprise confirms what its suppliers uploaded")
                .isEqualTo(total("core", "/api/v1/receivables?status=UPLOADED&role=DEBTOR"));
        assertThat(officer).containsKey("financing-requests").doesNotContainKeys("capital-needs", "capital-deals");
        var investor = queue("investor");
        assertThat(investor.get("capital-needs")).isEqualTo(total("investor", "/api/v1/capital/needs"));
        assertThat(investor).containsKey("capital-deals");
        assertThat(queue("enterprise")).containsKey("capital-deals");
        var office = queue("regulator-gd");
        assertThat(office.get("warning-cases")).isEqualTo(total("regulator-gd", "/api/v1/warning/cases?status=OPEN"));
        // leases and first-of-a-kind insurance: each party's next act
        assertThat(queue("insurer")).containsKey("insurance-losses");
        assertThat(queue("regulator-miit")).containsKey("insurance-claims-to-confirm");
        assertThat(mof).containsKey("insurance-claims-to-pay");
        assertThat(queue("lessor")).doesNotContainKey("insurance-losses");
        // an enterprise's dues in the next 30 days: the installments of its running loans, as its loans' schedules say
        var sme = queue("enterprise");
        assertThat(sme).containsKey("loan-dues");
        long dues = 0;
        for (JsonNode loan : Api.as(port, "enterprise").get("/api/v1/loans?status=ACTIVE&size=100").json().get("items")) {
            for (JsonNode i : Api.as(port, "enterprise").get("/api/v1/loans/" + loan.get("id").asLong() + "/schedule").json()) {
                java.time.LocalDate due = java.time.LocalDate.parse(i.get("due").asString());
                boolean open = i.get("principalPaid").decimalValue().compareTo(i.get("principalDue").decimalValue()) < 0
                        || i.get("interestPaid").decimalValue().compareTo(i.get("interestDue").decimalValue()) < 0;
                if (open && !due.isBefore(java.time.LocalDate.of(2026, 6, 30)) && !due.isAfter(java.time.LocalDate.of(2026, 7, 30))) {
                    dues++;
                }
            }
        }
        assertThat(sme.get("loan-dues")).isEqualTo(dues).as("the demo SME has monthly dues").isPositive();
        String english = Workbench.loggedIn(port, "bank").get("/?lang=en").body();
        assertThat(english).contains("High-risk exposures to answer");
    }
}
