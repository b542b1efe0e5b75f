package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decoding and RFC 4180-style splitting of CSV bytes, with the line each record starts on. */
final class CsvRecords {

    /** A record and the physical line it starts on (a quoted field may span lines). */
    record Row(int line, List<String> fields) {
    }

    /** Text decoded from bytes, and with what. */
    record Decoded(String encoding, String text) {
    }

    private CsvRecords() {
    }

    /**
     * UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK when valid GBK. Valid
     * UTF-8 is tried first because GBK accepts many UTF-8 byte pairs as (wrong) Chinese characters,
     * while real GBK text is almost never valid UTF-8.
     */
    static Decoded decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        Object utf8 = strict(StandardCharsets.UTF_8, bytes, start);
        if (utf8 instanceof String s) {
            return new Decoded("UTF-8", s);
        }
        if (bom) {
            throw badBytes(bytes, (Integer) utf8, "UTF-8 (it starts with a UTF-8 byte-order mark)",
                    "UTF-8（文件以 UTF-8 BOM 开头）");
        }
        if (!Charset.isSupported("GBK")) {
            throw new StatementFormatException("csv.encoding", Place.line(1), "encoding",
                    "not valid UTF-8, and this runtime cannot decode GBK", "不是有效的 UTF-8，且运行环境不支持 GBK");
        }
        Object gbk = strict(Charset.forName("GBK"), bytes, 0);
        if (gbk instanceof String s) {
            return new Decoded("GBK", s);
        }
        throw badBytes(bytes, (Integer) gbk, "UTF-8 or GBK", "UTF-8 或 GBK");
    }

    /** The decoded text, or the byte offset of the first byte the charset rejects. */
    private static Object strict(Charset charset, byte[] bytes, int start) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        r = decoder.flush(out);
        if (r.isError()) {
            return in.position();
        }
        return out.flip().toString();
    }

    private static StatementFormatException badBytes(byte[] bytes, int offset, String tried, String triedZh) {
        int line = 1;
        // 0x0A never occurs inside a UTF-8 or GBK multi-byte character, so counting it is safe.
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new StatementFormatException("csv.encoding", Place.line(line), "encoding",
                "bytes at offset " + offset + " are not valid " + tried, "第 " + offset + " 字节处不是有效的 " + triedZh + " 编码");
    }

    /** Splits text into records; blank lines are skipped; a leading U+FEFF is dropped. */
    static List<Row> split(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quotedField = false;
        int line = 1;
        int rowLine = 1;
        int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n') {
                fields.add(field.toString());
                addRow(rows, rowLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                quotedField = false;
                line++;
                rowLine = line;
            } else if (c == '\r') {
                continue; // CRLF line ends: the \n does the work
            } else if (c == '"' && !quotedField && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                quotedField = true;
            } else if (c == '"') {
                throw new StatementFormatException("csv.malformed", Place.line(line), "quote",
                        "a quote inside an unquoted field (double it and quote the field)", "未加引号的字段中出现引号");
            } else if (quotedField && !Character.isWhitespace(c)) {
                throw new StatementFormatException("csv.malformed", Place.line(line), "quote",
                        "text after a closing quote", "右引号之后还有文字");
            } else if (!quotedField || !Character.isWhitespace(c)) {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new StatementFormatException("csv.malformed", Place.line(rowLine), "quote",
                    "a quoted field is never closed", "引号未闭合");
        }
        fields.add(field.toString());
        addRow(rows, rowLine, fields);
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields) {
        if (fields.stream().anyMatch(f -> !f.isBlank())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }
}
