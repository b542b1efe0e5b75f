package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.lending.LendingSteps;
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
 * A first loan of 1,000,000.00 guaranteed under the 20:40:20:20 scheme, never repaid and written off: the loss is
 * claimed along the chain and each party pays in its own book — the agency 800,000.00 to the bank, the re-guarantor
 * 400,000.00 to the agency, the national fund 200,000.00 to the re-guarantor — so each bears its part; a recovery of
 * 10,000.00 flows back 8,000.00 / 4,000.00 / 2,000.00. Worked by hand.
 */
@IntegrationTest
class PolicyGuaranteesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    private long institution(String user) {
        return jdbc.sql("SELECT institution_id FROM app_user WHERE username = :u").param("u", user).query(Long.class).single();
    }

    private String creditCode(String user) {
        return jdbc.sql("SELECT i.credit_code FROM institution i JOIN app_user u ON u.institution_id = i.id WHERE u.username = :u")
                .param("u", user).query(String.class).single();
    }

    /** An account's balance in a book (positive on its normal side). */
    private BigDecimal balance(long book, String account) {
        return ledger.trialBalance(book, java.time.LocalDate.of(9999, 12, 31)).lines().stream()
                .filter(l -> l.account().equals(account)).map(l -> l.balance()).findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void a_written_off_loss_is_claimed_along_the_chain_each_paying_its_part_and_a_recovery_flows_back() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long loan = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-02-14");
        String number = steps.loan(loan).get("number").asString();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        Api agency = steps.as("guarantor").header("Accept-Language", "en");
        Api reguarantor = steps.as("reguarantor").header("Accept-Language", "en");
        Api fund = steps.as("nfgf").header("Accept-Language", "en");

        var badFee = bank.post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("guarantor"), "feePercent", "0.8e0"));
        assertThat(badFee.status()).isEqualTo(422);
        assertThat(badFee.body()).contains("\"field\":\"feePercent\"");
        assertThat(bank.post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("guarantor"), "feePercent", "12")).status()).as("above any agency's fee").isEqualTo(422);
        var registered = bank.post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("guarantor"), "feePercent", "1.2"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode g = registered.json();
        assertThat(g.get("feePercent").decimalValue()).as("the agency's fee on this loan, above the scheme's target")
                .isEqualByComparingTo("1.2");
        JsonNode scheme = null;
        for (JsonNode row : bank.get("/api/v1/policy/dashboard").json().get("guarantees")) {
            scheme = row;
        }
        java.math.BigDecimal weighted = jdbc.sql("""
                        SELECT round(sum(amount * fee_percent) / sum(amount), 4) FROM policy_guarantee g
                         JOIN app_user u ON u.institution_id = g.institution_id AND u.username = 'bank'""")
                .query(java.math.BigDecimal.class).single();
        assertThat(scheme.get("averageFeePercent").decimalValue()).as("weighted by the amounts guaranteed")
                .isEqualByComparingTo(weighted);
        assertThat(scheme.get("feeTargetPercent").decimalValue()).isPositive();
        long id = g.get("id").asLong();
        assertThat(g.get("number").asString()).matches("DB\\d{4}\\d{6,}");
        assertThat(g.get("amount").decimalValue()).as("80 % coverage").isEqualByComparingTo("800000.00");
        assertThat(g.get("reguarantor").get("name").asString()).isEqualTo("闽融再担保有限公司");
        assertThat(g.get("fund").get("name").asString()).isEqualTo("国家融资担保基金有限责任公司");
        assertThat(g.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(bank.get("/api/v1/loans/" + loan + "/securities").body()).contains("GUARANTEE", "榕城融资担保有限公司");
        assertThat(steps.loan(loan).get("guaranteeMethod").asString()).isEqualTo("GUARANTEED");
        assertThat(bank.post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("guarantor"))).status()).isEqualTo(409);
        var notAgency = bank.post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("bank2")));
        assertThat(notAgency.status()).isEqualTo(422);
        assertThat(notAgency.body()).contains("policy.guarantee.agency", "\"field\":\"agency\"");
        var early = approver.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("policy.guarantee.not-written-off");

        // never repaid: by 2026-06-29 a loss, written off
        var eod = Api.as(port, "admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2026-06-29"));
        assertThat(eod.status()).as(eod.body()).isEqualTo(200);
        var off = approver.post("/api/v1/loans/" + loan + "/write-off", Map.of("reason", "借款人停产，诉讼终结"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);

        long agencyBook = institution("guarantor");
        long reguarantorBook = institution("reguarantor");
        long fundBook = institution("nfgf");
        BigDecimal agencyBefore = balance(agencyBook, "6521");
        BigDecimal reguarantorBefore = balance(reguarantorBook, "6521");
        BigDecimal fundBefore = balance(fundBook, "6521");

        assertThat(agency.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of()).status())
                .as("the agency claims after the bank").isEqualTo(403);
        var first = approver.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("loss").decimalValue()).isEqualByComparingTo("1000000.00");
        JsonNode c1 = first.json().get("claims").get(0);
        assertThat(c1.get("amount").decimalValue()).isEqualByComparingTo("800000.00");
        assertThat(c1.get("payer").get("name").asString()).isEqualTo("榕城融资担保有限公司");
        var twice = approver.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of());
        assertThat(twice.status()).as("the same loss is claimed once").isEqualTo(409);
        assertThat(twice.body()).contains("policy.guarantee.claimed");
        assertThat(agency.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of()).body())
                .contains("policy.guarantee.previous-unpaid");
        assertThat(approver.post("/api/v1/policy/guarantee-claims/" + c1.get("id").asLong() + "/pay", Map.of()).status())
                .as("the bank does not pay itself").isEqualTo(403);
        var paid = agency.post("/api/v1/policy/guarantee-claims/" + c1.get("id").asLong() + "/pay", Map.of());
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(steps.loan(loan).get("recovered").decimalValue()).as("the bank recovered the covered part")
                .isEqualByComparingTo("800000.00");

        JsonNode c2 = agency.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of()).json().get("claims").get(1);
        assertThat(c2.get("amount").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(reguarantor.post("/api/v1/policy/guarantee-claims/" + c2.get("id").asLong() + "/pay", Map.of()).status())
                .isEqualTo(200);
        JsonNode c3 = reguarantor.post("/api/v1/policy/guarantees/" + id + "/claims", Map.of()).json().get("claims").get(2);
        assertThat(c3.get("amount").decimalValue()).isEqualByComparingTo("200000.00");
        var last = fund.post("/api/v1/policy/guarantee-claims/" + c3.get("id").asLong() + "/pay", Map.of());
        assertThat(last.json().get("status").asString()).isEqualTo("SETTLED");
        assertThat(fund.post("/api/v1/policy/guarantee-claims/" + c3.get("id").asLong() + "/pay", Map.of()).status())
                .isEqualTo(409);
        // each bears its part: agency 800,000 − 400,000, re-guarantor 400,000 − 200,000, the fund 200,000
        assertThat(balance(agencyBook, "6521").subtract(agencyBefore)).isEqualByComparingTo("400000.00");
        assertThat(balance(reguarantorBook, "6521").subtract(reguarantorBefore)).isEqualByComparingTo("200000.00");
        assertThat(balance(fundBook, "6521").subtract(fundBefore)).isEqualByComparingTo("200000.00");

        // a recovery from the borrower flows back up the chain: the bank keeps 20 %
        long bankBook = institution("bank");
        BigDecimal passedBefore = balance(bankBook, "6531");
        var rec = bank.post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "10000.00"));
        assertThat(rec.status()).as(rec.body()).isEqualTo(201);
        assertThat(balance(bankBook, "6531").subtract(passedBefore)).isEqualByComparingTo("8000.00");
        assertThat(balance(agencyBook, "6521").subtract(agencyBefore)).isEqualByComparingTo("396000.00");
        assertThat(balance(reguarantorBook, "6521").subtract(reguarantorBefore)).isEqualByComparingTo("198000.00");
        assertThat(balance(fundBook, "6521").subtract(fundBefore)).isEqualByComparingTo("198000.00");
        JsonNode shared = bank.get("/api/v1/policy/guarantees/" + id).json().get("recoveries").get(0);
        assertThat(shared.get("bankPart").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(shared.get("agencyPart").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(shared.get("fundPart").decimalValue()).isEqualByComparingTo("2000.00");

        // who sees it: the parties to the chain, not another bank or an industry department
        assertThat(fund.get("/api/v1/policy/guarantees/" + id).status()).isEqualTo(200);
        assertThat(steps.as("bank2").get("/api/v1/policy/guarantees/" + id).status()).isEqualTo(404);
        assertThat(steps.as("regulator-miit").get("/api/v1/policy/guarantees/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator-mof").get("/api/v1/policy/guarantees/" + id).status()).isEqualTo(200);
        assertThat(bank.get("/api/v1/policy/guarantees?loanId=" + number + "&status=SETTLED").json().get("total").asInt())
                .isEqualTo(1);
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void in_the_workbench_the_bank_registers_and_each_party_sees_the_chain_and_its_turn() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long loan = steps.disbursedLoan(steps.borrower(), null, "1500000.00", 12, "EQUAL_PRINCIPAL", "2026-06-01");
        String number = steps.loan(loan).get("number").asString();
        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = bank.get("/policy/guarantees").body();
        assertThat(page).contains("id=\"register-form\"", "榕城融资担保有限公司", number);
        var registered = bank.post("/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20", "loan", number,
                "agency", creditCode("guarantor"), "_csrf", cn.chanrong.support.Workbench.csrf(page)));
        String at = registered.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(at).matches("/policy/guarantees/\\d+");
        assertThat(bank.get(at).body()).contains("担保中", "1,200,000.00", "闽江城市商业银行股份有限公司 ← 榕城融资担保有限公司 ← "
                + "闽融再担保有限公司 ← 国家融资担保基金有限责任公司", "20 : 40 : 20 : 20");

        // the demo's chain, paid through: every party sees it settled, with the recovery shared back
        var guarantor = cn.chanrong.support.Workbench.loggedIn(port, "guarantor");
        String list = guarantor.get("/policy/guarantees?status=SETTLED").body();
        assertThat(list).contains("代偿完毕").doesNotContain("id=\"register-form\"");
        long demo = jdbc.sql("""
                SELECT g.id FROM policy_guarantee g WHERE EXISTS (SELECT 1 FROM policy_guarantee_recovery r
                 WHERE r.guarantee_id = g.id AND r.amount = 50000.00) ORDER BY g.id LIMIT 1""").query(Long.class).single();
        String demoPage = cn.chanrong.support.Workbench.loggedIn(port, "nfgf").get("/policy/guarantees/" + demo).body();
        assertThat(demoPage).contains("代偿完毕", "916,666.66", "183,333.34", "50,000.00", "10,000.00")
                .doesNotContain("id=\"claim-form\"", "id=\"pay-form\"");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank2").get("/policy/guarantees/" + demo).statusCode())
                .isEqualTo(404);
    }
}
