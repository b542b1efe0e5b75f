package cn.chanrong.demo.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output CSV: UTF-8, a header row, LF line ends, RFC 4180 quoting only where a field holds a
 * comma, quote or line break. Rows are assembled in a reused builder and streamed to a large buffer,
 * so a million-enterprise economy never sits in memory.
 */
final class CsvOut implements Closeable {

    private static final int BUFFER = 1 << 20;

    private final String file;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private boolean first = true;
    private long rows;

    CsvOut(Path directory, String file, String header) {
        this.file = file;
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(directory.resolve(file)),
                    StandardCharsets.UTF_8), BUFFER);
            out.write(header);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String file() {
        return file;
    }

    /** Data rows written so far (the header is not counted). */
    long rows() {
        return rows;
    }

    CsvOut text(String value) {
        separate();
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (needsQuotes(value)) {
            row.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    row.append('"');
                }
                row.append(c);
            }
            row.append('"');
        } else {
            row.append(value);
        }
        return this;
    }

    CsvOut number(long value) {
        separate();
        row.append(value);
        return this;
    }

    CsvOut money(long fen) {
        separate();
        Money.append(row, fen);
        return this;
    }

    CsvOut empty() {
        separate();
        return this;
    }

    void end() {
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.setLength(0);
        first = true;
        rows++;
    }

    private void separate() {
        if (first) {
            first = false;
        } else {
            row.append(',');
        }
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
