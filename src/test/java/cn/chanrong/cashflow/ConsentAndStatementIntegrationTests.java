package cn.chanrong.cashflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consent before data: an institution reads an enterprise's cash flows only while the enterprise's
 * consent is live; statements import whole or not at all.
 */
@IntegrationTest
class ConsentAndStatementIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long sme() {
        return Api.as(port, "enterprise").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
    }

    static String camt(String statementId, String account, String opening, String closing, String... entries) {
        StringBuilder e = new StringBuilder();
        for (String entry : entries) {
            e.append(entry);
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                 <BkToCstmrStmt><GrpHdr><MsgId>M-%1$s</MsgId><CreDtTm>2026-04-01T08:00:00</CreDtTm></GrpHdr>
                  <Stmt><Id>%1$s</Id><Acct><Id><Othr><Id>%2$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                   <FrToDt><FrDtTm>2026-03-01T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>
                   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
                   %5$s
                  </Stmt></BkToCstmrStmt></Document>
                """.formatted(statementId, account, opening, closing, e);
    }

    static String entry(String ref, String amount, String direction, String day, String party) {
        String role = "CRDT".equals(direction) ? "Dbtr" : "Cdtr";
        return """
                <Ntry><NtryRef>%1$s</NtryRef><Amt Ccy="CNY">%2$s</Amt><CdtDbtInd>%3$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                 <BookgDt><Dt>2026-03-%4$s</Dt></BookgDt><ValDt><Dt>2026-03-%4$s</Dt></ValDt><BkTxCd/>
                 <NtryDtls><TxDtls><RltdPties><%5$s><Nm>%6$s</Nm></%5$s></RltdPties><RmtInf><Ustrd>货款</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """.formatted(ref, amount, direction, day, role, party);
    }

    String bind(long enterprise, String user) {
        String no = "6222" + (System.nanoTime() % 1_000_000_000_000L);
        var bound = Api.as(port, user).post("/api/v1/enterprises/" + enterprise + "/accounts",
                Map.of("accountNo", no, "bankName", "示范城市商业银行"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        return no;
    }

    @Test
    void an_institution_reads_cash_flows_only_while_the_enterprise_consents() {
        long sme = sme();
        String account = bind(sme, "enterprise");
        String xml = camt("ST-" + account, account, "1000.00", "151000.00",
                entry("E1", "200000.00", "CRDT", "05", "苏州精密机床客户有限公司"),
                entry("E2", "48000.00", "DBIT", "10", "国家金库苏州市中心支库"),
                entry("E3", "2000.00", "DBIT", "20", "示范供电公司"));
        var imported = Api.as(port, "enterprise").postText("/api/v1/enterprises/" + sme + "/statements", "application/xml", xml);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("newEntries").asInt()).isEqualTo(3);
        assertThat(imported.json().get("statements").get(0).get("source").asString()).isEqualTo("SELF_UPLOAD");

        String txns = "/api/v1/enterprises/" + sme + "/transactions?account=" + account;
        var none = Api.as(port, "bank").header("Accept-Language", "en").get(txns);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body()).contains("No live consent").contains("none requested");

        var asked = Api.as(port, "bank").post("/api/v1/consents", Map.of("enterpriseId", sme, "purpose", "PRE_LOAN",
                "accounts", java.util.List.of(account), "periodFrom", "2025-04-01", "periodTo", "2026-03-31",
                "expiresOn", "2099-01-01"));
        assertThat(asked.status()).as("expiry too far ahead").isEqualTo(422);
        assertThat(asked.body()).contains("expiresOn");
        String expiry = java.time.LocalDate.now().plusMonths(3).toString();
        asked = Api.as(port, "bank").post("/api/v1/consents", Map.of("enterpriseId", sme, "purpose", "PRE_LOAN",
                "accounts", java.util.List.of(account), "periodFrom", "2025-04-01", "periodTo", "2026-03-31",
                "expiresOn", expiry));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long consent = asked.json().get("id").asLong();
        assertThat(Api.as(port, "bank").header("Accept-Language", "en").get(txns).body()).contains("awaits the enterprise");
        assertThat(Api.as(port, "bank").post("/api/v1/consents/" + consent + "/grant", Map.of()).status())
                .as("only the enterprise answers").isEqualTo(403);

        var granted = Api.as(port, "enterprise").post("/api/v1/consents/" + consent + "/grant", Map.of());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        var read = Api.as(port, "bank").get(txns);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("total").asInt()).isEqualTo(3);
        assertThat(read.body()).contains("\"category\":\"TAX\"", "\"category\":\"UTILITIES\"");
        assertThat(Api.as(port, "bank2").get(txns).status()).as("another bank has no consent").isEqualTo(403);

        assertThat(Api.as(port, "enterprise").post("/api/v1/consents/" + consent + "/revocation", Map.of()).status()).isEqualTo(200);
        var revoked = Api.as(port, "bank").header("Accept-Language", "en").get(txns);
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.body()).contains("revoked");
        assertThat(Api.as(port, "enterprise").get(txns).json().get("total").asInt()).as("the enterprise sees its own").isEqualTo(3);
    }

    @Test
    void a_duplicate_a_broken_balance_and_an_xxe_payload_are_refused_leaving_nothing() {
        long sme = sme();
        String account = bind(sme, "enterprise");
        String path = "/api/v1/enterprises/" + sme + "/statements";
        Api sme1 = Api.as(port, "enterprise").header("Accept-Language", "en");
        String good = camt("A-" + account, account, "0.00", "500.00", entry("G1", "500.00", "CRDT", "02", "客户甲有限公司"));
        assertThat(sme1.postText(path, "application/xml", good).status()).isEqualTo(201);
        var again = sme1.postText(path, "application/xml", good);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("A-" + account).contains("imported before");

        String broken = camt("B-" + account, account, "500.00", "900.00", entry("G2", "300.00", "CRDT", "03", "客户乙有限公司"))
                .replace("2026-03-01", "2026-04-01").replace("2026-03-31", "2026-04-30").replace("2026-03-03", "2026-04-03");
        var refused = sme1.postText(path, "application/xml", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("B-" + account).contains("800.00").contains("900.00");

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";
        var attack = sme1.postText(path, "application/xml", xxe);
        assertThat(attack.status()).isEqualTo(422);
        assertThat(attack.body()).doesNotContain("root:");
        var stored = new java.util.ArrayList<String>();
        sme1.get(path + "?size=200").json().get("items").forEach(st -> {
            if (st.get("accountNo").asString().equals(account)) {
                stored.add(st.get("statementRef").asString());
            }
        });
        assertThat(stored).as("only the good statement is stored").containsExactly("A-" + account);
        assertThat(sme1.get("/api/v1/enterprises/" + sme + "/transactions?account=" + account).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_gbk_csv_imports_and_another_enterprise_s_account_is_refused() {
        long sme = sme();
        String account = bind(sme, "enterprise");
        String csv = "账号,交易日期,流水号,金额,对方户名,摘要,余额\n"
                + account + ",2026-02-03,C1,12000.50,华东客户有限公司,货款,12000.50\n"
                + account + ",2026-02-25,C2,-3000.00,代发工资,工资,9000.50\n";
        var gbk = Api.as(port, "enterprise").postBytes("/api/v1/enterprises/" + sme + "/statements", "text/csv",
                csv.getBytes(Charset.forName("GBK")));
        assertThat(gbk.status()).as(gbk.body()).isEqualTo(201);
        assertThat(gbk.json().get("encoding").asString()).isEqualTo("GBK");
        assertThat(Api.as(port, "enterprise").get("/api/v1/enterprises/" + sme + "/transactions?category=PAYROLL&account=" + account)
                .json().get("total").asInt()).isEqualTo(1);

        long core = Api.as(port, "core").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
        String theirs = bind(core, "core");
        var foreign = Api.as(port, "enterprise").postText("/api/v1/enterprises/" + sme + "/statements", "application/xml",
                camt("F-" + theirs, theirs, "0.00", "1.00", entry("F1", "1.00", "CRDT", "02", "某公司")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains(theirs);
    }

    @Test
    void post_loan_consent_must_name_an_outstanding_loan() {
        var missing = Api.as(port, "bank").header("Accept-Language", "en").post("/api/v1/consents", Map.of("enterpriseId", sme(),
                "purpose", "POST_LOAN", "periodFrom", "2025-01-01", "periodTo", "2026-12-31",
                "expiresOn", java.time.LocalDate.now().plusMonths(6).toString()));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("loanId");
        var unknown = Api.as(port, "bank").header("Accept-Language", "en").post("/api/v1/consents", Map.of("enterpriseId", sme(),
                "purpose", "POST_LOAN", "loanId", 987654321, "periodFrom", "2025-01-01", "periodTo", "2026-12-31",
                "expiresOn", java.time.LocalDate.now().plusMonths(6).toString()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("987654321");
    }

    @Test
    void an_import_brings_the_enterprise_s_features_and_score_up_to_date() throws Exception {
        long sme = sme();
        String account = bind(sme, "enterprise");
        java.time.Instant before = java.time.Instant.now();
        var imported = Api.as(port, "enterprise").postText("/api/v1/enterprises/" + sme + "/statements", "application/xml",
                camt("K-" + account, account, "0.00", "70000.00", entry("K1", "70000.00", "CRDT", "04", "新客户有限公司")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        java.time.Instant computed = null;
        Integer score = null;
        for (int i = 0; i < 100 && (computed == null || computed.isBefore(before)); i++) {
            Thread.sleep(100);
            var row = jdbc.sql("SELECT computed_at, score FROM credit_features WHERE enterprise_id = :e").param("e", sme)
                    .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2)}).optional();
            if (row.isPresent()) {
                computed = (java.time.Instant) row.get()[0];
                score = (Integer) row.get()[1];
            }
        }
        assertThat(computed).as("features recomputed after the import").isNotNull().isAfter(before);
        assertThat(score).as("and scored by the champion").isNotNull();
    }
}
