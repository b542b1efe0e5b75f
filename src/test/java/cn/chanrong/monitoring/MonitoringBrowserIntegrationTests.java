package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Chromium;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A credit officer in a real browser: the loan's money reached a broker; the approver finds the alert in the queue,
 * confirms it with a reason, classifies the loan special mention from the alert's page, and follows the money on
 * the chart — nobody types an id.
 */
@IntegrationTest
class MonitoringBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void an_approver_confirms_a_diversion_acts_on_it_and_follows_the_money() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        var b = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 6);
        long loan = b.loan();
        String account = b.account();
        String number = steps.loan(loan).get("number").asString();
        String ref = "BR" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        assertThat(steps.as("bank").post("/api/v1/monitoring/payments", List.of(
                Map.of("bankReference", ref, "direction", "DEBIT", "account", account, "counterpartyName", "申万宏源证券有限公司",
                        "counterpartyAccount", "3501000000009999", "amount", "250000.00", "currency", "CNY",
                        "valueDate", today.minusDays(4).toString(), "remittance", "证券账户入金"))).json().get("alerts").asInt())
                .isEqualTo(1);

        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/login");
            chromium.find("#username").sendKeys("bank-approver");
            chromium.find("#password").sendKeys("demo");
            chromium.find("#login-form button").click();
            chromium.find("#who");
            browser.get("http://localhost:" + port + "/monitoring/alerts?status=OPEN&lang=zh");
            // the queue names the loan by its number: the officer clicks it, no id typed
            browser.findElement(By.xpath("//tr[td[contains(., '" + number + "')]]//a[contains(@href, '/monitoring/alerts/')]")).click();
            assertThat(chromium.find("h1").getText()).isEqualTo("贷款资金流入禁止领域");
            new Select(chromium.find("#outcome-form select[name=outcome]")).selectByValue("CONFIRMED");
            chromium.find("#outcome-form input[name=reason]").sendKeys("资金转入证券账户，认定挪用");
            chromium.find("#outcome-form button").click();
            assertThat(chromium.find("#saved").getText()).isEqualTo("已保存");

            new Select(chromium.find("#action-form select[name=action]")).selectByValue("SPECIAL_MENTION");
            chromium.find("#action-form input[name=reason]").sendKeys("挪用贷款资金，调为关注类");
            chromium.find("#action-form button").click();
            // the page after the act (the confirmation's notice was on the page before)
            assertThat(chromium.find("[data-action=SPECIAL_MENTION]").getText()).contains("挪用贷款资金，调为关注类");
            assertThat(chromium.find("#saved").getText()).isEqualTo("已保存");
            chromium.screenshot("monitoring-alert-acted-zh");
            assertThat(steps.loan(loan).get("tier").asString()).isEqualTo("SPECIAL_MENTION");

            chromium.find("#proceeds-link").click();
            chromium.find("#chart-proceeds canvas");
            assertThat(chromium.find("#destinations").getText()).contains("申万宏源证券有限公司", "证券期货", "250,000.00");
            chromium.screenshot("monitoring-proceeds-zh");
        }
    }
}
