package cn.chanrong.cashflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvStatementParserTests {

    static final CsvStatementParser PARSER = new CsvStatementParser();

    static final String CHINESE = """
            账号,交易日期,起息日,流水号,金额,币种,对方户名,对方账号,摘要,余额
            6222020200001234,2024-03-05,2024-03-05,LS001,"58,000.00",人民币,杭州星河贸易有限公司,3301040160001111,"货款,合同 HT-17",158000.00
            6222020200001234,20240312,,LS002,-23500.00,CNY,宁波原料供应厂,CN0012345678901234,"采购付款 ""三月""\",134500.00
            6222020200001234,2024/03/15,,LS003,-3300,,国家金库杭州市中心支库,,增值税,131200.00
            """;

    static CsvStatement parse(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static StatementFormatException refusal(String text) {
        return catchThrowableOfType(StatementFormatException.class, () -> parse(text));
    }

    @Test
    void utf8_file_with_chinese_headers_gives_one_statement_with_balances() {
        CsvStatement csv = parse(CHINESE);
        assertThat(csv.encoding()).isEqualTo("UTF-8");
        StatementDraft s = csv.statements().get(0);
        assertThat(csv.statements()).hasSize(1);
        assertThat(s.format()).isEqualTo("csv");
        assertThat(s.accountId()).isEqualTo("6222020200001234");
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(s.to()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(s.openingBalance()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(s.closingBalance()).isEqualTo(new BigDecimal("131200.00"));
        assertThat(s.entries()).extracting(EntryDraft::amount).containsExactly(
                new BigDecimal("58000.00"), new BigDecimal("-23500.00"), new BigDecimal("-3300.00"));
        assertThat(s.entries().get(0).remittance()).isEqualTo("货款,合同 HT-17");
        assertThat(s.entries().get(1).remittance()).isEqualTo("采购付款 \"三月\"");
        assertThat(s.entries().get(0).valueDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(s.entries().get(2).counterpartyAccount()).isNull();
    }

    @Test
    void utf8_with_byte_order_mark_reads_the_same() {
        byte[] body = CHINESE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        CsvStatement csv = PARSER.parse(withBom);
        assertThat(csv.encoding()).isEqualTo("UTF-8");
        assertThat(csv.statements()).isEqualTo(parse(CHINESE).statements());
    }

    @Test
    void gbk_file_parses_identically_and_reports_gbk() {
        CsvStatement gbk = PARSER.parse(CHINESE.getBytes(Charset.forName("GBK")));
        assertThat(gbk.encoding()).isEqualTo("GBK");
        assertThat(gbk.statements()).isEqualTo(parse(CHINESE).statements());
    }

    @Test
    void bytes_valid_in_neither_encoding_are_refused_naming_the_line() {
        byte[] ascii = "account,date,reference,amount\n1,2024-03-01,R1,1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[ascii.length + 2];
        System.arraycopy(ascii, 0, bad, 0, ascii.length);
        bad[ascii.length] = (byte) 0xFF;
        bad[ascii.length + 1] = (byte) 0xFF;
        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> PARSER.parse(bad));
        assertThat(e.code()).isEqualTo("csv.encoding");
        assertThat(e.place()).isEqualTo("line 3");
    }

    @Test
    void debit_and_credit_columns_give_signed_amounts() {
        CsvStatement csv = parse("""
                Account,Date,Reference,Debit,Credit,Counterparty
                A1,2024-03-01,R1,,"1,000.00",Acme Ltd
                A1,2024-03-02,R2,250.5,0.00,Power Co
                """);
        assertThat(csv.statements().get(0).entries()).extracting(EntryDraft::amount)
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("-250.50"));
        assertThat(csv.statements().get(0).openingBalance()).isNull();
    }

    @Test
    void one_statement_per_account_in_order_of_first_appearance() {
        CsvStatement csv = parse("""
                account,date,reference,amount,currency
                B,2024-03-02,R1,5,USD
                A,2024-03-01,R1,7,
                B,2024-03-09,R2,-1,USD
                """);
        assertThat(csv.statements()).extracting(StatementDraft::accountId).containsExactly("B", "A");
        assertThat(csv.statements().get(0).currency()).isEqualTo("USD");
        assertThat(csv.statements().get(0).statementId()).isEqualTo("csv:B:2024-03-02..2024-03-09");
    }

    @Test
    void bad_amount_on_line_4_is_named() {
        StatementFormatException e = refusal(CHINESE.replace("-3300,", "-33OO,"));
        assertThat(e.code()).isEqualTo("entry.amount");
        assertThat(e.place()).isEqualTo("line 4");
        assertThat(e.field()).isEqualTo("金额");
        assertThat(e.messageZh()).startsWith("第4行的字段 金额：");
    }

    @Test
    void duplicate_reference_for_the_same_account_is_rejected() {
        StatementFormatException e = refusal(CHINESE.replace("LS003", "LS001"));
        assertThat(e.code()).isEqualTo("entry.duplicate");
        assertThat(e.place()).isEqualTo("line 4");
        assertThat(e.getMessage()).contains("LS001", "line 2");
    }

    @Test
    void broken_running_balance_is_named() {
        StatementFormatException e = refusal(CHINESE.replace("134500.00", "134600.00"));
        assertThat(e.code()).isEqualTo("entry.balance");
        assertThat(e.place()).isEqualTo("line 3");
        assertThat(e.field()).isEqualTo("余额");
        assertThat(e.getMessage()).contains("134500.00");
    }

    @Test
    void missing_required_column_is_a_header_error() {
        StatementFormatException e = refusal("账号,交易日期,金额\n1,2024-03-01,5\n");
        assertThat(e.code()).isEqualTo("csv.header");
        assertThat(e.field()).isEqualTo("reference");
        assertThat(e.place()).isEqualTo("line 1");
    }

    @Test
    void impossible_date_is_rejected() {
        StatementFormatException e = refusal("account,date,reference,amount\n1,2024-02-30,R,5\n");
        assertThat(e.code()).isEqualTo("entry.date");
        assertThat(e.field()).isEqualTo("date");
    }

    @Test
    void quoted_field_spanning_lines_keeps_line_numbers_right() {
        StatementFormatException e = refusal("account,date,reference,amount,remark\n"
                + "1,2024-03-01,R1,5,\"two\nlines\"\n1,2024-03-01,R2,x,\n");
        assertThat(e.place()).isEqualTo("line 4");
    }

    @Test
    void unclosed_quote_is_malformed() {
        assertThat(refusal("account,date,reference,amount\n1,2024-03-01,\"R1,5\n").code()).isEqualTo("csv.malformed");
    }
}
