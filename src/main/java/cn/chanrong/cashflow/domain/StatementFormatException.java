package cn.chanrong.cashflow.domain;

import java.util.Objects;

/**
 * A statement file that cannot be read faithfully. It always names where ({@link #place()}, e.g.
 * {@code entry 3 (ref ABC)}, {@code line 7}, {@code Stmt/Bal[OPBD]}) and what ({@link #field()},
 * e.g. {@code Amt}, {@code CdtDbtInd}, {@code 金额}), so the person who uploaded the file can fix it
 * without asking us. {@link #code()} is stable and meant for machines:
 * <ul>
 * <li>{@code camt.malformed} not well-formed XML, or a required element is missing</li>
 * <li>{@code camt.namespace} a Document that is not camt.053 or camt.054</li>
 * <li>{@code camt.xxe} a DOCTYPE or entity reference (refused, never resolved)</li>
 * <li>{@code camt.too-large}, {@code camt.too-deep} the input exceeds the parser's limits</li>
 * <li>{@code csv.encoding}, {@code csv.header}, {@code csv.malformed} CSV problems</li>
 * <li>{@code entry.amount}, {@code entry.date}, {@code entry.indicator}, {@code entry.reference},
 *     {@code entry.account}, {@code entry.currency}, {@code entry.duplicate}, {@code entry.balance},
 *     {@code entry.batch-total}
 *     problems with one entry
 *     (or, for amount, date and indicator, with a balance; the place tells which)</li>
 * </ul>
 * The English message is {@link #getMessage()}; {@link #messageZh()} says the same in Chinese.
 */
public class StatementFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String place;
    private final String field;
    private final String messageZh;

    /**
     * @param placeZh  the place in Chinese, e.g. {@code 第3条分录（参考号 ABC）}
     * @param detail   what is wrong, in English, e.g. {@code amount is not a number}
     * @param detailZh the same in Chinese, e.g. {@code 金额不是数字}
     */
    public StatementFormatException(String code, String place, String placeZh, String field,
                                    String detail, String detailZh) {
        super(place + ", field " + field + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
        this.place = Objects.requireNonNull(place, "place");
        this.field = Objects.requireNonNull(field, "field");
        this.messageZh = placeZh + "的字段 " + field + "：" + detailZh;
    }

    StatementFormatException(String code, Place place, String field, String detail, String detailZh) {
        this(code, place.en(), place.zh(), field, detail, detailZh);
    }

    /** Stable machine code, e.g. {@code entry.amount}. */
    public String code() {
        return code;
    }

    /** Where in the file, in English. */
    public String place() {
        return place;
    }

    /** Which field or column. */
    public String field() {
        return field;
    }

    /** The message in Chinese, e.g. {@code 第3条分录（参考号 ABC）的字段 Amt：金额不是数字}. */
    public String messageZh() {
        return messageZh;
    }

    /** A place in a file, in both languages. */
    record Place(String en, String zh) {

        static Place entry(int number, String reference) {
            return reference == null
                    ? new Place("entry " + number, "第" + number + "条分录")
                    : new Place("entry " + number + " (ref " + reference + ")",
                            "第" + number + "条分录（参考号 " + reference + "）");
        }

        static Place line(int line) {
            return new Place("line " + line, "第" + line + "行");
        }

        static Place lineColumn(int line, int column) {
            return new Place("line " + line + ", column " + column, "第" + line + "行第" + column + "列");
        }

        static Place path(String path) {
            return new Place(path, path + " 处");
        }
    }

    /** Quotes an offending value for a message, cut short so a huge field cannot flood logs. */
    static String quote(String value) {
        if (value == null) {
            return "(empty)";
        }
        String v = value.strip();
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
    }
}
