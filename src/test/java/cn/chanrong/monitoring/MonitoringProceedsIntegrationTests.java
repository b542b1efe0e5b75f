package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A loan's money followed: paid into the borrower's account, part to a supplier, part to another customer of
 * the bank who sends most of it to a broker. The trace names both ends with their category, keeps what is still
 * on each account, and adds up to the principal; other banks and enterprises do not see it.
 */
@IntegrationTest
class MonitoringProceedsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void the_trace_follows_the_money_through_a_second_customer_to_a_broker_and_adds_up() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        LocalDate d = today.minusDays(6);
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", d.toString());
        long other = steps.borrower();
        steps.disbursedLoan(other, null, "1000000", 12, "EQUAL_PRINCIPAL", d.minusDays(60).toString());
        String a = account(steps, borrower);
        String c = account(steps, other);
        String otherName = steps.as("admin").get("/api/v1/enterprises/" + other).json().get("name").asString();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String ref = "PT" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var report = bank.post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "0", "CREDIT", a, "闽江市商业银行贷款发放", "9999000000000001", "1000000.00", d),
                MonitoringIntegrationTests.payment(ref + "1", "DEBIT", a, otherName, c, "600000.00", d.plusDays(1)),
                MonitoringIntegrationTests.payment(ref + "2", "CREDIT", c, "借款人", a, "600000.00", d.plusDays(1)),
                MonitoringIntegrationTests.payment(ref + "3", "DEBIT", a, "福州精工轴承有限公司", "3501000000000101", "100000.00", d.plusDays(2)),
                MonitoringIntegrationTests.payment(ref + "4", "DEBIT", c, "国信证券股份有限公司", "3501000000000202", "500000.00", d.plusDays(3))));
        assertThat(report.json().get("accepted").asInt()).as(report.body()).isEqualTo(5);

        var r = bank.get("/api/v1/loans/" + loan + "/proceeds");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.get("account").asString()).isEqualTo(a);
        assertThat(t.get("left").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(t.get("held").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(t.get("unseen").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode broker = t.get("destinations").get(0);
        assertThat(broker.get("counterpartyName").asString()).isEqualTo("国信证券股份有限公司");
        assertThat(broker.get("category").asString()).isEqualTo("SECURITIES");
        assertThat(broker.get("amount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(broker.get("end").asString()).isEqualTo("NOT_VISIBLE");
        assertThat(broker.get("path").size()).as("through the other customer's account").isEqualTo(2);
        assertThat(broker.get("path").get(1).get("account").asString()).isEqualTo(c);
        assertThat(broker.get("path").get(1).get("holder").asString()).isEqualTo(otherName);
        JsonNode supplier = t.get("destinations").get(1);
        assertThat(supplier.get("category").asString()).isEqualTo("SUPPLIER");
        assertThat(supplier.get("amount").decimalValue()).isEqualByComparingTo("100000.00");
        BigDecimal held = BigDecimal.ZERO;
        Map<String, BigDecimal> byAccount = new HashMap<>();
        for (JsonNode h : t.get("holdings")) {
            held = held.add(h.get("amount").decimalValue());
            byAccount.merge(h.get("account").asString(), h.get("amount").decimalValue(), BigDecimal::add);
        }
        assertThat(held).isEqualByComparingTo("400000.00");
        assertThat(byAccount.get(a)).isEqualByComparingTo("300000.00");
        assertThat(byAccount.get(c)).isEqualByComparingTo("100000.00");

        assertThat(steps.as("bank2").get("/api/v1/loans/" + loan + "/proceeds").status()).as("another bank").isEqualTo(404);
        assertThat(steps.as("enterprise").get("/api/v1/loans/" + loan + "/proceeds").status()).isEqualTo(404);
        assertThat(steps.as("regulator").get("/api/v1/loans/" + loan + "/proceeds").status()).isEqualTo(200);

        Workbench officer = Workbench.loggedIn(port, "bank");
        var page = officer.get("/monitoring/loans/" + loan + "/proceeds");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"destinations\"", "国信证券股份有限公司", "证券期货", "对手账户不可见",
                "600,000.00", "'sankey'");
        // what is still held is drawn too (the chart's labels go into the script escaped)
        assertThat(page.body()).contains("\"held:0:" + a + "\"", "\\u7559\\u5728\\u8D26\\u6237");
        assertThat(officer.get("/loans/" + loan).body()).contains("id=\"proceeds-link\"");
        assertThat(Workbench.loggedIn(port, "enterprise").get("/monitoring/loans/" + loan + "/proceeds").statusCode())
                .as("an enterprise does not see where money went beyond its account").isIn(403, 404);
    }

    private static String account(LendingSteps steps, long enterprise) {
        String account = "6230" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        assertThat(steps.as("admin").post("/api/v1/enterprises/" + enterprise + "/accounts",
                Map.of("accountNo", account, "bankName", "闽江城市商业银行股份有限公司", "currency", "CNY")).status()).isEqualTo(201);
        return account;
    }

}
