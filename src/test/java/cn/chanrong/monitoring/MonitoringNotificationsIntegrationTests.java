package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A bank's core system sends a camt.054 debit/credit notification: each transaction of a batched entry is one
 * payment, run through the same checks and detections as the JSON report; a replay changes nothing; a statement,
 * an entity-laden or a broken file is refused whole with the reason.
 */
@IntegrationTest
class MonitoringNotificationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void a_camt054_notification_is_read_entry_by_entry_and_detected_like_the_json_report() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        var b = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 5);
        long loan = b.loan();
        String account = b.account();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String ref = "NTF" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String xml = notification(ref, account, today.minusDays(1));

        var report = bank.postText("/api/v1/monitoring/notifications", "application/xml", xml);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("received").asInt()).as("two transactions of one batched entry").isEqualTo(2);
        assertThat(report.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(report.json().get("alerts").asInt()).as("the broker paid out of the loan").isEqualTo(1);
        JsonNode alert = MonitoringIntegrationTests.alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), loan);
        JsonNode detail = bank.get("/api/v1/monitoring/alerts/" + alert.get("id").asLong()).json();
        assertThat(detail.toString()).contains("prohibited-use", "国泰君安证券股份有限公司", ref + "T2");
        assertThat(detail.get("amount").decimalValue()).isEqualByComparingTo("80000.00");

        var replay = bank.postText("/api/v1/monitoring/notifications", "application/xml", xml);
        assertThat(replay.json().get("duplicates").asInt()).as("a notification sent twice changes nothing").isEqualTo(2);
        assertThat(replay.json().get("alerts").asInt()).isZero();

        assertThat(steps.as("enterprise").postText("/api/v1/monitoring/notifications", "application/xml", xml).status())
                .as("only institutions report payments").isEqualTo(403);
        var statement = bank.postText("/api/v1/monitoring/notifications", "application/xml",
                xml.replace("camt.054.001.08", "camt.053.001.08").replace("BkToCstmrDbtCdtNtfctn", "BkToCstmrStmt")
                        .replace("Ntfctn>", "Stmt>"));
        assertThat(statement.status()).as(statement.body()).isEqualTo(422);
        assertThat(statement.body()).contains("monitoring.notification.type", "camt.053");
        var entity = bank.postText("/api/v1/monitoring/notifications", "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml.substring(xml.indexOf("<Document")));
        assertThat(entity.status()).isEqualTo(422);
        assertThat(entity.body()).contains("cashflow.format.camt.xxe").doesNotContain("root:");
        var broken = bank.postText("/api/v1/monitoring/notifications", "application/xml", xml.replace("80000.00", "8万"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("\"field\":\"TxDtls[2]/Amt\"", "8万");
        var empty = bank.postText("/api/v1/monitoring/notifications", "application/xml", "");
        assertThat(empty.status()).as("no body: a problem, never a 5xx").isEqualTo(400);
        assertThat(empty.header("Content-Type")).contains("application/problem+json");
    }

    /** A notification of one batched debit: a supplier and, out of the same run, a securities firm. */
    static String notification(String ref, String account, LocalDate on) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%3$sT18:00:00+08:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>%1$s</Id>
                      <Acct><Id><Othr><Id>%2$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                      <Ntry>
                        <NtryRef>%1$s</NtryRef>
                        <Amt Ccy="CNY">200000.00</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%3$s</Dt></BookgDt>
                        <ValDt><Dt>%3$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <NtryDtls>
                          <Btch><NbOfTxs>2</NbOfTxs><TtlAmt Ccy="CNY">200000.00</TtlAmt><CdtDbtInd>DBIT</CdtDbtInd></Btch>
                          <TxDtls>
                            <Refs><AcctSvcrRef>%1$sT1</AcctSvcrRef></Refs>
                            <Amt Ccy="CNY">120000.00</Amt>
                            <CdtDbtInd>DBIT</CdtDbtInd>
                            <RltdPties>
                              <Cdtr><Pty><Nm>福州精工轴承有限公司</Nm></Pty></Cdtr>
                              <CdtrAcct><Id><Othr><Id>3501000000000101</Id></Othr></Id></CdtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>轴承采购货款</Ustrd></RmtInf>
                          </TxDtls>
                          <TxDtls>
                            <Refs><AcctSvcrRef>%1$sT2</AcctSvcrRef></Refs>
                            <Amt Ccy="CNY">80000.00</Amt>
                            <CdtDbtInd>DBIT</CdtDbtInd>
                            <RltdPties>
                              <Cdtr><Pty><Nm>国泰君安证券股份有限公司</Nm></Pty></Cdtr>
                              <CdtrAcct><Id><Othr><Id>3501000000000202</Id></Othr></Id></CdtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>证券账户入金</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(ref, account, on);
    }
}
