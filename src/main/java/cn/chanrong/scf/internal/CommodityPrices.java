package cn.chanrong.scf.internal;

import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The commodity price feed: a price per unit of a commodity on a date, entered one at a time or
 * imported from CSV ({@code code,date,price,unit}). Entering a price again for the same commodity,
 * unit and date corrects it. Valuation always uses the latest price on or before the valuation date
 * in the receipt's own unit, so a price per tonne never values goods counted in kilograms. The rules
 * and the file are read here; {@link PriceStore} stores and reads the prices.
 */
final class CommodityPrices {

    static final List<String> HEADER = List.of("code", "date", "price", "unit");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");

    private CommodityPrices() {
    }

    /** A price checked: the request's fields, or the rejections (each naming its field). */
    record Checked(String code, LocalDate date, BigDecimal price, String unit) {
    }

    static Checked check(String code, LocalDate date, String price, String unit, LocalDate today, List<Rejection> r) {
        String c = WarehouseInputs.commodity(code, "commodityCode", r);
        if (date == null) {
            r.add(Rejection.of("required", "date"));
        } else if (date.isAfter(today)) {
            r.add(Rejection.of("date.future", "date", date, today));
        }
        BigDecimal p = WarehouseInputs.decimal(price, "pricePerUnit", 4, BigDecimal.ZERO, false, MAX_PRICE, r);
        String u = WarehouseInputs.text(unit, "unit", 1, 20, r);
        return new Checked(c, date, p, u);
    }

    /**
     * Checks the CSV, streaming: every row checked with its line number; any refusal refuses the whole
     * file, with the first {@value FirstErrors#LIMIT} problems listed and the rest counted. Returns the
     * checked text, to read the rows again with {@link #forEachRow}.
     */
    static Csv.Source checkFile(Upload file, String encoding, LocalDate today) {
        Csv.Readable readable = Csv.open(file, encoding);
        if (readable.rejection() != null) {
            throw Rejected.invalid(readable.rejection());
        }
        FirstErrors<Rejection> problems = FirstErrors.ofRejections();
        Set<String> seen = new HashSet<>();
        try (Csv.Records records = readable.source().records()) {
            Csv.Row first = records.next();
            if (first == null || !first.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT))
                    .toList().equals(HEADER)) {
                throw Rejected.invalid(Rejection.of("scf.price.csv-header", null, String.join(",", HEADER)));
            }
            Csv.Row record = records.next();
            if (record == null) {
                throw Rejected.invalid(Rejection.of("csv.no-rows", null));
            }
            for (; record != null; record = records.next()) {
                Checked c = row(record, today, problems);
                if (c != null) {
                    if (!seen.add(c.code() + "|" + c.unit() + "|" + c.date())) {
                        problems.add(Rejection.of("scf.price.line-duplicate", "date", record.line(), c.code(), c.unit(),
                                c.date()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("csv.malformed", null, e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return readable.source();
    }

    /** The rows of a file that passed {@link #checkFile}, in file order. */
    static void forEachRow(Csv.Source source, LocalDate today, Consumer<Checked> action) {
        FirstErrors<Rejection> none = FirstErrors.ofRejections();
        try (Csv.Records records = source.records()) {
            records.next();
            for (Csv.Row record = records.next(); record != null; record = records.next()) {
                action.accept(row(record, today, none));
            }
        }
    }

    /** One row checked; null, with one problem per bad column (naming the line and the value as written), when it fails. */
    private static Checked row(Csv.Row record, LocalDate today, FirstErrors<Rejection> problems) {
        int line = record.line();
        List<String> f = record.fields().stream().map(String::strip).toList();
        if (f.size() != HEADER.size()) {
            problems.add(Rejection.of("scf.price.line-columns", null, line, HEADER.size(), f.size()));
            return null;
        }
        List<Rejection> r = new ArrayList<>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(f.get(1));
        } catch (DateTimeParseException e) {
            r.add(Rejection.of("date.format", "date", f.get(1)));
        }
        Checked c = check(f.get(0), date, f.get(2), f.get(3), today, r);
        new java.util.LinkedHashSet<>(r.stream().map(Rejection::field).toList()).forEach(field -> {
            switch (field) {
                case "commodityCode" -> problems.add(Rejection.of("scf.price.line-code", "code", line, f.get(0)));
                case "date" -> problems.add(Rejection.of("scf.price.line-date", "date", line, f.get(1)));
                case "pricePerUnit" -> problems.add(Rejection.of("scf.price.line-price", "price", line, f.get(2)));
                default -> problems.add(Rejection.of("scf.price.line-unit", "unit", line, f.get(3)));
            }
        });
        return r.isEmpty() ? c : null;
    }
}
