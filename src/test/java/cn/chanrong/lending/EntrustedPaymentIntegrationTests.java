package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The 2024 loan rules through the API: entrusted payment decided per payment at disbursement
 * (流动资金贷款管理办法 and 固定资产贷款管理办法, NFRA 2024), the project investment of fixed-asset loans, and
 * the working-capital term with its operating-cycle reason.
 */
@IntegrationTest
class EntrustedPaymentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chanrong.reference.BusinessDate businessDate;

    LendingSteps steps;

    @BeforeEach
    void steps() {
        steps = new LendingSteps(port, jdbc);
    }

    Api bank() {
        return steps.as("bank").header("Accept-Language", "en");
    }

    /** A contracted, undisbursed loan of the demo bank's tech product, self-paid by contract unless said. */
    long contracted(long borrower, String amount, Map<String, Object> extra) {
        Map<String, Object> body = LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower, null, amount, 24,
                "EQUAL_PRINCIPAL");
        body.putAll(extra);
        return contract(body);
    }

    long contract(Map<String, Object> body) {
        var app = bank().post("/api/v1/loan-applications", body);
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long id = app.json().get("id").asLong();
        steps.act("bank", id, "PASS", 200);
        if (app.json().get("steps").size() == 3) {
            steps.act("bank-reviewer", id, "PASS", 200);
        }
        steps.act("bank-approver", id, "PASS", 200);
        var loan = bank().post("/api/v1/loan-applications/" + id + "/contract", null);
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        return loan.json().get("id").asLong();
    }

    Api.Response disburse(long loan, List<Map<String, Object>> payees) {
        return bank().post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2026-06-01", "payees", payees));
    }

    static Map<String, Object> payee(String name, String amount, String mode) {
        return Map.of("name", name, "account", "6222000011112222", "amount", amount, "mode", mode);
    }

    @Test
    void a_twelve_million_payment_to_one_payee_is_refused_as_self_payment_and_accepted_entrusted() {
        long loan = contracted(steps.borrower(), "12000000.00", Map.of());
        var self = disburse(loan, List.of(payee("沈阳机床股份有限公司", "12000000.00", "SELF")));
        assertThat(self.status()).as(self.body()).isEqualTo(422);
        JsonNode e = self.json().get("errors").get(0);
        assertThat(e.get("code").asString()).isEqualTo("lending.entrusted.single-payment");
        assertThat(e.get("message").asString()).contains("沈阳机床股份有限公司", "12000000.00", "10000000.00", "流动资金贷款管理办法");
        var unlisted = bank().post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2026-06-01"));
        assertThat(unlisted.status()).as("the whole principal, unlisted, is one payment").isEqualTo(422);

        var entrusted = disburse(loan, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED")));
        assertThat(entrusted.status()).as(entrusted.body()).isEqualTo(201);
        var payees = bank().get("/api/v1/loans/" + loan + "/payees").json();
        assertThat(payees.get(0).get("mode").asString()).isEqualTo("ENTRUSTED");
    }

    @Test
    void an_entrusted_large_payee_and_a_self_paid_small_one_make_one_loan() {
        long loan = contracted(steps.borrower(), "15000000.00", Map.of());
        var mixed = disburse(loan, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED"),
                payee("大连光洋科技集团有限公司", "3000000.00", "SELF")));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(201);
        var payees = bank().get("/api/v1/loans/" + loan + "/payees").json();
        assertThat(payees.get(0).get("mode").asString()).isEqualTo("ENTRUSTED");
        assertThat(payees.get(1).get("mode").asString()).isEqualTo("SELF");
        assertThat(bank().get("/api/v1/loans/" + loan + "/transactions").json().get(0).get("payee").asString())
                .as("the movement names whom the bank paid").contains("沈阳机床").doesNotContain("大连光洋");
    }

    @Test
    void a_self_paid_loan_lists_its_large_payee_and_self_pays_the_rest() {
        long loan = contracted(steps.borrower(), "15000000.00", Map.of());
        var split = disburse(loan, List.of(payee("沈阳机床股份有限公司", "6000000.00", "SELF"),
                payee("沈阳机床股份有限公司", "6000000.00", "SELF")));
        assertThat(split.status()).as("two lines to one counterparty are one payment").isEqualTo(422);
        var listed = disburse(loan, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED")));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    }

    @Test
    void a_first_time_average_grade_borrower_must_entrust_every_payment() {
        long borrower = steps.borrower();
        long institution = jdbc.sql("SELECT institution_id FROM product WHERE code = 'MJ-ZJTX-01'").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO credit_decision (enterprise_id, institution_id, model_id, terms, inputs, score, pd, grade,
                                                     recommended_limit, outcome, reasons, decided_by)
                        VALUES (:e, :i, (SELECT min(id) FROM credit_model), CAST(:t AS jsonb), CAST('{}' AS jsonb), 560, 0.060000,
                                'BB', 2000000.00, 'REFER', CAST('[]' AS jsonb), 'bank')""")
                .param("e", borrower).param("i", institution)
                .param("t", "{\"amount\": 1000000, \"months\": 24, \"purpose\": \"WORKING_CAPITAL\", \"secured\": true}").update();
        long loan = contracted(borrower, "1000000.00", Map.of());
        var self = bank().post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2026-06-01"));
        assertThat(self.status()).as(self.body()).isEqualTo(422);
        assertThat(self.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.entrusted.newly-related");
        assertThat(self.json().get("errors").get(0).get("message").asString()).contains("BB", "BBB");
        var small = disburse(loan, List.of(payee("福州精密轴承有限公司", "400000.00", "ENTRUSTED"),
                payee("厦门数控刀具有限公司", "600000.00", "SELF")));
        assertThat(small.status()).as("even a small payment").isEqualTo(422);
        assertThat(small.body()).contains("厦门数控刀具有限公司").doesNotContain("福州精密轴承有限公司");
        var entrusted = disburse(loan, List.of(payee("福州精密轴承有限公司", "400000.00", "ENTRUSTED"),
                payee("厦门数控刀具有限公司", "600000.00", "ENTRUSTED")));
        assertThat(entrusted.status()).as(entrusted.body()).isEqualTo(201);

        // the relationship exists now: the next loan may be self-paid
        long next = contracted(borrower, "1000000.00", Map.of());
        var later = bank().post("/api/v1/loans/" + next + "/disbursements", Map.of("valueDate", "2026-06-01"));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
    }

    @Test
    void a_fixed_asset_loan_needs_its_project_investment_and_entrusts_a_payment_over_five_percent_of_it() {
        long borrower = steps.borrower();
        Map<String, Object> body = LendingSteps.application(steps.product("MJ-SBGX-01"), borrower, null, "8000000.00", 60,
                "EQUAL_PRINCIPAL");
        body.put("purpose", "FIXED_ASSET");
        var missing = bank().post("/api/v1/loan-applications", body);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("projectInvestment");
        body.put("purpose", "EQUIPMENT_RENEWAL");
        var renewal = bank().post("/api/v1/loan-applications", body);
        assertThat(renewal.status()).as("equipment renewal on a fixed-asset product is a fixed-asset loan").isEqualTo(422);
        assertThat(renewal.json().get("errors").get(0).get("field").asString()).isEqualTo("projectInvestment");
        body.put("purpose", "FIXED_ASSET");
        body.put("projectInvestment", "100000000.00");
        long loan = contract(body);
        var self = disburse(loan, List.of(payee("济南二机床集团有限公司", "6000000.00", "SELF"),
                payee("山东威达重工股份有限公司", "2000000.00", "SELF")));
        assertThat(self.status()).as(self.body()).isEqualTo(422);
        assertThat(self.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.entrusted.fixed-asset-share");
        assertThat(self.json().get("errors").size()).as("2 M is within 5 % of 100 M").isEqualTo(1);
        var ok = disburse(loan, List.of(payee("济南二机床集团有限公司", "6000000.00", "ENTRUSTED"),
                payee("山东威达重工股份有限公司", "2000000.00", "SELF")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void a_working_capital_term_over_three_years_records_the_operating_cycle_reason() {
        long borrower = steps.borrower();
        Map<String, Object> body = LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower, null, "2000000.00", 48,
                "EQUAL_PRINCIPAL");
        var bare = bank().post("/api/v1/loan-applications", body);
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.term.operating-cycle");
        body.put("termReason", "重型机床生产周期18个月，回款周期长 / an 18-month production cycle");
        var justified = bank().post("/api/v1/loan-applications", body);
        assertThat(justified.status()).as(justified.body()).isEqualTo(201);
        assertThat(justified.json().get("termReason").asString()).contains("18");
        body.put("termMonths", 66);
        assertThat(bank().post("/api/v1/loan-applications", body).status()).as("five years at most").isEqualTo(422);
    }

    @Test
    void an_institution_sets_its_own_thresholds_from_a_date_beside_the_platforms() {
        var rules = steps.as("bank2").get("/api/v1/lending/payment-rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("10000000.00", "0.0500", "BBB", "流动资金贷款管理办法");
        // from a later date, so other tests of the shared database keep the platform's figures today
        String today = businessDate.today().plusYears(5).toString();
        Map<String, Object> strict = Map.of("effectiveFrom", today, "singlePayment", "2000000.00",
                "fixedAssetShare", "0.03", "fixedAssetPayment", "5000000.00", "averageGrade", "BB",
                "source", "本行受托支付管理细则（2026）");
        assertThat(steps.as("bank2").put("/api/v1/lending/payment-rules", strict).status()).as("approvers only").isEqualTo(403);
        var set = steps.as("bank2-approver").put("/api/v1/lending/payment-rules", strict);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Map<String, Object> bad = new java.util.HashMap<>(strict);
        bad.put("fixedAssetShare", "1.5");
        bad.put("averageGrade", "Z");
        var refused = steps.as("bank2-approver").put("/api/v1/lending/payment-rules", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("fixedAssetShare", "averageGrade");
        assertThat(steps.as("bank2").get("/api/v1/lending/payment-rules").body()).contains("本行受托支付管理细则");
        assertThat(steps.as("bank").get("/api/v1/lending/payment-rules").body()).as("another bank's rows")
                .doesNotContain("本行受托支付管理细则");
    }

    /** A fully-digital invoice the seller issued to the buyer, uploaded by the platform's administrator. */
    String invoice(String sellerCode, String sellerName, String buyerCode, String amount, String tax, String total) {
        String number = "2644" + String.format("%016d",
                java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        var r = steps.as("admin").postText("/api/v1/invoices?format=csv", "text/csv",
                "number,issued_on,seller_code,seller_name,buyer_code,buyer_name,amount_ex_tax,tax,total,red,original_number\n"
                        + String.join(",", number, "2026-05-20", sellerCode, sellerName, buyerCode, "买方", amount, tax,
                        total, "false", "") + "\n");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return number;
    }

    static Map<String, Object> payee(String name, String amount, String mode, String invoice) {
        return Map.of("name", name, "account", "6222000011112222", "amount", amount, "mode", mode, "invoice", invoice);
    }

    @Test
    void an_invoice_supports_one_entrusted_payment_and_the_second_citing_it_is_refused_naming_the_first() throws Exception {
        long borrower = steps.borrower();
        String buyerCode = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", borrower)
                .query(String.class).single();
        String number = invoice(cn.chanrong.support.Fixtures.freshCreditCode("210100"), "沈阳机床股份有限公司", buyerCode,
                "10619469.03", "1380530.97", "12000000.00");
        long first = contracted(borrower, "12000000.00", Map.of());

        var malformed = disburse(first, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED", "12345")));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.disburse.invoice-format");
        var unknown = disburse(first, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED", "26449999999999999998")));
        assertThat(unknown.json().get("errors").get(0).get("code").asString()).isEqualTo("monitoring.invoice.unknown");
        var otherPayee = disburse(first, List.of(payee("大连光洋科技集团有限公司", "12000000.00", "ENTRUSTED", number)));
        assertThat(otherPayee.status()).isEqualTo(422);
        JsonNode seller = otherPayee.json().get("errors").get(0);
        assertThat(seller.get("code").asString()).isEqualTo("monitoring.invoice.seller");
        assertThat(seller.get("field").asString()).isEqualTo("invoice");
        assertThat(seller.get("message").asString()).contains("沈阳机床股份有限公司", "大连光洋科技集团有限公司");
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_invoice_use WHERE invoice_number = :n").param("n", number)
                .query(Long.class).single()).as("a refused disbursement keeps nothing").isZero();

        var paid = disburse(first, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED", number)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(bank().get("/api/v1/loans/" + first + "/payees").json().get(0).get("invoice").asString()).isEqualTo(number);
        String firstNumber = steps.loan(first).get("number").asString();
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/loans/" + first).body())
                .as("the loan page lists the payee with the invoice it rests on")
                .contains("受托支付与收款人", "沈阳机床股份有限公司", number);

        long second = contracted(borrower, "12000000.00", Map.of());
        var again = disburse(second, List.of(payee("沈阳机床股份有限公司", "12000000.00", "ENTRUSTED", number)));
        assertThat(again.status()).isEqualTo(422);
        JsonNode used = again.json().get("errors").get(0);
        assertThat(used.get("code").asString()).isEqualTo("monitoring.invoice.used");
        assertThat(used.get("message").asString()).contains(number, firstNumber, "沈阳机床股份有限公司", "12000000.00", "2026-06-01");
        assertThat(steps.loan(second).get("status").asString()).as("nothing of the refused disbursement stays")
                .isEqualTo("CONTRACTED");
    }
}
