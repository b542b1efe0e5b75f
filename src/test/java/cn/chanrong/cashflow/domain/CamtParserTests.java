package cn.chanrong.cashflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CamtParserTests {

    static final CamtParser PARSER = new CamtParser();

    static List<StatementDraft> parse(String xml) {
        return PARSER.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static StatementFormatException refusal(String xml) {
        return catchThrowableOfType(StatementFormatException.class, () -> parse(xml));
    }

    /** A camt.053.001.08 document with one statement whose body is given. */
    static String statement(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-04-01T08:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>S-2024-03</Id>
                      <Acct><Id><Othr><Id>6222020200001234</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                """ + body + """
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
    }

    /** One entry with the given amount, indicator and booking date text. */
    static String entry(String ref, String amount, String indicator, String bookingDate) {
        return "<Ntry><NtryRef>" + ref + "</NtryRef><Amt Ccy=\"CNY\">" + amount + "</Amt><CdtDbtInd>" + indicator
                + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>" + bookingDate + "</Dt></BookgDt></Ntry>";
    }

    static final String MARCH = statement("""
                  <FrToDt><FrDtTm>2024-03-01T00:00:00+08:00</FrDtTm><ToDtTm>2024-03-31T23:59:59+08:00</ToDtTm></FrToDt>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">100000.00</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
                  <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">131200.00</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>
                  <Ntry>
                    <NtryRef>C001</NtryRef><Amt Ccy="CNY">58000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-05</Dt></BookgDt><ValDt><Dt>2024-03-05</Dt></ValDt>
                    <NtryDtls><TxDtls><RltdPties>
                      <Dbtr><Pty><Nm>杭州星河贸易有限公司</Nm></Pty></Dbtr>
                      <DbtrAcct><Id><Othr><Id>3301040160001111</Id></Othr></Id></DbtrAcct>
                      <Cdtr><Pty><Nm>本公司</Nm></Pty></Cdtr>
                    </RltdPties><RmtInf><Ustrd>货款</Ustrd><Ustrd>合同 HT-17</Ustrd></RmtInf></TxDtls></NtryDtls>
                  </Ntry>
                  <Ntry>
                    <AcctSvcrRef>D002</AcctSvcrRef><Amt Ccy="CNY">23500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2024-03-12T10:15:00</DtTm></BookgDt>
                    <NtryDtls><TxDtls><RltdPties>
                      <Dbtr><Pty><Nm>本公司</Nm></Pty></Dbtr>
                      <Cdtr><Pty><Nm>宁波原料供应厂</Nm></Pty></Cdtr>
                      <CdtrAcct><Id><IBAN>CN0012345678901234</IBAN></Id></CdtrAcct>
                    </RltdPties></TxDtls></NtryDtls>
                    <AddtlNtryInf>采购付款</AddtlNtryInf>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="CNY">3300.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-15</Dt></BookgDt>
                    <NtryDtls><TxDtls><Refs><EndToEndId>TAX-0315</EndToEndId></Refs><RltdPties>
                      <Cdtr><Pty><Nm>国家金库杭州市中心支库</Nm></Pty></Cdtr>
                    </RltdPties></TxDtls></NtryDtls>
                    <AddtlNtryInf>增值税</AddtlNtryInf>
                  </Ntry>
            """);

    @Test
    void public_sample_with_only_available_balances_gives_one_empty_usd_statement() throws Exception {
        Path p = Path.of("../shared/data/iso20022/camt.053.001.07.xml");
        Assumptions.assumeTrue(Files.exists(p), "public camt.053 sample not present at " + p.toAbsolutePath());
        List<StatementDraft> drafts;
        try (InputStream in = Files.newInputStream(p)) {
            drafts = PARSER.parse(in);
        }
        assertThat(drafts).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("camt.053.001.07");
            assertThat(s.statementId()).isEqualTo("SDFSDF");
            assertThat(s.accountId()).isEqualTo("2345234534");
            assertThat(s.currency()).isEqualTo("USD");
            assertThat(s.entries()).isEmpty();
            assertThat(s.openingBalance()).isNull();
            assertThat(s.closingBalance()).isNull();
            assertThat(s.from()).isEqualTo(LocalDate.of(2018, 4, 10));
            assertThat(s.to()).isEqualTo(LocalDate.of(2018, 4, 19));
        });
    }

    @Test
    void cny_statement_maps_balances_period_and_signed_entries() {
        StatementDraft s = parse(MARCH).get(0);
        assertThat(s.format()).isEqualTo("camt.053.001.08");
        assertThat(s.accountId()).isEqualTo("6222020200001234");
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(s.to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(s.openingBalance()).isEqualByComparingTo("100000.00");
        assertThat(s.closingBalance()).isEqualTo(new BigDecimal("131200.00"));
        assertThat(s.entries()).extracting(EntryDraft::reference).containsExactly("C001", "D002", "TAX-0315");
        assertThat(s.entries()).extracting(EntryDraft::amount)
                .containsExactly(new BigDecimal("58000.00"), new BigDecimal("-23500.00"), new BigDecimal("-3300.00"));
        assertThat(s.movement()).isEqualByComparingTo("31200.00");
    }

    @Test
    void credit_names_the_debtor_and_debit_names_the_creditor() {
        List<EntryDraft> e = parse(MARCH).get(0).entries();
        assertThat(e.get(0).counterpartyName()).isEqualTo("杭州星河贸易有限公司");
        assertThat(e.get(0).counterpartyAccount()).isEqualTo("3301040160001111");
        assertThat(e.get(0).remittance()).isEqualTo("货款 合同 HT-17");
        assertThat(e.get(0).valueDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(e.get(1).counterpartyName()).isEqualTo("宁波原料供应厂");
        assertThat(e.get(1).counterpartyAccount()).isEqualTo("CN0012345678901234");
        assertThat(e.get(1).remittance()).isEqualTo("采购付款");
        assertThat(e.get(1).bookingDate()).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(e.get(2).counterpartyName()).isEqualTo("国家金库杭州市中心支库");
        assertThat(e.get(2).remittance()).isEqualTo("增值税");
    }

    @Test
    void older_versions_put_the_party_name_directly_under_dbtr() {
        String xml = statement("""
                <Ntry><NtryRef>R1</NtryRef><Amt Ccy="CNY">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                  <Sts>BOOK</Sts><BookgDt><Dt>2024-03-02</Dt></BookgDt>
                  <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Acme Trading Co.</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>
                </Ntry>
                """).replace("camt.053.001.08", "camt.053.001.02");
        StatementDraft s = parse(xml).get(0);
        assertThat(s.format()).isEqualTo("camt.053.001.02");
        assertThat(s.entries().get(0).counterpartyName()).isEqualTo("Acme Trading Co.");
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 3, 2)).isEqualTo(s.to());
    }

    @Test
    void notification_has_no_balances_and_takes_its_period_from_the_entries() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>N1</MsgId><CreDtTm>2024-03-06T09:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-77</Id>
                      <Acct><Id><IBAN>CN9988776655443322</IBAN></Id></Acct>
                      <Ntry><AcctSvcrRef>A-1</AcctSvcrRef><Amt Ccy="CNY">1200.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2024-03-06</Dt></ValDt></Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """;
        StatementDraft s = parse(xml).get(0);
        assertThat(s.format()).isEqualTo("camt.054.001.08");
        assertThat(s.accountId()).isEqualTo("CN9988776655443322");
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(s.openingBalance()).isNull();
        assertThat(s.closingBalance()).isNull();
        assertThat(s.entries()).singleElement().satisfies(e -> {
            assertThat(e.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 6));
            assertThat(e.amount()).isEqualByComparingTo("1200.50");
        });
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 3, 6));
    }

    @Test
    void every_stmt_of_a_file_becomes_a_draft_and_entries_are_numbered_across_them() {
        String two = MARCH.replace("</Stmt>", "</Stmt><Stmt><Id>S2</Id><Acct><Id><Othr><Id>X2</Id></Othr></Id></Acct>"
                + entry("Z9", "1.00", "CRDT", "2024-04-01") + entry("Z10", "abc", "CRDT", "2024-04-01") + "</Stmt>");
        StatementFormatException e = refusal(two);
        assertThat(e.place()).isEqualTo("entry 5 (ref Z10)");
        String fine = MARCH.replace("</Stmt>", "</Stmt><Stmt><Id>S2</Id><Acct><Id><Othr><Id>X2</Id></Othr></Id></Acct>"
                + entry("Z9", "1.00", "CRDT", "2024-04-01") + "</Stmt>");
        assertThat(parse(fine)).extracting(StatementDraft::statementId).containsExactly("S-2024-03", "S2");
    }

    @Test
    void a_reversal_takes_the_sign_its_indicator_gives() {
        String xml = statement(entry("R1", "500.00", "CRDT", "2024-03-03")
                .replace("<Sts>", "<RvslInd>true</RvslInd><Sts>"));
        assertThat(parse(xml).get(0).entries().get(0).amount()).isEqualByComparingTo("500.00");
    }

    @Test
    void opening_and_closing_are_not_guessed_from_other_balance_types() {
        String xml = statement("""
                <Bal><Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">5.00</Amt>
                  <CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">7.00</Amt>
                  <CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-02-29</Dt></Dt></Bal>
                """);
        StatementDraft s = parse(xml).get(0);
        assertThat(s.openingBalance()).isEqualByComparingTo("-7.00");
        assertThat(s.closingBalance()).isNull();
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
