package cn.chanrong.cashflow.domain;

import static cn.chanrong.cashflow.domain.CamtParserTests.entry;
import static cn.chanrong.cashflow.domain.CamtParserTests.refusal;
import static cn.chanrong.cashflow.domain.CamtParserTests.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CamtParserRefusalTests {

    @Test
    void external_entity_is_refused_and_the_file_is_never_read() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
                  <Id>&e;</Id></Stmt></BkToCstmrStmt></Document>
                """;
        StatementFormatException e = refusal(xml);
        assertThat(e.code()).isEqualTo("camt.xxe");
        assertThat(e.getMessage()).contains("DOCTYPE/entities are refused").doesNotContain("root:");
        assertThat(e.messageZh()).doesNotContain("root:");
    }

    @Test
    void billion_laughs_is_refused_before_any_expansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?>" + dtd + "]><lolz>&lol9;</lolz>";
        assertThat(refusal(xml).code()).isEqualTo("camt.xxe");
    }

    @Test
    void entity_reference_without_a_doctype_is_refused_too() {
        assertThat(refusal(statement("<Ntry><NtryRef>&x;</NtryRef></Ntry>")).code()).isEqualTo("camt.xxe");
    }

    @Test
    void payment_initiation_namespace_is_refused_naming_it() {
        StatementFormatException e = refusal("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>
                """);
        assertThat(e.code()).isEqualTo("camt.namespace");
        assertThat(e.getMessage()).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        assertThat(e.field()).isEqualTo("Document");
    }

    @Test
    void file_without_a_document_is_malformed() {
        assertThat(refusal("<message><AppHdr/></message>").code()).isEqualTo("camt.malformed");
    }

    @Test
    void truncated_file_is_malformed_with_line_and_column() {
        String whole = statement(entry("T1", "1.00", "CRDT", "2024-03-01"));
        StatementFormatException e = refusal(whole.substring(0, whole.indexOf("<BookgDt>")));
        assertThat(e.code()).isEqualTo("camt.malformed");
        assertThat(e.place()).matches("line \\d+, column \\d+");
        assertThat(e.messageZh()).startsWith("第");
    }

    @Test
    void unknown_credit_debit_indicator_names_the_entry_and_the_field() {
        StatementFormatException e = refusal(statement(entry("ABC", "10.00", "CRED", "2024-03-01")));
        assertThat(e.code()).isEqualTo("entry.indicator");
        assertThat(e.place()).isEqualTo("entry 1 (ref ABC)");
        assertThat(e.field()).isEqualTo("CdtDbtInd");
        assertThat(e.getMessage()).contains("entry 1 (ref ABC)", "CdtDbtInd", "CRED");
        assertThat(e.messageZh()).contains("第1条分录（参考号 ABC）的字段 CdtDbtInd");
    }

    @Test
    void amount_that_is_not_a_decimal_is_named_in_both_languages() {
        StatementFormatException e = refusal(statement(entry("ABC", "12,5", "CRDT", "2024-03-01")));
        assertThat(e.code()).isEqualTo("entry.amount");
        assertThat(e.field()).isEqualTo("Amt");
        assertThat(e.messageZh()).isEqualTo("第1条分录（参考号 ABC）的字段 Amt：金额不是数字");
    }

    @Test
    void negative_amount_and_sub_fen_amount_are_rejected() {
        assertThat(refusal(statement(entry("N", "-5.00", "CRDT", "2024-03-01"))).code()).isEqualTo("entry.amount");
        assertThat(refusal(statement(entry("F", "5.001", "CRDT", "2024-03-01"))).getMessage())
                .contains("more than 2 decimals");
        assertThat(parse(statement(entry("Z", "5.100", "CRDT", "2024-03-01")))).isNotEmpty();
    }

    @Test
    void missing_amount_is_rejected() {
        String xml = statement(entry("M", "1", "CRDT", "2024-03-01").replace("<Amt Ccy=\"CNY\">1</Amt>", ""));
        StatementFormatException e = refusal(xml);
        assertThat(e.code()).isEqualTo("entry.amount");
        assertThat(e.getMessage()).contains("missing");
    }

    @Test
    void booking_date_that_is_not_iso_is_rejected() {
        StatementFormatException e = refusal(statement(entry("D", "1.00", "DBIT", "2024/03/01")));
        assertThat(e.code()).isEqualTo("entry.date");
        assertThat(e.field()).isEqualTo("BookgDt/Dt");
    }

    @Test
    void bad_balance_names_the_balance() {
        StatementFormatException e = refusal(statement("""
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">x</Amt>
                  <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
                """));
        assertThat(e.place()).isEqualTo("Stmt[1]/Bal[OPBD]");
        assertThat(e.field()).isEqualTo("Amt");
    }

    @Test
    void entry_without_any_reference_is_rejected() {
        String xml = statement(entry("X", "1.00", "CRDT", "2024-03-01").replace("<NtryRef>X</NtryRef>", ""));
        assertThat(refusal(xml).code()).isEqualTo("entry.reference");
    }

    @Test
    void input_over_the_size_cap_is_refused() {
        byte[] big = statement(entry("B", "1.00", "CRDT", "2024-03-01").repeat(200)).getBytes(StandardCharsets.UTF_8);
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class,
                () -> new CamtParser(4_096, 64).parse(big));
        assertThat(e.code()).isEqualTo("camt.too-large");
    }

    @Test
    void nesting_deeper_than_the_cap_is_refused() {
        String deep = "<a>".repeat(70) + "</a>".repeat(70);
        assertThat(refusal(deep).code()).isEqualTo("camt.too-deep");
    }

    private static java.util.List<StatementDraft> parse(String xml) {
        return CamtParserTests.parse(xml);
    }
}
