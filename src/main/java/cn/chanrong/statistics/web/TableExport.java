package cn.chanrong.statistics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table of figures written as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * Chinese labels) or as an XLSX workbook with numbers as numbers.
 */
final class TableExport {

    private TableExport() {
    }

    record Table(String sheet, List<String> header, List<List<Object>> rows) {
    }

    static byte[] csv(Table t) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, List.copyOf(t.header()));
        for (List<Object> r : t.rows()) {
            line(b, r);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c instanceof BigDecimal d ? d.toPlainString() : c.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        b.append("\r\n");
    }

    static byte[] xlsx(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Chanrong", "1.0")) {
            Worksheet ws = wb.newWorksheet(t.sheet());
            for (int c = 0; c < t.header().size(); c++) {
                ws.value(0, c, t.header().get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < t.rows().size(); r++) {
                List<Object> row = t.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
