package cn.chanrong.cashflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Statements as the bank sent them (issue 17 §8): a statement in another currency than its account is
 * refused naming both, and a batched entry is stored transaction by transaction, once.
 */
@IntegrationTest
class StatementsAsSentIntegrationTests {

    static final String FIXTURE_ACCOUNT = "6217000010001234567";

    @LocalServerPort
    int port;

    @Autowired
    CashFlows cashFlows;

    long sme() {
        return Api.as(port, "enterprise").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
    }

    String bind(long enterprise, String currency) {
        String no = "6217" + (System.nanoTime() % 1_000_000_000_000L);
        var bound = Api.as(port, "enterprise").post("/api/v1/enterprises/" + enterprise + "/accounts",
                Map.of("accountNo", no, "bankName", "示范农业银行常州分行", "currency", currency));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        return no;
    }

    static String batched(String account) {
        try (InputStream in = StatementsAsSentIntegrationTests.class.getResourceAsStream("/cn/chanrong/cashflow/camt054-batched.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(FIXTURE_ACCOUNT, account);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String chfStatement(String account) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                 <BkToCstmrStmt><GrpHdr><MsgId>M-CHF</MsgId><CreDtTm>2026-04-01T08:00:00</CreDtTm></GrpHdr>
                  <Stmt><Id>CHF-%1$s</Id><Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CHF</Ccy></Acct>
                   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">900.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
                   <Ntry><NtryRef>CH1</NtryRef><Amt Ccy="CHF">900.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-03-09</Dt></BookgDt></Ntry>
                  </Stmt></BkToCstmrStmt></Document>
                """.formatted(account);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    List<JsonNode> transactions(long sme, String account) {
        List<JsonNode> out = new ArrayList<>();
        Api.as(port, "enterprise").get("/api/v1/enterprises/" + sme + "/transactions?size=200&account=" + account).json()
                .get("items").forEach(out::add);
        return out;
    }

    @Test
    void a_chf_statement_on_a_eur_account_is_refused_naming_both_currencies_and_nothing_is_stored() {
        long sme = sme();
        String account = bind(sme, "EUR");
        String path = "/api/v1/enterprises/" + sme + "/statements";
        var en = Api.as(port, "enterprise").header("Accept-Language", "en").postText(path, "application/xml", chfStatement(account));
        assertThat(en.status()).as(en.body()).isEqualTo(422);
        assertThat(en.header("Content-Type")).contains("application/problem+json");
        assertThat(en.body()).contains("Acct/Ccy", "CHF-" + account, "is in CHF", "bound in EUR", "cashflow.currency.statement");
        var zh = Api.as(port, "enterprise").header("Accept-Language", "zh-CN").postText(path, "application/xml", chfStatement(account));
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.body()).contains("币种（Acct/Ccy）为CHF", "绑定的币种为EUR");

        var euro = Api.as(port, "enterprise").header("Accept-Language", "en")
                .postText(path, "application/xml", chfStatement(account).replace("<Ccy>CHF</Ccy>", "<Ccy>EUR</Ccy>"));
        assertThat(euro.status()).as("an entry in CHF on a EUR statement").isEqualTo(422);
        assertThat(euro.body()).contains("Entry CH1", "is in CHF", "Amt/@Ccy", "bound in EUR");

        List<String> stored = new ArrayList<>();
        Api.as(port, "enterprise").get(path + "?size=200").json().get("items").forEach(s -> stored.add(text(s, "accountNo")));
        assertThat(stored).as("nothing written").doesNotContain(account);
        assertThat(transactions(sme, account)).isEmpty();
        var fine = Api.as(port, "enterprise").postText(path, "application/xml", chfStatement(account).replace("CHF", "EUR"));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void a_batched_entry_is_stored_per_transaction_once_and_seen_by_categories_and_the_credit_inputs() {
        long sme = sme();
        String account = bind(sme, "CNY");
        String path = "/api/v1/enterprises/" + sme + "/statements";
        var imported = Api.as(port, "enterprise").postText(path, "application/xml", batched(account));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("entries").asInt()).isEqualTo(6);
        assertThat(imported.json().get("newEntries").asInt()).isEqualTo(6);

        List<JsonNode> rows = transactions(sme, account);
        assertThat(rows).extracting(t -> text(t, "entryRef"), t -> text(t, "transactionRef"),
                        t -> t.get("amount").decimalValue().setScale(2).toPlainString(), t -> text(t, "counterpartyName"))
                .containsExactlyInAnyOrder(
                        tuple("PAY-RUN-0312", "ABC20260312T001", "-120000.00", "常州恒力精密铸造有限公司"),
                        tuple("PAY-RUN-0312", "PO-2026-0191", "-48500.00", "无锡华科电气设备有限公司"),
                        tuple("PAY-RUN-0312", "#3", "-18000.00", "国家金库常州市中心支库"),
                        tuple("COL-0312", "ABC20260312C101", "50000.00", "苏州盛达机械制造有限公司"),
                        tuple("COL-0312", "ABC20260312C102", "25300.00", "南通海洋装备有限公司"),
                        tuple("FEE-0312", null, "-35.00", null));
        assertThat(rows).filteredOn(t -> "#3".equals(text(t, "transactionRef")))
                .singleElement().satisfies(t -> assertThat(t.get("category").asString()).isEqualTo("TAX"));

        // the same notification again under another id, and the end-of-day statement with the run as one entry
        var again = Api.as(port, "enterprise").postText(path, "application/xml",
                batched(account).replace("<Id>NTF20260312-0007</Id>", "<Id>NTF20260312-0007-R</Id>"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("newEntries").asInt()).isZero();
        String whole = batched(account).replace("<Id>NTF20260312-0007</Id>", "<Id>NTF20260312-0007-W</Id>")
                .replaceAll("(?s)<NtryDtls>.*?</NtryDtls>", "");
        var aggregate = Api.as(port, "enterprise").postText(path, "application/xml", whole);
        assertThat(aggregate.status()).as(aggregate.body()).isEqualTo(201);
        assertThat(aggregate.json().get("newEntries").asInt()).as("the run and the collection are stored already").isZero();
        assertThat(transactions(sme, account)).hasSize(6);

        List<CashFlows.Transaction> seen = cashFlows.flowsForEvaluation(sme, LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 12))
                .stream().filter(t -> t.accountNo().equals(account)).toList();
        assertThat(seen).extracting(CashFlows.Transaction::counterpartyName).contains("常州恒力精密铸造有限公司",
                "无锡华科电气设备有限公司", "国家金库常州市中心支库", "苏州盛达机械制造有限公司", "南通海洋装备有限公司");
    }

    @Test
    void details_arriving_after_the_entry_was_stored_whole_take_its_place() {
        long sme = sme();
        String account = bind(sme, "CNY");
        String path = "/api/v1/enterprises/" + sme + "/statements";
        String whole = batched(account).replace("<Id>NTF20260312-0007</Id>", "<Id>NTF20260312-0007-W</Id>")
                .replaceAll("(?s)<NtryDtls>.*?</NtryDtls>", "");
        assertThat(Api.as(port, "enterprise").postText(path, "application/xml", whole).status()).isEqualTo(201);
        assertThat(transactions(sme, account)).hasSize(3);
        var details = Api.as(port, "enterprise").postText(path, "application/xml", batched(account));
        assertThat(details.status()).as(details.body()).isEqualTo(201);
        assertThat(details.json().get("newEntries").asInt()).as("five transactions replace two whole entries").isEqualTo(5);
        assertThat(transactions(sme, account)).extracting(t -> text(t, "entryRef") + "/" + text(t, "transactionRef"))
                .containsExactlyInAnyOrder("PAY-RUN-0312/ABC20260312T001", "PAY-RUN-0312/PO-2026-0191", "PAY-RUN-0312/#3",
                        "COL-0312/ABC20260312C101", "COL-0312/ABC20260312C102", "FEE-0312/null");
    }

    @Test
    void a_batch_that_does_not_add_up_is_refused_naming_both_figures() {
        long sme = sme();
        String account = bind(sme, "CNY");
        var refused = Api.as(port, "enterprise").header("Accept-Language", "en").postText("/api/v1/enterprises/" + sme + "/statements",
                "application/xml", batched(account).replace("<Amt Ccy=\"CNY\">48500.00</Amt>", "<Amt Ccy=\"CNY\">48000.00</Amt>"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("PAY-RUN-0312", "-186000.00", "-186500.00", "TxDtls/Amt");
        assertThat(transactions(sme, account)).isEmpty();
    }
}
