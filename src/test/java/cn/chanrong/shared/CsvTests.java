package cn.chanrong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming CSV reader, the spooled upload and the bounded error list of imports. */
class CsvTests {

    private static List<Csv.Row> stream(Upload file, String charset) {
        Csv.Readable readable = Csv.open(file, charset);
        assertThat(readable.rejection()).isNull();
        List<Csv.Row> rows = new ArrayList<>();
        try (Csv.Records records = readable.source().records()) {
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Test
    void streamed_records_match_the_whole_text_parse_quotes_line_breaks_and_blank_lines_included() {
        String text = "a,b,c\r\n\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n\nlast,\"\",end";
        List<Csv.Row> whole = Csv.parse(text);
        assertThat(whole).extracting(Csv.Row::line).containsExactly(1, 3, 5, 7);
        assertThat(whole.get(1).fields()).containsExactly("x,1", "say \"hi\"", "two\nlines");
        assertThat(stream(Upload.of(text.getBytes(StandardCharsets.UTF_8)), null)).isEqualTo(whole);
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped_and_gbk_is_read_when_declared_and_recognised_when_not() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "名称,代码\n福州,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(stream(Upload.of(withBom), null).get(0).fields()).containsExactly("名称", "代码");

        byte[] gbk = "名称,代码\n福州,1\n".getBytes(Charset.forName("GBK"));
        assertThat(stream(Upload.of(gbk), "GBK").get(1).fields()).containsExactly("福州", "1");
        assertThat(Csv.open(Upload.of(gbk), null).rejection().code()).isEqualTo("csv.looks-gbk");
        assertThat(Csv.open(Upload.of(new byte[] {'a', (byte) 0xFF}), "GBK").rejection().code()).isEqualTo("csv.encoding");
        assertThat(Csv.open(Upload.of(body), "no-such-charset").rejection().code()).isEqualTo("csv.charset-unknown");
    }

    @Test
    void a_quote_left_open_or_a_record_longer_than_the_limit_is_refused_with_its_first_line() {
        assertThatThrownBy(() -> stream(Upload.of("a\nb,\"open\n".getBytes(StandardCharsets.UTF_8)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        byte[] huge = ("h\n\"" + "x".repeat(Csv.MAX_RECORD + 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> stream(Upload.of(huge), null))
                .isInstanceOf(Csv.TooLong.class).hasMessageContaining("line 2");
    }

    @Test
    void a_large_body_is_spooled_to_a_temporary_file_read_twice_and_deleted_on_close() throws IOException {
        byte[] big = "k,v\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        Path spooled;
        try (Upload upload = Upload.spool(new ByteArrayInputStream(big))) {
            assertThat(upload.size()).isEqualTo(big.length);
            assertThat(stream(upload, null)).hasSize(200_000);
            try (InputStream again = upload.open()) {
                assertThat(again.readAllBytes()).isEqualTo(big);
            }
            spooled = Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                    .filter(p -> p.getFileName().toString().startsWith("chanrong-upload-")).findFirst().orElseThrow();
        }
        assertThat(spooled).doesNotExist();
        try (Upload small = Upload.spool(new ByteArrayInputStream(new byte[] {1, 2}))) {
            assertThat(small.head(10)).containsExactly(1, 2);
        }
    }

    @Test
    void the_first_thousand_errors_are_kept_clipped_and_the_rest_only_counted() {
        FirstErrors<Rejection> errors = FirstErrors.ofRejections();
        for (int i = 0; i < 12_345; i++) {
            errors.add(Rejection.of("row", "value", i, "v".repeat(10_000)));
        }
        assertThat(errors.listed()).hasSize(FirstErrors.LIMIT);
        assertThat(errors.notListed()).isEqualTo(12_345 - FirstErrors.LIMIT);
        assertThat(errors.total()).isEqualTo(12_345);
        assertThat((String) errors.listed().get(0).args().get(1)).hasSize(Rejection.CLIP + 1).endsWith("…");
        Rejected refused = Rejected.invalid(errors);
        assertThat(refused.rejections()).hasSize(FirstErrors.LIMIT);
        assertThat(refused.notListed()).isEqualTo(11_345);
    }
}
