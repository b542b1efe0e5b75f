package cn.chanrong.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
 * <p>
 * Uploads are never held as text: {@link #open(Upload, String)} checks the encoding in one streaming
 * pass and {@link Source#records()} reads the records one at a time, as often as an import needs.
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
        try (Records records = new Records(new StringReader(text), Integer.MAX_VALUE)) {
            for (Row r = records.next(); r != null; r = records.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The longest record an upload may hold, in characters: far above any row of our layouts. */
    public static final int MAX_RECORD = 1 << 20;

    /**
     * Opens an uploaded file as text: checks once, streaming, that every byte is valid in the
     * declared encoding (UTF-8 when none; a UTF-8 byte-order mark is skipped), with the same
     * rejections as {@link #decode(byte[], String)}.
     */
    public static Readable open(Upload file, String declaredCharset) {
        Charset charset;
        try {
            charset = declaredCharset == null || declaredCharset.isBlank() ? StandardCharsets.UTF_8
                    : Charset.forName(declaredCharset.strip());
        } catch (RuntimeException e) {
            return new Readable(null, Rejection.of("csv.charset-unknown", "encoding", declaredCharset));
        }
        if (decodes(file, charset)) {
            return new Readable(new Source(file, charset), null);
        }
        boolean looksGbk = charset.equals(StandardCharsets.UTF_8) && decodes(file, Charset.forName("GBK"));
        return new Readable(null, looksGbk ? Rejection.of("csv.looks-gbk", "encoding")
                : Rejection.of("csv.encoding", "encoding", charset.name()));
    }

    /** An upload known to be text, or the rejection that explains why it is not. */
    public record Readable(Source source, Rejection rejection) {
    }

    /** An upload whose bytes are valid text in its charset: its records can be read as often as needed. */
    public static final class Source {
        private final Upload file;
        private final Charset charset;

        private Source(Upload file, Charset charset) {
            this.file = file;
            this.charset = charset;
        }

        public Charset charset() {
            return charset;
        }

        /** A fresh reader from the first record (the header); records longer than {@link #MAX_RECORD} are refused. */
        public Records records() {
            return new Records(reader(file, charset), MAX_RECORD);
        }
    }

    private static boolean decodes(Upload file, Charset charset) {
        char[] buffer = new char[8192];
        try (Reader r = reader(file, charset)) {
            while (r.read(buffer) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strict reader: bytes not valid in the charset throw; a leading UTF-8 byte-order mark is skipped. */
    private static Reader reader(Upload file, Charset charset) {
        InputStream in = new BufferedInputStream(file.open(), 1 << 16);
        try {
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** A record longer than an upload may hold (see {@link #MAX_RECORD}): the file is refused as malformed. */
    public static final class TooLong extends IllegalArgumentException {
        TooLong(String message) {
            super(message);
        }
    }

    /**
     * Records read one at a time from a stream of text, so a file of any size is read in the memory of
     * one record: RFC 4180 quoting, separators, quotes and line breaks inside quoted fields, blank
     * lines skipped. {@link #next()} throws {@link IllegalArgumentException} for a quote left open or
     * a record longer than the limit ({@link TooLong}), naming the line the record starts on.
     */
    public static final class Records implements AutoCloseable {
        private final Reader in;
        private final int maxRecord;
        private final char[] buffer = new char[8192];
        private final StringBuilder cur = new StringBuilder();
        private int position;
        private int limit;
        private int pushedBack = -2;
        private int line = 1;
        private boolean done;

        Records(Reader in, int maxRecord) {
            this.in = in;
            this.maxRecord = maxRecord;
        }

        /** Records of an empty file. */
        public static Records none() {
            return new Records(new StringReader(""), MAX_RECORD);
        }

        /** The next record, or null at the end of the file. */
        public Row next() {
            if (done) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            cur.setLength(0);
            boolean quoted = false;
            boolean fieldStarted = false;
            int recordLine = line;
            long length = 0;
            while (true) {
                int c = read();
                if (c < 0) {
                    done = true;
                    if (quoted) {
                        throw new IllegalArgumentException("unclosed quote in the record starting on line " + recordLine);
                    }
                    if (fieldStarted || !cur.isEmpty() || !fields.isEmpty()) {
                        fields.add(cur.toString());
                        return new Row(recordLine, List.copyOf(fields));
                    }
                    return null;
                }
                if (++length > maxRecord) {
                    done = true;
                    throw new TooLong("the record starting on line " + recordLine + " is longer than "
                            + maxRecord + " characters");
                }
                if (quoted) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            cur.append('"');
                        } else {
                            pushedBack = next;
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cur.append((char) c);
                    }
                } else if (c == '"' && cur.isEmpty()) {
                    quoted = true;
                    fieldStarted = true;
                } else if (c == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    fieldStarted = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int next = read();
                        if (next != '\n') {
                            pushedBack = next;
                        }
                    }
                    line++;
                    if (fieldStarted || !cur.isEmpty() || !fields.isEmpty()) {
                        fields.add(cur.toString());
                        return new Row(recordLine, List.copyOf(fields));
                    }
                    recordLine = line;
                    length = 0;
                } else {
                    cur.append((char) c);
                }
            }
        }

        private int read() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            if (position == limit) {
                try {
                    limit = in.read(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
