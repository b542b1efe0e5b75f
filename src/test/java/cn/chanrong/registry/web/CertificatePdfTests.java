package cn.chanrong.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class CertificatePdfTests {

    static final String NAME = "闽江重工股份有限公司";

    static byte[] certificate(CertificatePdf pdf) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("登记编号", "20260630000000000001");
        rows.put("担保人", NAME);
        return pdf.render("动产融资统一登记证明", rows);
    }

    @Test
    void on_a_machine_without_any_cjk_font_the_certificate_still_carries_the_chinese_text() throws Exception {
        // no configured font, and none of the system font paths exists
        CertificatePdf pdf = new CertificatePdf("", List.of("/nonexistent/wqy-microhei.ttc,0", "/nonexistent/noto.ttc,0"));
        assertThat(pdf.fontName()).isEqualTo("STSong-Light");
        byte[] bytes = certificate(pdf);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("/STSong-Light").contains("/UniGB-UCS2-H");
        // UniGB-UCS2-H shows each character by its UCS-2 code: the page's strings are the text itself
        String text = shownText(new PdfReader(bytes).getPageContent(1));
        assertThat(text).contains(NAME).contains("动产融资统一登记证明");
        // Latin runs are Helvetica: numbers and hashes stay extractable by any reader
        assertThat(new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1)).contains("20260630000000000001");
    }

    /** The literal strings a content stream shows, unescaped and read as UTF-16BE. */
    static String shownText(byte[] content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '(') {
                continue;
            }
            java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
            int depth = 1;
            for (i++; i < content.length; i++) {
                int b = content[i] & 0xff;
                if (b == '\\') {
                    int n = content[++i] & 0xff;
                    if (n >= '0' && n <= '7') {
                        int v = 0;
                        for (int k = 0; k < 3 && i < content.length && content[i] >= '0' && content[i] <= '7'; k++, i++) {
                            v = v * 8 + (content[i] - '0');
                        }
                        i--;
                        s.write(v);
                    } else {
                        s.write(switch (n) { case 'n' -> '\n'; case 'r' -> '\r'; case 't' -> '\t'; case 'b' -> '\b';
                            case 'f' -> '\f'; default -> n; });
                    }
                } else if (b == '(') {
                    depth++;
                    s.write(b);
                } else if (b == ')' && --depth == 0) {
                    break;
                } else {
                    s.write(b);
                }
            }
            text.append(new String(s.toByteArray(), StandardCharsets.UTF_16BE)).append('\n');
        }
        return text.toString();
    }

    @Test
    void a_configured_font_that_cannot_be_read_falls_back_in_order() {
        assertThat(new CertificatePdf("/nonexistent/configured.ttf", List.of()).fontName()).isEqualTo("STSong-Light");
        assertThat(new CertificatePdf(null, List.of("/dev/null")).fontName()).isEqualTo("STSong-Light");
    }
}
