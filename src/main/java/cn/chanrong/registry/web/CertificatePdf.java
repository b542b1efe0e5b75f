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
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as a PDF, with the same fields and verification hash as the HTML one. Chinese text
 * needs a CJK font. In this order: the configured font file ({@code chanrong.registry.pdf-font},
 * TTF/OTF or {@code file.ttc,index}), else the first of the usual system fonts (WenQuanYi Micro Hei,
 * Noto Sans CJK), each embedded as a subset; else, on a fresh machine with neither, Adobe's standard
 * Simplified Chinese font STSong-Light with the UniGB-UCS2-H encoding, which OpenPDF ships the
 * metrics and CMaps for. That last one is not embedded: the PDF names it, and every PDF reader that
 * shows Chinese supplies it (Acrobat's Asian fonts, pdf.js, PDFium, Preview, poppler-data), so the
 * certificate renders Chinese with no font on the server and adds nothing to the jar; Latin text
 * (numbers, hashes, codes) is then set in Helvetica, plain text to any extractor.
 */
@Component
class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    /** The system fonts tried after the configured one, in order. */
    static final List<String> SYSTEM_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");
    /** The font every reader supplies when no font file is found (Adobe-GB1, not embedded). */
    static final String STANDARD_CJK_FONT = "STSong-Light";
    static final String STANDARD_CJK_ENCODING = "UniGB-UCS2-H";

    private final BaseFont font;
    /** Latin text in Helvetica when the CJK font is the standard one, so that it stays plain extractable text. */
    private final BaseFont latin;

    @Autowired
    CertificatePdf(@Value("${chanrong.registry.pdf-font:}") String configured) {
        this(configured, SYSTEM_FONTS);
    }

    /** With the system font candidates given, so that the lookup order can be tested on any machine. */
    CertificatePdf(String configured, List<String> systemFonts) {
        this.font = load(configured, systemFonts);
        try {
            this.latin = font.getPostscriptFontName().equals(STANDARD_CJK_FONT)
                    ? BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text in the CJK font, its Latin runs in Helvetica alongside the standard CJK font. */
    private Phrase phrase(String text, float size, int style) {
        if (latin == null) {
            return new Phrase(text, new Font(font, size, style));
        }
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(latin, size, style));
        selector.addFont(new Font(font, size, style));
        return selector.process(text);
    }

    /** The PostScript name of the font the certificates use. */
    String fontName() {
        return font.getPostscriptFontName();
    }

    private static BaseFont load(String configured, List<String> systemFonts) {
        List<String> paths = configured == null || configured.isBlank() ? systemFonts
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(configured.strip()), systemFonts.stream()).toList();
        for (String p : paths) {
            if (Files.isReadable(Path.of(p.replaceAll(",\\d+$", "")))) {
                try {
                    return BaseFont.createFont(p, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (Exception e) {
                    log.warn("cannot use font {}: {}", p, e.getMessage());
                }
            }
        }
        log.info("PDF certificates name the standard Chinese font {} (no CJK font file found to embed; "
                + "chanrong.registry.pdf-font names one)", STANDARD_CJK_FONT);
        try {
            return BaseFont.createFont(STANDARD_CJK_FONT, STANDARD_CJK_ENCODING, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF lacks its CJK font resources", e);
        }
    }

    /** A title and label/value rows, in order. */
    byte[] render(String title, Map<String, String> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Paragraph heading = new Paragraph(phrase(title, 18, Font.BOLD));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(18);
        doc.add(heading);
        PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
        table.setWidthPercentage(100);
        rows.forEach((k, v) -> {
            PdfPCell a = new PdfPCell(phrase(k, 10, Font.BOLD));
            a.setPadding(5);
            PdfPCell b = new PdfPCell(phrase(v == null ? "" : v, 10, Font.NORMAL));
            b.setPadding(5);
            table.addCell(a);
            table.addCell(b);
        });
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }
}
