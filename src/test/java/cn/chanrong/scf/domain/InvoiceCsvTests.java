package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceCsvTests {

    static final String HEADER = String.join(",", InvoiceCsv.HEADER) + "\n";
    static final String BLUE = "25352000000012345678,2025-06-01,91350100M000100Y43,福州甲制造有限公司,"
            + "91110000MA01ABCD2Q,北京乙集团有限公司,10500.00,1330.00,11830.00,false,\n";
    static final String RED = "25352000000012349999,2025-06-20,91350100M000100Y43,福州甲制造有限公司,"
            + "91110000MA01ABCD2Q,北京乙集团有限公司,-10500.00,-1330.00,-11830.00,true,25352000000012345678\n";

    @Test
    void blue_and_red_lines_read_into_invoices_without_items() {
        InvoiceCsv.Result result = InvoiceCsv.parse(HEADER + BLUE + RED);
        assertThat(result.ok()).isTrue();
        assertThat(result.rows()).hasSize(2);
        Invoice blue = result.rows().get(0).invoice();
        assertThat(blue.issuedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(blue.total()).isEqualByComparingTo("11830.00");
        assertThat(blue.originalNumber()).isNull();
        assertThat(blue.items()).isEmpty();
        assertThat(result.rows().get(1).invoice().red()).isTrue();
        assertThat(result.rows().get(1).invoice().originalNumber()).isEqualTo("25352000000012345678");
        assertThat(result.rows()).extracting(InvoiceCsv.Row::line).containsExactly(2, 3);
    }

    @Test
    void quoted_names_with_commas_and_a_bom_and_crlf_are_fine() {
        String text = "\uFEFF" + HEADER.replace("\n", "\r\n") + "25352000000012345678,2025-06-01,91350100M000100Y43,"
                + "\"福州甲制造有限公司, 第二分厂\",91110000MA01ABCD2Q,\"北京\"\"乙\"\"集团\",1,0.13,1.13,0,\r\n";
        InvoiceCsv.Result result = InvoiceCsv.parse(text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.rejections()).isEmpty();
            assertThat(row.invoice().sellerName()).isEqualTo("福州甲制造有限公司, 第二分厂");
            assertThat(row.invoice().buyerName()).isEqualTo("北京\"乙\"集团");
            assertThat(row.invoice().tax()).isEqualTo(new BigDecimal("0.13"));
        });
    }

    @Test
    void gbk_bytes_read_when_declared_and_are_refused_when_not() {
        byte[] gbk = (HEADER + BLUE).getBytes(Charset.forName("GBK"));
        assertThat(InvoiceCsv.parse(gbk, "GBK").ok()).isTrue();
        assertThat(InvoiceCsv.parse(gbk, null).rejections()).extracting(Rejection::code).containsExactly("csv.looks-gbk");
    }

    @Test
    void a_wrong_header_stops_the_read() {
        InvoiceCsv.Result result = InvoiceCsv.parse("no,header\n" + BLUE);
        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).extracting(Rejection::code).containsExactly("invoice.csv.header");
        assertThat(InvoiceCsv.parse("").rejections()).extracting(Rejection::code).containsExactly("invoice.csv.header");
    }

    @Test
    void the_header_is_matched_loosely_on_case_and_spaces() {
        assertThat(InvoiceCsv.parse(HEADER.toUpperCase().replace(",", " , ") + BLUE).ok()).isTrue();
    }

    @Test
    void an_unclosed_quote_is_a_rejection_not_an_exception() {
        InvoiceCsv.Result result = InvoiceCsv.parse(HEADER + "\"25352000000012345678,2025-06-01\n");
        assertThat(result.rejections()).extracting(Rejection::code).containsExactly("invoice.csv.unclosed-quote");
    }

    @Test
    void a_short_line_is_reported_with_its_line_and_the_others_still_read() {
        InvoiceCsv.Result result = InvoiceCsv.parse(HEADER + "1,2,3\n" + BLUE);
        assertThat(result.ok()).isFalse();
        assertThat(result.rows().get(0).rejections()).containsExactly(Rejection.of("invoice.csv.columns", null, 2, 11, 3));
        assertThat(result.rows().get(1).ok()).isTrue();
    }

    @Test
    void unreadable_values_name_their_column_and_line() {
        String bad = "25352000000012345678,01/06/2025,91350100M000100Y43,甲,91110000MA01ABCD2Q,乙,"
                + "10,500.00,1330.00,11830.00,yes,\n";
        InvoiceCsv.Row row = InvoiceCsv.parse(HEADER + bad.replace("10,500.00", "1.05e4")).rows().getFirst();
        assertThat(row.invoice()).isNull();
        assertThat(row.rejections()).containsExactly(
                Rejection.of("invoice.csv.date", "issued_on", 2, "01/06/2025"),
                Rejection.of("invoice.csv.decimal", "amount_ex_tax", 2, "1.05e4"),
                Rejection.of("invoice.csv.red", "red", 2, "yes"));
    }

    @Test
    void a_readable_line_carries_the_invoice_rules() {
        String wrongTotal = BLUE.replace("11830.00", "11830.10");
        String blueWithOriginal = BLUE.replace(",false,\n", ",false,25352000000012340000\n");
        InvoiceCsv.Result result = InvoiceCsv.parse(HEADER + wrongTotal + blueWithOriginal);
        assertThat(result.rows().get(0).invoice()).isNotNull();
        assertThat(result.rows().get(0).rejections()).extracting(Rejection::code).containsExactly("invoice.total");
        assertThat(result.rows().get(1).rejections()).extracting(Rejection::code).containsExactly("invoice.original-on-blue");
    }

    @Test
    void blank_lines_are_skipped() {
        assertThat(InvoiceCsv.parse(HEADER + "\n" + BLUE + "\n\n").rows()).hasSize(1);
    }
}
