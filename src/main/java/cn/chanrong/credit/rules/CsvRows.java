package cn.chanrong.credit.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimal reader for the package's own rule tables: UTF-8, one row per line, comma separated, no quoting,
 * {@code #} starts a comment line, blank lines ignored, and the first other line must be the expected header.
 * Quoting is deliberately unsupported so a stray comma in a name fails loudly instead of shifting columns.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** Reads a classpath resource; fails if it is absent. */
    static List<String> resourceLines(String resource) {
        InputStream in = CsvRows.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("rule table not found on the classpath: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows after the header, each with exactly the header's number of cells (trimmed). */
    static List<String[]> parse(List<String> lines, String expectedHeader) {
        List<String[]> rows = new ArrayList<>();
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // split with -1 keeps trailing empty cells, which mean "unbounded".
            String[] cells = Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (header == null) {
                if (!String.join(",", cells).equals(expectedHeader)) {
                    throw new IllegalArgumentException("expected header '" + expectedHeader + "' but got: " + line);
                }
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected " + header.length
                        + " cells but got " + cells.length);
            }
            rows.add(cells);
        }
        if (header == null) {
            throw new IllegalArgumentException("rule table has no header: " + expectedHeader);
        }
        return rows;
    }
}
