package cn.chanrong.credit.scorecard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads real training files as they come: CSV with a header, ARFF ({@code ?} for missing, nominal
 * attributes), and space-separated files (with a header line when the label is named). Numbers may be
 * written like {@code 2.00E+05}. A column is numeric when every present value is a number, otherwise
 * categorical. Every problem names the line or column.
 */
public final class DatasetReader {

    /** How to read a file: format {@code csv | arff | space}; the label column by name or {@code last}. */
    public record Options(String format, String label, String badValue, Set<String> ignore) {
        public Options {
            ignore = ignore == null ? Set.of() : Set.copyOf(ignore);
            badValue = badValue == null ? "1" : badValue.trim();
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("label column is required");
            }
        }

        /** The format named, or the one the file name suggests. */
        String formatFor(Path file) {
            if (format != null) {
                return format.toLowerCase(Locale.ROOT);
            }
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".arff") ? "arff" : n.endsWith(".csv") ? "csv" : "space";
        }
    }

    private static final Set<String> MISSING = Set.of("", "?", "NA", "N/A", "NaN", "nan", "null", "NULL");

    private DatasetReader() {
    }

    public static Dataset read(Path file, Options options) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return parse(lines, options.formatFor(file), options);
    }

    static Dataset parse(List<String> lines, String format, Options options) {
        Table t = switch (format) {
            case "csv" -> delimited(lines, true, options);
            case "space" -> delimited(lines, false, options);
            case "arff" -> arff(lines);
            default -> throw new DataFormatException("--format", "unknown format " + format + " (csv, arff or space)");
        };
        return build(t, options);
    }

    /** Raw tokens with the line each row came from; {@code typed} when the file declares which columns are numeric (ARFF). */
    private record Table(List<String> names, List<String[]> rows, List<Integer> lineNumbers, Set<String> nominal, boolean typed) {
    }

    private static Table delimited(List<String> lines, boolean csv, Options options) {
        List<String> names = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] tokens = csv ? Tokens.csv(line, i + 1) : line.trim().split("\\s+");
            if (names == null) {
                boolean header = csv || !"last".equalsIgnoreCase(options.label());
                if (header) {
                    names = new ArrayList<>();
                    for (String s : tokens) {
                        names.add(s.trim());
                    }
                    continue;
                }
                names = new ArrayList<>();
                for (int c = 0; c < tokens.length; c++) {
                    names.add("c" + (c + 1));
                }
            }
            if (tokens.length != names.size()) {
                throw new DataFormatException("line " + (i + 1), tokens.length + " values, the header has " + names.size());
            }
            rows.add(tokens);
            numbers.add(i + 1);
        }
        if (names == null) {
            throw new DataFormatException("file", "no data");
        }
        return new Table(names, rows, numbers, Set.of(), false);
    }

    private static Table arff(List<String> lines) {
        List<String> names = new ArrayList<>();
        Set<String> nominal = new LinkedHashSet<>();
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        boolean data = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            if (!data) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("@attribute")) {
                    String rest = line.substring("@attribute".length()).trim();
                    String name;
                    if (rest.startsWith("'") || rest.startsWith("\"")) {
                        int end = rest.indexOf(rest.charAt(0), 1);
                        if (end < 0) {
                            throw new DataFormatException("line " + (i + 1), "unterminated attribute name");
                        }
                        name = rest.substring(1, end);
                        rest = rest.substring(end + 1).trim();
                    } else {
                        String[] parts = rest.split("\\s+", 2);
                        name = parts[0];
                        rest = parts.length > 1 ? parts[1].trim() : "";
                    }
                    names.add(name);
                    String type = rest.toLowerCase(Locale.ROOT);
                    if (type.startsWith("{") || type.startsWith("string")) {
                        nominal.add(name);
                    } else if (!(type.startsWith("numeric") || type.startsWith("real") || type.startsWith("integer"))) {
                        throw new DataFormatException("line " + (i + 1), "attribute " + name + " has unsupported type " + rest);
                    }
                } else if (lower.startsWith("@data")) {
                    data = true;
                }
                continue;
            }
            String[] tokens = Tokens.csv(line, i + 1);
            if (tokens.length != names.size()) {
                throw new DataFormatException("line " + (i + 1), tokens.length + " values, " + names.size() + " attributes declared");
            }
            for (int c = 0; c < tokens.length; c++) {
                tokens[c] = Tokens.unquote(tokens[c].trim());
            }
            rows.add(tokens);
            numbers.add(i + 1);
        }
        if (!data) {
            throw new DataFormatException("file", "no @data section");
        }
        return new Table(names, rows, numbers, nominal, true);
    }

    private static Dataset build(Table t, Options options) {
        int label = "last".equalsIgnoreCase(options.label()) ? t.names().size() - 1 : t.names().indexOf(options.label());
        if (label < 0) {
            throw new DataFormatException("label", "no column named " + options.label() + " (columns: "
                    + String.join(", ", t.names()) + ")");
        }
        for (String ig : options.ignore()) {
            if (!t.names().contains(ig)) {
                throw new DataFormatException("--ignore", "no column named " + ig);
            }
        }
        if (t.rows().isEmpty()) {
            throw new DataFormatException("file", "no data rows");
        }
        int[] bad = labels(t, label, options);
        List<Dataset.Column> columns = new ArrayList<>();
        for (int c = 0; c < t.names().size(); c++) {
            String name = t.names().get(c);
            if (c == label || options.ignore().contains(name)) {
                continue;
            }
            columns.add(column(t, c, name));
        }
        if (columns.isEmpty()) {
            throw new DataFormatException("file", "no characteristic columns besides the label");
        }
        return new Dataset(columns, bad);
    }

    private static int[] labels(Table t, int label, Options options) {
        String name = t.names().get(label);
        Set<String> values = new LinkedHashSet<>();
        String[] normalised = new String[t.rows().size()];
        for (int r = 0; r < t.rows().size(); r++) {
            String v = t.rows().get(r)[label].trim();
            if (MISSING.contains(v)) {
                throw new DataFormatException("line " + t.lineNumbers().get(r), "label " + name + " is missing");
            }
            normalised[r] = Tokens.normalNumber(v);
            values.add(normalised[r]);
        }
        String bad = Tokens.normalNumber(options.badValue());
        if (values.size() == 1) {
            throw new DataFormatException("label " + name, "has one class only (" + values.iterator().next()
                    + "): a scorecard needs both goods and bads");
        }
        if (!values.contains(bad)) {
            throw new DataFormatException("label " + name, "never takes the bad value " + options.badValue()
                    + " (values: " + String.join(", ", values) + "); name it with --bad-value");
        }
        if (values.size() > 2) {
            values.remove(bad);
            throw new DataFormatException("label " + name, "has " + (values.size() + 1) + " values; besides the bad value "
                    + options.badValue() + " only one good value is allowed, found " + String.join(", ", values));
        }
        int[] out = new int[normalised.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = normalised[r].equals(bad) ? 1 : 0;
        }
        return out;
    }

    private static Dataset.Column column(Table t, int c, String name) {
        int n = t.rows().size();
        boolean numeric = !t.nominal().contains(name);
        int present = 0;
        int numbers = 0;
        int firstText = -1;
        double[] nums = new double[n];
        for (int r = 0; r < n; r++) {
            String v = t.rows().get(r)[c].trim();
            if (MISSING.contains(v)) {
                nums[r] = Double.NaN;
                continue;
            }
            present++;
            Double d = Tokens.number(v);
            if (d == null) {
                firstText = firstText < 0 ? r : firstText;
            } else {
                numbers++;
                nums[r] = d;
            }
        }
        if (present == 0) {
            throw new DataFormatException("column " + name, "every value is missing; leave it out with --ignore \"" + name + "\"");
        }
        // A column of numbers with a stray word is a data error, not a set of categories: binning it as
        // categories would silently throw away the order of its numbers.
        boolean declared = numeric && t.typed();
        if (firstText >= 0 && numeric && (declared || numbers >= 0.9 * present)) {
            throw new DataFormatException("column " + name, "line " + t.lineNumbers().get(firstText) + " has '"
                    + t.rows().get(firstText)[c].trim() + "' where " + (declared ? "the attribute is declared numeric"
                    : numbers + " of " + present + " values are numbers") + "; write it as a number or as missing (?, NA or empty), "
                    + "or leave the column out with --ignore \"" + name + "\"");
        }
        numeric = numeric && firstText < 0;
        if (numeric) {
            return new Dataset.Numeric(name, nums);
        }
        String[] cats = new String[n];
        for (int r = 0; r < n; r++) {
            String v = t.rows().get(r)[c].trim();
            cats[r] = MISSING.contains(v) ? null : v;
        }
        return new Dataset.Categorical(name, cats);
    }
}
