package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The detections that need more than the payment: the payees the contract names (entrusted payment), the
 * entrusted-payment threshold (splits), the borrower's related parties (money back round), and the counterparty
 * kinds added (dividends), each through a bank's report.
 */
@IntegrationTest
class MonitoringPatternsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    UseReports daily;

    static String account() {
        return "6222" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    String bind(LendingSteps steps, long borrower) {
        String account = account();
        var bound = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/accounts",
                Map.of("accountNo", account, "bankName", "闽江城市商业银行股份有限公司", "currency", "CNY"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        return account;
    }

    static Map<String, Object> payee(String name, String account, String amount, String mode) {
        return Map.of("name", name, "account", account, "amount", amount, "mode", mode);
    }

    List<String> rules(Api bank, long loan) {
        List<String> out = new ArrayList<>();
        for (var a : bank.get("/api/v1/monitoring/alerts?size=200").json().get("items")) {
            if (a.get("loanId").asLong() == loan) {
                out.add(a.get("rule").asString());
            }
        }
        return out;
    }

    @Test
    void entrusted_money_paid_to_someone_the_contract_does_not_name_is_caught_and_the_named_supplier_is_not() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long loan = steps.disbursedLoanTo(borrower, "1000000.00", today.minusDays(2).toString(),
                List.of(payee("沈阳机床股份有限公司", "6222000011112222", "1000000.00", "ENTRUSTED")));
        String account = bind(steps, borrower);
        Api bank = steps.as("bank");
        String ref = "PO" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = bank.post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "-1", "DEBIT", account, "沈阳机床股份有限公司", "6222000011112222",
                        "500000.00", today.minusDays(1)),
                MonitoringIntegrationTests.payment(ref + "-2", "DEBIT", account, "福州瑞丰投资咨询有限公司", "3100777700001",
                        "300000.00", today.minusDays(1))));
        assertThat(r.json().get("alerts").asInt()).as(r.body()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("payee-other");
    }

    @Test
    void a_self_paid_loan_paid_to_one_supplier_in_parts_past_ten_million_is_caught_on_the_part_that_passes_it() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long loan = steps.disbursedLoanTo(borrower, "12000000.00", today.minusDays(3).toString(),
                List.of(payee("福州恒远贸易有限公司", "3100555500001", "6000000.00", "SELF"),
                        payee("福州精密轴承有限公司", "3100555500002", "6000000.00", "SELF")));
        String account = bind(steps, borrower);
        Api bank = steps.as("bank");
        String ref = "SP" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var first = bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.payment(ref + "-1", "DEBIT",
                account, "福州恒远贸易有限公司", "3100555500001", "6000000.00", today.minusDays(2))));
        assertThat(first.json().get("alerts").asInt()).as(first.body()).isZero();
        var second = bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.payment(ref + "-2", "DEBIT",
                account, "福州恒远贸易有限公司", "3100555500001", "5000000.00", today.minusDays(1))));
        assertThat(second.json().get("alerts").asInt()).as(second.body()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("split");
    }

    @Test
    void loan_money_paid_to_a_trader_that_comes_back_from_the_borrowers_related_party_is_caught_and_a_dividend_is_named_as_such() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long parent = steps.borrower();
        String parentName = jdbc.sql("SELECT name FROM enterprise WHERE id = ?").param(parent).query(String.class).single();
        jdbc.sql("INSERT INTO enterprise_related_party (enterprise_id, related_enterprise_id, relation) VALUES (?, ?, 'PARENT')")
                .param(borrower).param(parent).update();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(4).toString());
        String account = bind(steps, borrower);
        Api bank = steps.as("bank");
        String ref = "RR" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = bank.post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "-1", "DEBIT", account, "福州宏达商贸有限公司", "3100888800001",
                        "400000.00", today.minusDays(3)),
                MonitoringIntegrationTests.payment(ref + "-2", "CREDIT", account, parentName, "3100888800002",
                        "390000.00", today.minusDays(1)),
                Map.of("bankReference", ref + "-3", "direction", "DEBIT", "account", account, "counterpartyName", "王某某",
                        "counterpartyAccount", "6217000012345678", "amount", "50000.00", "currency", "CNY",
                        "valueDate", today.toString(), "remittance", "2026年股东分红")));
        assertThat(r.json().get("alerts").asInt()).as(r.body()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("related-round-trip");
        // a dividend is its own kind; prohibited-use v2 names it from 2026-12-07, after this business date (v1 in force)
        assertThat(jdbc.sql("SELECT category FROM monitoring_payment WHERE bank_reference = ?").param(ref + "-3")
                .query(String.class).single()).isEqualTo("DIVIDEND");
        var v2 = bank.get("/api/v1/monitoring/rules?rule=prohibited-use&status=LIVE").json().get("items");
        boolean found = false;
        for (var v : v2) {
            if (v.get("version").asInt() == 2) {
                found = true;
                assertThat(v.get("effectiveFrom").asString()).isEqualTo("2026-12-07");
                assertThat(v.get("params").get("categories").toString()).contains("DIVIDEND", "EQUITY_INVESTMENT");
                assertThat(v.get("inForce").asBoolean()).isFalse();
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void a_bank_reports_only_the_accounts_it_keeps_an_account_at_another_bank_is_set_aside_naming_it() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(2).toString());
        String elsewhere = account();
        var bound = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/accounts",
                Map.of("accountNo", elsewhere, "bankName", "海峡农村商业银行泉州分行", "currency", "CNY"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        long haixia = jdbc.sql("SELECT id FROM institution WHERE name = '海峡农村商业银行股份有限公司'").query(Long.class).single();
        assertThat(bound.json().get("heldAt").asLong()).as("a branch's name tells the bank").isEqualTo(haixia);
        String ours = bind(steps, borrower);
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String ref = "NH" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = bank.post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "-1", "DEBIT", elsewhere, "国信证券股份有限公司", "3501000000000202",
                        "150000.00", today.minusDays(1)),
                MonitoringIntegrationTests.payment(ref + "-2", "DEBIT", ours, "国信证券股份有限公司", "3501000000000202",
                        "150000.00", today.minusDays(1))));
        assertThat(r.json().get("accepted").asInt()).as(r.body()).isEqualTo(1);
        assertThat(r.json().get("alerts").asInt()).isEqualTo(1);
        var set = r.json().get("deadLetters").get(0);
        assertThat(set.get("index").asInt()).isZero();
        assertThat(MonitoringIntegrationTests.codes(set)).containsExactly("monitoring.payment.not-held");
        assertThat(set.toString()).contains("海峡农村商业银行泉州分行");
    }

    /** A camt.053 of one month of an account at another bank: one payment out to a broker on {@code on}. */
    static String statement(String account, LocalDate on) {
        return statement(account, on, "DBIT", "300000.00", "Cdtr", "国信证券股份有限公司", "证券账户入金", "1700000.00");
    }

    /** As above, one entry of the direction, amount and party given, from an opening balance of 2,000,000.00. */
    static String statement(String account, LocalDate on, String direction, String amount, String role, String party,
                            String remittance, String closing) {
        LocalDate first = on.withDayOfMonth(1);
        LocalDate last = on.withDayOfMonth(on.lengthOfMonth());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                 <BkToCstmrStmt><GrpHdr><MsgId>M-%1$s</MsgId><CreDtTm>%3$sT08:00:00</CreDtTm></GrpHdr>
                  <Stmt><Id>ST-%1$s</Id><Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                   <FrToDt><FrDtTm>%2$sT00:00:00</FrDtTm><ToDtTm>%3$sT23:59:59</ToDtTm></FrToDt>
                   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">2000000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%2$s</Dt></Dt></Bal>
                   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%9$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%3$s</Dt></Dt></Bal>
                   <Ntry><NtryRef>E1</NtryRef><Amt Ccy="CNY">%6$s</Amt><CdtDbtInd>%5$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>%4$s</Dt></BookgDt><ValDt><Dt>%4$s</Dt></ValDt><BkTxCd/>
                    <NtryDtls><TxDtls><RltdPties><%7$s><Nm>%8$s</Nm></%7$s></RltdPties><RmtInf><Ustrd>%10$s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                  </Stmt></BkToCstmrStmt></Document>
                """.formatted(account, first, last, on, direction, amount, role, party, closing, remittance);
    }

    @Test
    void flows_at_another_bank_are_taken_only_under_the_borrowers_post_loan_consent_and_only_once() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long sme = steps.as("enterprise").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
        long loan = steps.disbursedLoan(sme, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(6).toString());
        String elsewhere = account();
        assertThat(steps.as("enterprise").post("/api/v1/enterprises/" + sme + "/accounts",
                Map.of("accountNo", elsewhere, "bankName", "海峡农村商业银行股份有限公司", "currency", "CNY")).status()).isEqualTo(201);
        var imported = steps.as("enterprise").postText("/api/v1/enterprises/" + sme + "/statements", "application/xml",
                statement(elsewhere, today.minusDays(3)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String path = "/api/v1/loans/" + loan + "/consented-flows";

        var refused = bank.post(path, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        var asked = bank.post("/api/v1/consents", Map.of("enterpriseId", sme, "purpose", "POST_LOAN", "loanId", loan,
                "accounts", List.of(elsewhere), "periodFrom", today.minusDays(30).toString(), "periodTo", today.plusDays(300).toString(),
                "expiresOn", today.plusDays(300).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(steps.as("enterprise").post("/api/v1/consents/" + asked.json().get("id").asLong() + "/grant", Map.of()).status())
                .isEqualTo(200);
        assertThat(steps.as("bank2").post(path, Map.of()).status()).as("another bank's loan is not found").isEqualTo(404);

        var taken = bank.post(path, Map.of());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(taken.json().get("alerts").asInt()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("prohibited-use");
        var again = bank.post(path, Map.of());
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().get("alerts").asInt()).isZero();
        // the officer does the same from the loan's proceeds page
        var w = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = w.get("/monitoring/loans/" + loan + "/proceeds").body();
        assertThat(page).contains("id=\"consented-form\"");
        var posted = w.post("/monitoring/loans/" + loan + "/consented-flows", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page)));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(w.get("/monitoring/loans/" + loan + "/proceeds").body()).contains("id=\"taken\"", "已读过1笔");
    }

    @Test
    void another_banks_filing_on_a_loans_collateral_raises_an_alert_for_the_lender_naming_the_filing() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        String grantor = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = ?").param(borrower).query(String.class).single();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(5).toString());
        String receivable = "AR-" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var ours = steps.as("bank").post("/api/v1/registry/filings",
                cn.chanrong.registry.RegistryIntegrationTestsAccess.filing(grantor, "RECEIVABLES_PLEDGE", List.of(receivable), null));
        assertThat(ours.status()).as(ours.body()).isEqualTo(201);
        var secured = steps.as("bank").post("/api/v1/loans/" + loan + "/securities", Map.of("kind", "PLEDGE",
                "description", "应收账款质押 / receivables pledge", "value", "800000.00",
                "filingNumber", ours.json().get("number").asString()));
        assertThat(secured.status()).as(secured.body()).isEqualTo(201);

        var theirs = steps.as("bank2").post("/api/v1/registry/filings",
                cn.chanrong.registry.RegistryIntegrationTestsAccess.filing(grantor, "RECEIVABLES_PLEDGE", List.of(receivable), null));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        String number = theirs.json().get("number").asString();

        // the registry tells monitoring after its transaction commits: wait for it, to a deadline
        Api bank = steps.as("bank");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!rules(bank, loan).contains("collateral-filing") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonNode alert = null;
        for (var a : bank.get("/api/v1/monitoring/alerts?size=200").json().get("items")) {
            if (a.get("loanId").asLong() == loan) {
                alert = a;
            }
        }
        assertThat(alert).as("an alert on loan " + loan).isNotNull();
        assertThat(alert.get("rule").asString()).isEqualTo("collateral-filing");
        assertThat(alert.get("filingNumber").asString()).isEqualTo(number);
        assertThat(alert.get("counterpartyName").asString()).isEqualTo("海峡农村商业银行股份有限公司");
        assertThat(alert.get("amount").isNull()).isTrue();
        assertThat(steps.as("bank2").get("/api/v1/monitoring/alerts/" + alert.get("id").asLong()).status())
                .as("the filer does not see the lender's alert").isEqualTo(404);
        var page = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/monitoring/alerts/" + alert.get("id").asLong());
        assertThat(page.body()).contains("押品被他人登记", number, "海峡农村商业银行股份有限公司");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/monitoring/alerts").body()).contains("押品被他人登记");
    }

    @Test
    void a_working_capital_loan_paying_for_equipment_is_caught_as_against_its_purpose() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(4).toString());
        assertThat(steps.loan(loan).get("purpose").asString()).isEqualTo("WORKING_CAPITAL");
        String account = bind(steps, borrower);
        Api bank = steps.as("bank");
        String ref = "PM" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = bank.post("/api/v1/monitoring/payments", List.of(Map.of("bankReference", ref, "direction", "DEBIT",
                "account", account, "counterpartyName", "沈阳机床股份有限公司", "counterpartyAccount", "6222000011112222",
                "amount", "250000.00", "currency", "CNY", "valueDate", today.minusDays(2).toString(),
                "remittance", "数控机床设备采购款")));
        assertThat(r.json().get("alerts").asInt()).as(r.body()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("purpose-mismatch");
    }

    @Test
    void a_product_that_wants_its_sales_proceeds_back_is_told_when_most_arrive_at_another_bank() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long sme = steps.as("enterprise").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
        long loan = steps.disbursedLoan(sme, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(20).toString());
        long product = jdbc.sql("SELECT product_id FROM loan WHERE id = ?").param(loan).query(Long.class).single();
        Api approver = steps.as("bank-approver");
        Api admin = steps.as("bank-admin");
        Map<String, Object> on = new java.util.HashMap<>(Map.of("rule", "proceeds-return", "productId", product,
                "effectiveFrom", today.toString(), "note", "合同约定销售回款归集本行",
                "params", Map.of("enabled", true, "days", 30, "minSharePercent", 50)));
        long id = approver.post("/api/v1/monitoring/rules", on).json().get("id").asLong();
        approver.post("/api/v1/monitoring/rules/" + id + "/backtest", Map.of("from", today.toString(), "to", today.toString()));
        assertThat(admin.post("/api/v1/monitoring/rules/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        try {
            String ours = bind(steps, sme);
            String ref = "RT" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            Api bank = steps.as("bank");
            assertThat(bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.payment(ref, "CREDIT", ours,
                    "厦门金龙客车有限公司", "3502000000000901", "100000.00", today.minusDays(2)))).json().get("accepted").asInt())
                    .isEqualTo(1);
            String elsewhere = account();
            assertThat(steps.as("enterprise").post("/api/v1/enterprises/" + sme + "/accounts",
                    Map.of("accountNo", elsewhere, "bankName", "海峡农村商业银行股份有限公司", "currency", "CNY")).status())
                    .isEqualTo(201);
            assertThat(steps.as("enterprise").postText("/api/v1/enterprises/" + sme + "/statements", "application/xml",
                    statement(elsewhere, today.minusDays(3), "CRDT", "600000.00", "Dbtr", "厦门金龙客车有限公司", "货款",
                            "2600000.00")).status()).isEqualTo(201);
            var asked = bank.post("/api/v1/consents", Map.of("enterpriseId", sme, "purpose", "POST_LOAN", "loanId", loan,
                    "accounts", List.of(elsewhere), "periodFrom", today.minusDays(30).toString(),
                    "periodTo", today.plusDays(300).toString(), "expiresOn", today.plusDays(300).toString()));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            steps.as("enterprise").post("/api/v1/consents/" + asked.json().get("id").asLong() + "/grant", Map.of());
            assertThat(bank.post("/api/v1/loans/" + loan + "/consented-flows", Map.of()).json().get("accepted").asInt())
                    .isEqualTo(1);

            // 100,000.00 of 700,000.00 came to the bank: a seventh, under half
            assertThat(daily.raiseProceedsNotReturned(today)).isGreaterThanOrEqualTo(1);
            // on the SME's latest loan whose product asks for it (other tests lend to the demo SME too)
            JsonNode raised = null;
            for (var a : bank.get("/api/v1/monitoring/alerts?size=200").json().get("items")) {
                if (a.get("enterpriseId").asLong() == sme && a.get("rule").asString().equals("proceeds-return")) {
                    raised = a;
                }
            }
            assertThat(raised).isNotNull();
            assertThat(raised.get("amount").decimalValue()).isEqualByComparingTo("600000.00");
            assertThat(raised.get("counterpartyName").asString()).isEqualTo("厦门金龙客车有限公司");
            assertThat(daily.raiseProceedsNotReturned(today)).as("raised once").isZero();
        } finally {
            on.put("params", Map.of("enabled", false, "days", 30, "minSharePercent", 50));
            long off = approver.post("/api/v1/monitoring/rules", on).json().get("id").asLong();
            approver.post("/api/v1/monitoring/rules/" + off + "/backtest", Map.of("from", today.toString(), "to", today.toString()));
            assertThat(admin.post("/api/v1/monitoring/rules/" + off + "/activate", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void loan_money_paid_into_another_customers_account_and_sent_straight_on_is_caught_on_the_borrowers_loan() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(5).toString());
        String a = bind(steps, borrower);
        long conduit = steps.borrower();
        steps.disbursedLoan(conduit, null, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(200).toString());
        String x = bind(steps, conduit);
        String conduitName = jdbc.sql("SELECT name FROM enterprise WHERE id = ?").param(conduit).query(String.class).single();
        Api bank = steps.as("bank");
        String ref = "PT" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = bank.post("/api/v1/monitoring/payments", List.of(
                MonitoringIntegrationTests.payment(ref + "-1", "DEBIT", a, conduitName, x, "500000.00", today.minusDays(2)),
                MonitoringIntegrationTests.payment(ref + "-2", "CREDIT", x, "付款人", a, "500000.00", today.minusDays(2)),
                MonitoringIntegrationTests.payment(ref + "-3", "DEBIT", x, "福州鑫海投资咨询有限公司", "3501999900001111",
                        "485000.00", today.minusDays(1))));
        assertThat(r.json().get("alerts").asInt()).as(r.body()).isEqualTo(1);
        assertThat(rules(bank, loan)).containsExactly("pass-through");
        JsonNode alert = null;
        for (var al : bank.get("/api/v1/monitoring/alerts?size=200").json().get("items")) {
            if (al.get("loanId").asLong() == loan) {
                alert = al;
            }
        }
        assertThat(alert.get("enterpriseId").asLong()).isEqualTo(borrower);
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref + "-3");
        assertThat(alert.get("earlier").get("bankReference").asString()).isEqualTo(ref + "-1");
    }
}
