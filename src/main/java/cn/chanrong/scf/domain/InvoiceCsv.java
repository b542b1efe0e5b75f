package cn.chanrong.scf.domain;

import cn.chanrong.shared.Csv;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads invoice summaries in bulk, as a supplier exports them from its tax software to back a
 * batch of receivables: a header line, then one invoice per line without its items:
 *
 * <pre>
 * number,issued_on,seller_code,seller_name,buyer_code,buyer_name,amount_ex_tax,tax,total,red,original_number
 * </pre>
 *
 * Dates are ISO ({@code 2025-06-01}), amounts plain decimals in yuan, {@code red} is
 * {@code true}/{@code false} (or {@code 1}/{@code 0}), {@code original_number} is empty for a blue
 * invoice. Decoding and quoting follow the shared {@link Csv} reader (UTF-8 with or without BOM,
 * or the declared charset such as GBK; RFC 4180 quotes).
 * <p>
 * Uploads are read a line at a time: {@link #header}, then {@link #row} for each data line.
 * <p>
 * File-level problems ({@code csv.*} from the decoder, {@code invoice.csv.unclosed-quote} (line),
 * {@code invoice.csv.header} (expected header)) stop the read. Line-level problems stay with their
 * line: {@code invoice.csv.columns} (line, expected, actual), {@code invoice.csv.date},
 * {@code invoice.csv.decimal}, {@code invoice.csv.red} (line, value) with the column as field, and
 * for a readable line the rejections of {@link InvoiceRules}.
 */
public final class InvoiceCsv {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("number", "issued_on", "seller_code", "seller_name",
            "buyer_code", "buyer_name", "amount_ex_tax", "tax", "total", "red", "original_number");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private InvoiceCsv() {
    }

    /** One data line: its 1-based line number, the invoice when it could be read, and what is wrong. */
    public record Row(int line, Invoice invoice, List<Rejection> rejections) {
        public Row {
            rejections = List.copyOf(rejections);
        }

        public boolean ok() {
            return invoice != null && rejections.isEmpty();
        }
    }

    /** The data lines, or the file-level rejections that kept the file from being read. */
    public record Result(List<Row> rows, List<Rejection> rejections) {
        public Result {
            rows = List.copyOf(rows);
            rejections = List.copyOf(rejections);
        }

        public boolean ok() {
            return rejections.isEmpty() && rows.stream().allMatch(Row::ok);
        }
    }

    /** Decodes the bytes in {@code charset} (null for UTF-8) and reads them. */
    public static Result parse(byte[] bytes, String charset) {
        Csv.Either decoded = Csv.decode(bytes, charset);
        if (decoded.rejection() != null) {
            return new Result(List.of(), List.of(decoded.rejection()));
        }
        return parse(decoded.text());
    }

    /** Reads already-decoded text. */
    public static Result parse(String text) {
        List<Csv.Row> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            return new Result(List.of(), List.of(Rejection.of("invoice.csv.unclosed-quote", null, e.getMessage())));
        }
        Rejection header = header(records.isEmpty() ? null : records.getFirst());
        if (header != null) {
            return new Result(List.of(), List.of(header));
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Row record : records.subList(1, records.size())) {
            rows.add(row(record));
        }
        return new Result(rows, List.of());
    }

    /** Null when {@code first} (null for an empty file) is the header, else why it is not. */
    public static Rejection header(Csv.Row first) {
        return first != null && first.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)
                ? null : Rejection.of("invoice.csv.header", null, String.join(",", HEADER));
    }

    /**
     * Why a file could not be read to its end ({@link Csv.Records#next()} threw): a quote left open, or
     * a record too long to be a line of this layout.
     */
    public static Rejection unreadable(IllegalArgumentException e) {
        return e instanceof Csv.TooLong ? Rejection.of("csv.malformed", null, e.getMessage())
                : Rejection.of("invoice.csv.unclosed-quote", null, e.getMessage());
    }

    /** One data line read: the invoice, or what keeps it from being read, and the rule check's rejections. */
    public static Row row(Csv.Row record) {
        int line = record.line();
        List<String> f = record.fields().stream().map(String::strip).toList();
        if (f.size() != HEADER.size()) {
            return new Row(line, null, List.of(Rejection.of("invoice.csv.columns", null, line, HEADER.size(), f.size())));
        }
        List<Rejection> problems = new ArrayList<>();
        LocalDate issuedOn = date(line, f.get(1), problems);
        BigDecimal exTax = decimal(line, "amount_ex_tax", f.get(6), problems);
        BigDecimal tax = decimal(line, "tax", f.get(7), problems);
        BigDecimal total = decimal(line, "total", f.get(8), problems);
        Boolean red = switch (f.get(9).toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                problems.add(Rejection.of("invoice.csv.red", "red", line, f.get(9)));
                yield null;
            }
        };
        if (!problems.isEmpty()) {
            return new Row(line, null, problems);
        }
        Invoice invoice = new Invoice(f.get(0), issuedOn, f.get(2), f.get(3), f.get(4), f.get(5), exTax, tax, total,
                red, f.get(10).isEmpty() ? null : f.get(10), List.of());
        return new Row(line, invoice, InvoiceRules.check(invoice));
    }

    private static LocalDate date(int line, String value, List<Rejection> problems) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("invoice.csv.date", "issued_on", line, value));
            return null;
        }
    }

    private static BigDecimal decimal(int line, String column, String value, List<Rejection> problems) {
        if (!DECIMAL.matcher(value).matches()) {
            problems.add(Rejection.of("invoice.csv.decimal", column, line, value));
            return null;
        }
        return new BigDecimal(value);
    }
}
