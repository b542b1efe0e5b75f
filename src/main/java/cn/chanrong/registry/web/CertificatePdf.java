package cn.chanrong.registry.web;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as a PDF, with the same fields and verification hash as the HTML one. Chinese text
 * needs a CJK font embedded: the configured one, else the first of the usual system fonts
 * (WenQuanYi Micro Hei, Noto Sans CJK); without any the PDF falls back to a Latin font and says so in
 * the log (Chinese characters would then be missing).
 */
@Component
class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    private static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");

    private final BaseFont font;

    CertificatePdf(@Value("${chanrong.registry.pdf-font:}") String configured) {
        this.font = load(configured);
    }

    private static BaseFont load(String configured) {
        List<String> paths = configured == null || configured.isBlank() ? CANDIDATES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(configured), CANDIDATES.stream()).toList();
        for (String p : paths) {
            if (Files.isReadable(Path.of(p.replaceAll(",\\d+$", "")))) {
                try {
                    return BaseFont.createFont(p, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (Exception e) {
                    log.warn("cannot use font {}: {}", p, e.getMessage());
                }
            }
        }
        log.warn("no CJK font found for PDF certificates (set chanrong.registry.pdf-font); Chinese text will be missing");
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A title and label/value rows, in order. */
    byte[] render(String title, Map<String, String> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Paragraph heading = new Paragraph(title, new Font(font, 18, Font.BOLD));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(18);
        doc.add(heading);
        PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
        table.setWidthPercentage(100);
        Font label = new Font(font, 10, Font.BOLD);
        Font value = new Font(font, 10);
        rows.forEach((k, v) -> {
            PdfPCell a = new PdfPCell(new Phrase(k, label));
            a.setPadding(5);
            PdfPCell b = new PdfPCell(new Phrase(v == null ? "" : v, value));
            b.setPadding(5);
            table.addCell(a);
            table.addCell(b);
        });
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }
}
