package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import cn.chanrong.shared.Upload;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoding and RFC 4180-style splitting of CSV bytes, with the line each record starts on. Both
 * stream: the encoding is found by reading the file through a strict decoder, and the records are
 * then read one at a time, so a file is never held in memory as bytes or text.
 */
final class CsvRecords {

    /** The longest record a statement file may hold, in characters. */
    static final int MAX_RECORD = 1 << 20;

    /** A record and the physical line it starts on (a quoted field may span lines). */
    record Row(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /**
     * UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK when valid GBK. Valid
     * UTF-8 is tried first because GBK accepts many UTF-8 byte pairs as (wrong) Chinese characters,
     * while real GBK text is almost never valid UTF-8.
     */
    static Charset encoding(Upload file) {
        boolean bom = hasBom(file);
        long utf8 = firstBadByte(StandardCharsets.UTF_8, file, bom ? 3 : 0);
        if (utf8 < 0) {
            return StandardCharsets.UTF_8;
        }
        if (bom) {
            throw badBytes(file, utf8, "UTF-8 (it starts with a UTF-8 byte-order mark)", "UTF-8（文件以 UTF-8 BOM 开头）");
        }
        if (!Charset.isSupported("GBK")) {
            throw new StatementFormatException("csv.encoding", Place.line(1), "encoding",
                    "not valid UTF-8, and this runtime cannot decode GBK", "不是有效的 UTF-8，且运行环境不支持 GBK");
        }
        long gbk = firstBadByte(Charset.forName("GBK"), file, 0);
        if (gbk < 0) {
            return Charset.forName("GBK");
        }
        throw badBytes(file, gbk, "UTF-8 or GBK", "UTF-8 或 GBK");
    }

    private static boolean hasBom(Upload file) {
        byte[] head = file.head(3);
        return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /** The offset of the first byte the charset rejects, or -1 when every byte is valid. */
    private static long firstBadByte(Charset charset, Upload file, int start) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long base = start; // offset of in's first byte in the file
        try (InputStream s = file.open()) {
            s.skipNBytes(start);
            boolean end = false;
            while (true) {
                int n = end ? -1 : s.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult r = decoder.decode(in, out, end);
                if (r.isError()) {
                    return base + in.position();
                }
                out.clear();
                if (end && !in.hasRemaining()) {
                    r = decoder.flush(out);
                    return r.isError() ? base + in.position() : -1;
                }
                base += in.position();
                in.compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StatementFormatException badBytes(Upload file, long offset, String tried, String triedZh) {
        int line = 1;
        // 0x0A never occurs inside a UTF-8 or GBK multi-byte character, so counting it is safe.
        try (InputStream in = new BufferedInputStream(file.open())) {
            for (long i = 0; i < offset; i++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (b == '\n') {
                    line++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StatementFormatException("csv.encoding", Place.line(line), "encoding",
                "bytes at offset " + offset + " are not valid " + tried, "第 " + offset + " 字节处不是有效的 " + triedZh + " 编码");
    }

    /** The records of a file in its encoding (see {@link #encoding}); the caller closes them. */
    static Rows rows(Upload file, Charset charset) {
        InputStream in = new BufferedInputStream(file.open(), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8) && hasBom(file)) {
            try {
                in.skipNBytes(3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Rows(new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /**
     * Splits text into records, one at a time; blank lines are skipped; a leading U+FEFF is dropped.
     * Line ends are {@code \n} or {@code \r\n}; a field may be quoted (leading blanks before the quote
     * are dropped), a quote inside doubled.
     */
    static final class Rows implements AutoCloseable {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private final StringBuilder field = new StringBuilder();
        private int position;
        private int limit;
        private int pushedBack = -2;
        private int line = 1;
        private boolean started;
        private boolean done;

        Rows(Reader in) {
            this.in = in;
        }

        /** The next record with a non-blank field, or null at the end. */
        Row next() {
            while (!done) {
                Row row = record();
                if (row != null && row.fields().stream().anyMatch(f -> !f.isBlank())) {
                    return row;
                }
            }
            return null;
        }

        /** The next record as it stands, blank or not; null only at the end. */
        private Row record() {
            List<String> fields = new ArrayList<>();
            field.setLength(0);
            boolean inQuotes = false;
            boolean quotedField = false;
            int rowLine = line;
            int length = 0;
            while (true) {
                int c = read();
                if (c < 0) {
                    done = true;
                    if (inQuotes) {
                        throw new StatementFormatException("csv.malformed", Place.line(rowLine), "quote",
                                "a quoted field is never closed", "引号未闭合");
                    }
                    fields.add(field.toString());
                    return new Row(rowLine, List.copyOf(fields));
                }
                if (++length > MAX_RECORD) {
                    done = true;
                    throw new StatementFormatException("csv.malformed", Place.line(rowLine), "line",
                            "a record longer than " + MAX_RECORD + " characters", "记录超过 " + MAX_RECORD + " 个字符");
                }
                if (inQuotes) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            pushedBack = next;
                            inQuotes = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    quotedField = false;
                } else if (c == '\n') {
                    fields.add(field.toString());
                    line++;
                    return new Row(rowLine, List.copyOf(fields));
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
                    field.append((char) c);
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
            char c = buffer[position++];
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    return read();
                }
            }
            return c;
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
}
