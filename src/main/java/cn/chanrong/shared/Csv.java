package cn.chanrong.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading CSV files as people export them: UTF-8 (with or without a byte-order mark) or GBK when
 * the sender says so, RFC 4180 quoting with separators, quotes and line breaks inside quoted
 * fields. Decoding is strict: bytes that are not valid in the declared encoding are refused, never
 * replaced, so a GBK file sent as UTF-8 is caught instead of stored as mojibake.
 */
public final class Csv {

    private Csv() {
    }

    /** A parsed record with its 1-based line number in the file (the header is line 1). */
    public record Row(int line, List<String> fields) {
    }

    /** The text, or the rejection that explains why the bytes are not text in that encoding. */
    public static Either decode(byte[] bytes, String declaredCharset) {
        Charset charset;
        try {
            charset = declaredCharset == null || declaredCharset.isBlank() ? StandardCharsets.UTF_8
                    : Charset.forName(declaredCharset.strip());
        } catch (RuntimeException e) {
            return new Either(null, Rejection.of("csv.charset-unknown", "encoding", declaredCharset));
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            return new Either(text, null);
        } catch (CharacterCodingException e) {
            boolean looksGbk = charset.equals(StandardCharsets.UTF_8) && decodesAs(bytes, offset, Charset.forName("GBK"));
            return new Either(null, looksGbk ? Rejection.of("csv.looks-gbk", "encoding")
                    : Rejection.of("csv.encoding", "encoding", charset.name()));
        }
    }

    private static boolean decodesAs(byte[] bytes, int offset, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Decoded text or a rejection. */
    public record Either(String text, Rejection rejection) {
        public Optional<String> ok() {
            return Optional.ofNullable(text);
        }
    }

    /** Parses every record; blank lines are skipped. A quote left open is reported with its line. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
            } else if (c == '"' && cur.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || !cur.isEmpty() || !fields.isEmpty()) {
                    fields.add(cur.toString());
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                cur.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in the record starting on line " + recordLine);
        }
        if (fieldStarted || !cur.isEmpty() || !fields.isEmpty()) {
            fields.add(cur.toString());
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** The fields of one line that holds no line break inside quotes (as the reference tables). */
    public static String[] splitLine(String line) {
        List<Row> rows = parse(line);
        return rows.isEmpty() ? new String[0] : rows.get(0).fields().toArray(String[]::new);
    }

    /** Quotes a field when it needs it. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
