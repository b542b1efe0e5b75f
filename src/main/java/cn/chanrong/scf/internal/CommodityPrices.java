package cn.chanrong.scf.internal;

import cn.chanrong.scf.WarehouseReceipts.Price;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commodity price feed: a price per unit of a commodity on a date, entered one at a time or
 * imported from CSV ({@code code,date,price,unit}). Entering a price again for the same commodity,
 * unit and date corrects it. Valuation always uses the latest price on or before the valuation date
 * in the receipt's own unit, so a price per tonne never values goods counted in kilograms.
 */
@Component
class CommodityPrices {

    static final List<String> HEADER = List.of("code", "date", "price", "unit");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");

    private final JdbcClient jdbc;

    CommodityPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    Price store(Checked c, String source, String actor) {
        jdbc.sql("""
                        INSERT INTO scf_commodity_price (commodity_code, unit, priced_on, price, source, entered_by)
                        VALUES (:c, :u, :d, :p, :s, :by)
                        ON CONFLICT (commodity_code, unit, priced_on)
                        DO UPDATE SET price = EXCLUDED.price, source = EXCLUDED.source, entered_by = EXCLUDED.entered_by,
                                      entered_at = now()""")
                .param("c", c.code()).param("u", c.unit()).param("d", c.date()).param("p", c.price())
                .param("s", source).param("by", actor).update();
        return new Price(c.code(), c.unit(), c.date(), c.price(), source, actor);
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

    /** The latest price of the commodity in that unit on or before {@code date}. */
    Optional<Price> latest(String code, String unit, LocalDate date) {
        return jdbc.sql("""
                        SELECT commodity_code, unit, priced_on, price, source, entered_by FROM scf_commodity_price
                         WHERE commodity_code = :c AND unit = :u AND priced_on <= :d ORDER BY priced_on DESC LIMIT 1""")
                .param("c", code).param("u", unit).param("d", date).query(CommodityPrices::row).optional();
    }

    Page<Price> list(String code, PageRequest page) {
        String where = code == null || code.isBlank() ? "TRUE" : "commodity_code = :c";
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        List<Price> items = jdbc.sql("SELECT commodity_code, unit, priced_on, price, source, entered_by FROM scf_commodity_price"
                        + " WHERE " + where + " ORDER BY priced_on DESC, commodity_code, unit LIMIT :limit OFFSET :offset")
                .param("c", c).param("limit", page.size()).param("offset", page.offset()).query(CommodityPrices::row).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_commodity_price WHERE " + where).param("c", c)
                .query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Price row(ResultSet rs, int i) throws SQLException {
        return new Price(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                rs.getString(5), rs.getString(6));
    }
}
