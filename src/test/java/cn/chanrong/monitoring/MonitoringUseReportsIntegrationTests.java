package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A self-paid loan: the bank reports the borrower's payments, the borrower reports its uses — one matched by
 * account a day off, one by name, one that matches nothing — and, the reporting day past, the payment of the
 * loan's money nobody reported raises an alert, once.
 */
@IntegrationTest
class MonitoringUseReportsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    UseReports useReports;

    @Test
    void the_borrower_reports_its_uses_and_an_unreported_payment_of_loan_money_raises_an_alert() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        LocalDate d = today.minusDays(40);
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", d.toString());
        String user = "sme" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, role, enterprise_id)
                        SELECT :u, password_hash, '财务经理', 'ENTERPRISE', :e FROM app_user WHERE username = 'enterprise'""")
                .param("u", user).param("e", borrower).update();
        String account = "6231" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        assertThat(steps.as("admin").post("/api/v1/enterprises/" + borrower + "/accounts",
                Map.of("accountNo", account, "bankName", "闽江城市商业银行股份有限公司", "currency", "CNY")).status()).isEqualTo(201);
        String ref = "UR" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var seen = steps.as("bank").post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "0", "CREDIT", account, "贷款发放", "9999000000000001", "1000000.00", d),
                MonitoringIntegrationTests.payment(ref + "1", "DEBIT", account, "福州精工轴承有限公司", "3501000000000101", "300000.00", d.plusDays(2)),
                MonitoringIntegrationTests.payment(ref + "2", "DEBIT", account, "福州榕通贸易有限公司", "3501000000000303", "200000.00", d.plusDays(5)),
                MonitoringIntegrationTests.payment(ref + "3", "DEBIT", account, "福州闽侯机电设备有限公司", "3501000000000404", "100000.00", d.plusDays(6))));
        assertThat(seen.json().get("accepted").asInt()).as(seen.body()).isEqualTo(4);

        Api sme = steps.as(user).header("Accept-Language", "en");
        String uses = "/api/v1/loans/" + loan + "/use-reports";
        var bad = sme.post(uses, List.of(use("福州精工轴承有限公司", null, "1e5", "FP-1", d.plusDays(1))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"uses[0].amount\"");
        assertThat(steps.as("bank").post(uses, List.of(use("x", null, "1.00", "FP-1", d))).status())
                .as("only the borrower reports").isEqualTo(403);

        var reported = sme.post(uses, List.of(
                use("福州精工轴承有限公司", "3501000000000101", "300000.00", "FP-20261101", d.plusDays(1)),
                use("福州榕通贸易有限公司", null, "200000.00", "HT-2026-018", d.plusDays(5)),
                use("福州某设备公司", null, "50000.00", "HT-2026-020", d.plusDays(7))));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        JsonNode ledger = reported.json();
        assertThat(ledger.get("reported").decimalValue()).isEqualByComparingTo("550000.00");
        assertThat(ledger.get("matched").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(ledger.get("paidOut").decimalValue()).as("first in, first out: all three were loan money")
                .isEqualByComparingTo("600000.00");
        assertThat(ledger.get("uses").get(0).get("paymentReference").asString()).isEqualTo(ref + "1");
        assertThat(ledger.get("uses").get(0).get("sampled").asBoolean()).as("a tenth of the principal or more").isTrue();
        assertThat(ledger.get("uses").get(2).get("matched").asBoolean()).isFalse();
        assertThat(ledger.get("unreported")).hasSize(1);
        assertThat(ledger.get("unreported").get(0).get("bankReference").asString()).isEqualTo(ref + "3");

        var again = sme.post(uses, List.of(use("福州精工轴承有限公司", null, "300000.00", "FP-20261101", d.plusDays(1)),
                use("某公司", null, "500000.00", "HT-9", d.plusDays(1))));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("monitoring.use.duplicate", "monitoring.use.over-principal");
        assertThat(sme.get(uses).json().get("uses")).as("nothing half-saved").hasSize(3);

        assertThat(steps.as("bank").get(uses).json().get("matched").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(steps.as("bank2").get(uses).status()).isEqualTo(404);
        assertThat(steps.as("enterprise").get(uses).status()).as("another enterprise").isEqualTo(404);

        assertThat(useReports.raiseUnreported(today)).as("the reporting day passed ten days ago").isPositive();
        assertThat(useReports.raiseUnreported(today)).as("once").isZero();
        JsonNode alert = null;
        for (JsonNode a : steps.as("bank").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json().get("items")) {
            if (a.get("loanId").asLong() == loan && a.get("rule").asString().equals(UseReports.RULE)) {
                alert = a;
            }
        }
        assertThat(alert).isNotNull();
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref + "3");

        Workbench b = Workbench.loggedIn(port, user);
        String page = b.get("/monitoring/loans/" + loan + "/uses").body();
        assertThat(page).contains("id=\"uses\"", "HT-2026-018", "id=\"use-form\"");
        var typo = b.post("/monitoring/loans/" + loan + "/uses", Map.of("_csrf", Workbench.csrf(page), "payeeName", "福州闽侯机电设备有限公司",
                "amount", "10万", "purpose", "设备款", "documentNumber", "FP-77", "paidOn", d.plusDays(6).toString()));
        String back = b.get(typo.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(back).contains("id=\"problems\"", "10万");
    }


    private static Map<String, Object> use(String payee, String account, String amount, String document, LocalDate on) {
        var m = new java.util.HashMap<String, Object>(Map.of("payeeName", payee, "amount", amount, "purpose", "原材料采购",
                "documentNumber", document, "paidOn", on.toString()));
        if (account != null) {
            m.put("payeeAccount", account);
        }
        return m;
    }
}
