package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.CsvRecords.Row;
import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads bank statements exported as CSV. The layout, in Markdown (kept here so it travels with the code):
 *
 * <pre>
 * ## Statement CSV layout
 *
 * - Bytes in UTF-8 (with or without BOM) or GBK; whichever is used is reported back. A file that is
 *   valid UTF-8 is read as UTF-8; otherwise as GBK; a file valid in neither is refused.
 * - Comma-separated; a field containing commas, quotes or line breaks is quoted with `"`, and a quote
 *   inside is doubled (`""`). Blank lines are ignored.
 * - The first non-blank line is the header. Names are case-insensitive; spaces and `-` count as `_`;
 *   unknown columns are ignored; a column may not appear twice.
 *
 * | column                 | Chinese  | required | content                                               |
 * |------------------------|----------|----------|-------------------------------------------------------|
 * | `account`              | 账号     | yes      | the statement account; one statement per account      |
 * | `date`                 | 交易日期 | yes      | booking date: `yyyy-MM-dd`, `yyyyMMdd` or `yyyy/MM/dd` |
 * | `value_date`           | 起息日   | no       | same formats                                          |
 * | `reference`            | 流水号   | yes      | unique per account within the file                    |
 * | `amount`               | 金额     | (a)      | signed: credit (money in) +, debit (money out) −      |
 * | `debit` and `credit`   | 借方金额 / 贷方金额 | (a) | unsigned; exactly one of the two filled per row  |
 * | `currency`             | 币种     | no       | ISO code; `人民币`/`RMB` mean CNY; default CNY        |
 * | `counterparty`         | 对方户名 | no       |                                                       |
 * | `counterparty_account` | 对方账号 | no       |                                                       |
 * | `remark`               | 摘要     | no       | remittance text                                       |
 * | `balance`              | 余额     | no       | running balance after the row; if the column exists, every row needs it |
 *
 * (a) either `amount`, or both `debit` and `credit` — not both styles.
 *
 * - Amounts: digits with `.` and at most 2 decimals; thousands separators allowed (`"1,234.50"`,
 *   quoted because of the comma).
 * - Rows of one account are in booking order, oldest first: with a `balance` column each row must
 *   satisfy previous balance + amount = balance. The opening balance is the first row's balance minus
 *   its amount; the closing balance is the last row's balance. Without the column both are unknown.
 * - Statement period: earliest to latest booking date of the account's rows.
 * - Errors name the line number and the column as written in the header.
 * </pre>
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class CsvStatementParser {

    private enum Column {
        ACCOUNT("account", "账号"), DATE("date", "交易日期"), VALUE_DATE("value_date", "起息日"),
        REFERENCE("reference", "流水号"), AMOUNT("amount", "金额"), DEBIT("debit", "借方金额"),
        CREDIT("credit", "贷方金额"), CURRENCY("currency", "币种"), COUNTERPARTY("counterparty", "对方户名"),
        COUNTERPARTY_ACCOUNT("counterparty_account", "对方账号"), REMARK("remark", "摘要"), BALANCE("balance", "余额");

        final String english;
        final String chinese;

        Column(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd")).stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    /** Rows of one account gathered while reading. */
    private static final class Account {
        final String id;
        final String currency;
        final List<EntryDraft> entries = new ArrayList<>();
        final Map<String, Integer> referenceLines = new HashMap<>();
        LocalDate from;
        LocalDate to;
        BigDecimal opening;
        BigDecimal balance;

        Account(String id, String currency) {
            this.id = id;
            this.currency = currency;
        }
    }

    /**
     * @throws StatementFormatException naming the line and column of the first problem found
     */
    public CsvStatement parse(byte[] bytes) {
        return parse(Upload.of(Objects.requireNonNull(bytes, "bytes")));
    }

    /**
     * Reads an uploaded file without holding its bytes or text: the encoding is found in one pass,
     * the records are read in a second, one at a time. The entries read are kept (they are the
     * statements); the size of the upload bounds them.
     *
     * @throws StatementFormatException naming the line and column of the first problem found
     */
    public CsvStatement parse(Upload file) {
        Charset charset = CsvRecords.encoding(Objects.requireNonNull(file, "file"));
        Map<String, Account> accounts = new LinkedHashMap<>();
        try (CsvRecords.Rows rows = CsvRecords.rows(file, charset)) {
            Row header = rows.next();
            if (header == null) {
                throw new StatementFormatException("csv.header", Place.line(1), "header", "the file is empty", "文件为空");
            }
            Map<Column, Integer> index = header(header);
            for (Row row = rows.next(); row != null; row = rows.next()) {
                read(row, new Cells(header, index, row), accounts);
            }
        }
        List<StatementDraft> drafts = accounts.values().stream().map(a -> new StatementDraft("csv",
                "csv:" + a.id + ":" + a.from + ".." + a.to, a.id, a.currency, a.from, a.to, a.opening,
                a.balance, a.entries)).toList();
        return new CsvStatement(charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK", drafts);
    }

    private static Map<Column, Integer> header(Row header) {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (Column c : Column.values()) {
                if (name.equals(c.english) || name.equals(c.chinese)) {
                    if (index.putIfAbsent(c, i) != null) {
                        throw headerError(header, c.english, "column appears twice", "列重复出现");
                    }
                }
            }
        }
        for (Column c : List.of(Column.ACCOUNT, Column.DATE, Column.REFERENCE)) {
            if (!index.containsKey(c)) {
                throw headerError(header, c.english, "required column missing (" + c.english + " or " + c.chinese + ")",
                        "缺少必需的列（" + c.english + " 或 " + c.chinese + "）");
            }
        }
        boolean signed = index.containsKey(Column.AMOUNT);
        boolean split = index.containsKey(Column.DEBIT) || index.containsKey(Column.CREDIT);
        if (signed && split) {
            throw headerError(header, "amount", "use either amount or debit/credit columns, not both",
                    "金额列与借方/贷方金额列只能二选一");
        }
        if (!signed && !(index.containsKey(Column.DEBIT) && index.containsKey(Column.CREDIT))) {
            throw headerError(header, "amount", "required column missing (amount, or both debit and credit)",
                    "缺少金额列（金额，或借方金额与贷方金额两列）");
        }
        return index;
    }

    private static void read(Row row, Cells cells, Map<String, Account> accounts) {
        Place place = Place.line(row.line());
        if (row.fields().size() > cells.width() && row.fields().subList(cells.width(), row.fields().size())
                .stream().anyMatch(f -> !f.isBlank())) {
            throw new StatementFormatException("csv.malformed", place, "columns",
                    "more values than header columns", "值的个数多于表头列数");
        }
        String accountId = cells.required(Column.ACCOUNT, "entry.account", "missing account", "缺少账号");
        String reference = cells.required(Column.REFERENCE, "entry.reference", "missing reference", "缺少流水号");
        LocalDate date = date(cells, Column.DATE);
        if (date == null) {
            throw cells.error(Column.DATE, "entry.date", "missing date", "缺少交易日期");
        }
        LocalDate valueDate = date(cells, Column.VALUE_DATE);
        BigDecimal amount = amount(cells);
        String currency = Money.normaliseCurrency(cells.get(Column.CURRENCY));
        if (!Money.isCurrency(currency)) {
            throw cells.error(Column.CURRENCY, "entry.currency", "not a currency code", "不是币种代码");
        }
        Account account = accounts.computeIfAbsent(accountId, id -> new Account(id, currency));
        if (!account.currency.equals(currency)) {
            throw cells.error(Column.CURRENCY, "entry.currency", "account " + accountId + " was " + account.currency
                    + " on earlier rows", "账号 " + accountId + " 在前面的行中币种为 " + account.currency);
        }
        Integer firstLine = account.referenceLines.putIfAbsent(reference, row.line());
        if (firstLine != null) {
            throw cells.error(Column.REFERENCE, "entry.duplicate", "reference " + reference + " already used on line "
                    + firstLine + " for account " + accountId, "流水号 " + reference + " 已在第" + firstLine + "行出现");
        }
        if (cells.has(Column.BALANCE)) {
            checkBalance(cells, account, amount);
        }
        account.entries.add(new EntryDraft(reference, date, valueDate, amount, currency,
                cells.get(Column.COUNTERPARTY), cells.get(Column.COUNTERPARTY_ACCOUNT), cells.get(Column.REMARK)));
        account.from = account.from == null || date.isBefore(account.from) ? date : account.from;
        account.to = account.to == null || date.isAfter(account.to) ? date : account.to;
    }

    private static void checkBalance(Cells cells, Account account, BigDecimal amount) {
        String raw = cells.get(Column.BALANCE);
        if (raw == null) {
            throw cells.error(Column.BALANCE, "entry.balance", "missing balance", "缺少余额");
        }
        BigDecimal balance = number(raw, cells, Column.BALANCE, "entry.balance", true);
        if (account.balance == null) {
            account.opening = balance.subtract(amount);
        } else if (account.balance.add(amount).compareTo(balance) != 0) {
            BigDecimal expected = Money.scale(account.balance.add(amount));
            throw cells.error(Column.BALANCE, "entry.balance", "balance " + balance + " does not follow: previous "
                    + account.balance + " + amount " + amount + " = " + expected,
                    "余额 " + balance + " 不连续：上一行余额 " + account.balance + " + 本行金额 " + amount + " = " + expected);
        }
        account.balance = balance;
    }

    private static BigDecimal amount(Cells cells) {
        if (cells.has(Column.AMOUNT)) {
            String raw = cells.get(Column.AMOUNT);
            if (raw == null) {
                throw cells.error(Column.AMOUNT, "entry.amount", "missing amount", "缺少金额");
            }
            return number(raw, cells, Column.AMOUNT, "entry.amount", true);
        }
        String debit = cells.get(Column.DEBIT);
        String credit = cells.get(Column.CREDIT);
        BigDecimal d = debit == null ? null : number(debit, cells, Column.DEBIT, "entry.amount", false);
        BigDecimal c = credit == null ? null : number(credit, cells, Column.CREDIT, "entry.amount", false);
        boolean hasDebit = d != null && d.signum() != 0;
        boolean hasCredit = c != null && c.signum() != 0;
        if (hasDebit && hasCredit) {
            throw cells.error(Column.DEBIT, "entry.amount", "both debit and credit are filled", "借方金额与贷方金额同时有值");
        }
        if (d == null && c == null) {
            throw cells.error(Column.DEBIT, "entry.amount", "neither debit nor credit is filled", "借方金额与贷方金额均为空");
        }
        return hasDebit ? d.negate() : c == null ? BigDecimal.ZERO : c;
    }

    private static BigDecimal number(String raw, Cells cells, Column column, String code, boolean signed) {
        if (!AMOUNT.matcher(raw).matches()) {
            throw cells.error(column, code, "not a number: " + StatementFormatException.quote(raw),
                    "不是数字：" + StatementFormatException.quote(raw));
        }
        BigDecimal value = new BigDecimal(raw.replace(",", ""));
        if (!signed && value.signum() < 0) {
            throw cells.error(column, code, "must not be negative (the column gives the direction)", "不能为负数（方向由列区分）");
        }
        if (Money.hasSubFen(value)) {
            throw cells.error(column, code, "more than 2 decimals: " + raw, "超过两位小数：" + raw);
        }
        return Money.scale(value);
    }

    private static LocalDate date(Cells cells, Column column) {
        String raw = cells.get(column);
        if (raw == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(raw, f);
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        throw cells.error(column, "entry.date", "not a date (yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd): "
                + StatementFormatException.quote(raw), "不是日期（应为 yyyy-MM-dd、yyyyMMdd 或 yyyy/MM/dd）");
    }

    private static StatementFormatException headerError(Row header, String field, String detail, String detailZh) {
        return new StatementFormatException("csv.header", Place.line(header.line()), field, detail, detailZh);
    }

    /** The cells of one row, addressed by column, with errors that name the header as written. */
    private record Cells(Row header, Map<Column, Integer> index, Row row) {

        int width() {
            return header.fields().size();
        }

        boolean has(Column c) {
            return index.containsKey(c);
        }

        /** Stripped value, or null when the column is absent or the cell blank. */
        String get(Column c) {
            Integer i = index.get(c);
            return i == null || i >= row.fields().size() ? null : Money.blankToNull(row.fields().get(i));
        }

        String required(Column c, String code, String detail, String detailZh) {
            String v = get(c);
            if (v == null) {
                throw error(c, code, detail, detailZh);
            }
            return v;
        }

        StatementFormatException error(Column c, String code, String detail, String detailZh) {
            Integer i = index.get(c);
            String name = i == null ? c.english : header.fields().get(i).strip();
            return new StatementFormatException(code, Place.line(row.line()), name, detail, detailZh);
        }
    }
}
