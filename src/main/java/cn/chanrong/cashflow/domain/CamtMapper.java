package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps the element tree of one camt.053/camt.054 Document to drafts. The rules, by element:
 * <ul>
 * <li>{@code Stmt} (053) or {@code Ntfctn} (054) → one draft; {@code Id} → statementId;
 *     {@code Acct/Id/IBAN} or {@code Acct/Id/Othr/Id} → accountId; {@code Acct/Ccy} → currency (see below).</li>
 * <li>{@code FrToDt/FrDtTm}, {@code ToDtTm} → from/to (date part as written, no time-zone shift); without
 *     them, the earliest and latest balance dates; without balances, the earliest and latest booking dates.</li>
 * <li>{@code Bal} typed OPBD → opening (PRCD, the previous closing, when there is no OPBD); CLBD → closing;
 *     DBIT makes a balance negative. Other types (OPAV, ITBD, CLAV…) are never used as a stand-in:
 *     opening/closing stay null rather than guessed.</li>
 * <li>{@code Ntry}: reference is NtryRef, else AcctSvcrRef, else the first TxDtls' Refs/AcctSvcrRef, else
 *     its Refs/EndToEndId (NOTPROVIDED counts as absent). Amount is Amt (unsigned, at most 2 decimals)
 *     signed by CdtDbtInd (CRDT +, DBIT −). BookgDt and ValDt accept Dt or DtTm; an entry without a
 *     booking date (pending items in notifications) is booked on its value date.</li>
 * <li>Reversals ({@code RvslInd} true or 1): as the ISO usage rules say, CdtDbtInd is already the
 *     direction of the reversal entry itself (a CRDT reversal undoes an earlier debit), so the sign is
 *     taken as written. Counterparty and remittance are
 *     taken as written.</li>
 * <li>Counterparty, from the first {@code NtryDtls/TxDtls/RltdPties}: for CRDT the debtor
 *     ({@code Dbtr/Nm}, or {@code Dbtr/Pty/Nm} from version 08 on; {@code DbtrAcct/Id/IBAN|Othr/Id}),
 *     for DBIT the creditor ({@code Cdtr…}, {@code CdtrAcct…}).</li>
 * <li>Remittance: the first TxDtls' {@code RmtInf/Ustrd} lines joined with a space, else {@code AddtlNtryInf}.</li>
 * <li>A batched entry (more than one {@code TxDtls}, across its {@code NtryDtls}) becomes one draft per
 *     transaction, each with its own amount, counterparty and key: see {@link CamtBatch}.</li>
 * <li>Currency: {@code Acct/Ccy}; without it, the first balance's or entry's {@code Amt/@Ccy}; CNY when
 *     nothing says. Whether it is the bound account's currency is {@link AccountCurrency}'s rule.</li>
 * </ul>
 * Entries are numbered in document order across all statements, so "entry 7" is unambiguous.
 */
final class CamtMapper {

    // Schema type ActiveOrHistoricCurrencyAndAmount: unsigned, at most 18 digits of which 5 fraction.
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");

    // xs:date may carry a zone, e.g. 2024-03-01+08:00; the date is still the one written.
    private static final Pattern ZONED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    private int entryNumber;

    List<StatementDraft> map(String format, XmlNode document) {
        boolean statement = format.startsWith("camt.053");
        String messageName = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String unit = statement ? "Stmt" : "Ntfctn";
        XmlNode message = document.find(messageName);
        if (message == null) {
            throw malformed(Place.path("Document"), messageName, "missing", "缺失");
        }
        List<XmlNode> units = message.children(unit);
        if (units.isEmpty()) {
            throw malformed(Place.path("Document/" + messageName), unit, "missing", "缺失");
        }
        List<StatementDraft> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            out.add(statement(format, unit + "[" + (i + 1) + "]", units.get(i)));
        }
        return out;
    }

    private StatementDraft statement(String format, String where, XmlNode s) {
        String id = s.text("Id");
        if (id == null) {
            throw malformed(Place.path(where), "Id", "missing", "缺失");
        }
        String account = s.firstText("Acct/Id/IBAN", "Acct/Id/Othr/Id");
        if (account == null) {
            throw malformed(Place.path(where), "Acct/Id", "missing", "缺失");
        }
        String currency = statementCurrency(s);
        if (!Money.isCurrency(currency)) {
            throw malformed(Place.path(where), "Acct/Ccy", "not an ISO 4217 code: " + StatementFormatException.quote(currency),
                    "不是 ISO 4217 币种代码");
        }
        BigDecimal opening = null;
        BigDecimal previousClosing = null;
        BigDecimal closing = null;
        List<LocalDate> balanceDates = new ArrayList<>();
        for (XmlNode bal : s.children("Bal")) {
            String type = bal.text("Tp/CdOrPrtry/Cd");
            Place place = Place.path(where + "/Bal[" + (type == null ? "?" : type) + "]");
            LocalDate date = dateChoice(bal.find("Dt"), place, "Dt");
            if (date != null) {
                balanceDates.add(date);
            }
            switch (type == null ? "" : type) {
                case "OPBD" -> opening = signed(bal, place);
                case "PRCD" -> previousClosing = signed(bal, place);
                case "CLBD" -> closing = signed(bal, place);
                default -> {
                    // available/interim balances say nothing certain about the booked opening or closing
                }
            }
        }
        if (opening == null) {
            opening = previousClosing;
        }
        List<EntryDraft> entries = new ArrayList<>();
        for (XmlNode n : s.children("Ntry")) {
            entries.addAll(entry(n, currency));
        }
        Place period = Place.path(where + "/FrToDt");
        LocalDate from = date(s.text("FrToDt/FrDtTm"), period, "FrDtTm");
        LocalDate to = date(s.text("FrToDt/ToDtTm"), period, "ToDtTm");
        List<LocalDate> fallback = balanceDates.isEmpty()
                ? entries.stream().map(EntryDraft::bookingDate).toList() : balanceDates;
        if (from == null) {
            from = fallback.stream().min(LocalDate::compareTo).orElse(null);
        }
        if (to == null) {
            to = fallback.stream().max(LocalDate::compareTo).orElse(null);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new StatementFormatException("entry.date", period, "ToDtTm", "period ends before it starts",
                    "期间结束日早于开始日");
        }
        return new StatementDraft(format, id, account, currency, from, to, opening, closing, entries);
    }

    /** Acct/Ccy; without it (it is optional) the currency the amounts are written in; CNY when nothing says. */
    private static String statementCurrency(XmlNode s) {
        if (s.text("Acct/Ccy") != null) {
            return s.text("Acct/Ccy");
        }
        for (String unit : new String[] {"Bal", "Ntry"}) {
            for (XmlNode n : s.children(unit)) {
                XmlNode amt = n.find("Amt");
                if (amt != null && amt.attribute("Ccy") != null) {
                    return amt.attribute("Ccy");
                }
            }
        }
        return Money.DEFAULT_CURRENCY;
    }

    /** One entry as one draft, or a batched entry (several TxDtls) as one draft per transaction. */
    private List<EntryDraft> entry(XmlNode n, String statementCurrency) {
        int number = ++entryNumber;
        List<XmlNode> details = n.children("NtryDtls").stream().flatMap(d -> d.children("TxDtls").stream()).toList();
        XmlNode tx = details.isEmpty() ? null : details.getFirst();
        String reference = present(n.text("NtryRef"), n.text("AcctSvcrRef"),
                tx == null ? null : tx.text("Refs/AcctSvcrRef"), tx == null ? null : tx.text("Refs/EndToEndId"));
        if (reference == null) {
            throw new StatementFormatException("entry.reference", Place.entry(number, null), "NtryRef",
                    "no NtryRef, AcctSvcrRef or EndToEndId", "没有 NtryRef、AcctSvcrRef 或 EndToEndId");
        }
        Place place = Place.entry(number, reference);
        BigDecimal amount = amount(n.find("Amt"), place, "Amt");
        String currency = n.find("Amt").attribute("Ccy");
        if (currency == null) {
            currency = statementCurrency;
        } else if (!Money.isCurrency(currency)) {
            throw new StatementFormatException("entry.currency", place, "Amt/@Ccy",
                    "not an ISO 4217 code: " + StatementFormatException.quote(currency), "不是 ISO 4217 币种代码");
        }
        boolean credit = credit(n.text("CdtDbtInd"), place);
        BigDecimal signed = credit ? amount : amount.negate();
        LocalDate booking = dateChoice(n.find("BookgDt"), place, "BookgDt");
        LocalDate value = dateChoice(n.find("ValDt"), place, "ValDt");
        if (booking == null && value == null) {
            throw new StatementFormatException("entry.date", place, "BookgDt", "missing (and no ValDt)",
                    "缺少记账日期（也没有起息日）");
        }
        LocalDate booked = booking != null ? booking : value;
        if (details.size() > 1) {
            return CamtBatch.split(new CamtBatch.Entry(reference, place, booked, value, credit, amount, currency,
                    n.text("AddtlNtryInf")), details);
        }
        String party = credit ? "Dbtr" : "Cdtr";
        String name = tx == null ? null
                : tx.firstText("RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm");
        String account = tx == null ? null : tx.firstText("RltdPties/" + party + "Acct/Id/IBAN",
                "RltdPties/" + party + "Acct/Id/Othr/Id");
        String remittance = tx == null ? null : CamtBatch.remittance(tx);
        if (remittance == null) {
            remittance = n.text("AddtlNtryInf");
        }
        return List.of(new EntryDraft(reference, booked, value, signed, currency, name, account, remittance));
    }

    /** A balance: Amt signed by its CdtDbtInd. */
    private static BigDecimal signed(XmlNode bal, Place place) {
        BigDecimal amount = amount(bal.find("Amt"), place, "Amt");
        return credit(bal.text("CdtDbtInd"), place) ? amount : amount.negate();
    }

    static BigDecimal amount(XmlNode amt, Place place, String field) {
        String text = amt == null ? null : amt.text();
        if (text == null) {
            throw new StatementFormatException("entry.amount", place, field, "missing", "缺少金额");
        }
        if (!DECIMAL.matcher(text).matches()) {
            boolean negative = text.startsWith("-");
            throw new StatementFormatException("entry.amount", place, field,
                    (negative ? "negative amount " : "amount is not a decimal number: ") + StatementFormatException.quote(text),
                    negative ? "金额为负数（方向应由 CdtDbtInd 表示）" : "金额不是数字");
        }
        BigDecimal value = new BigDecimal(text);
        if (Money.hasSubFen(value)) {
            throw new StatementFormatException("entry.amount", place, field,
                    "more than 2 decimals: " + StatementFormatException.quote(text), "金额超过两位小数");
        }
        return value;
    }

    static boolean credit(String indicator, Place place) {
        if ("CRDT".equals(indicator)) {
            return true;
        }
        if ("DBIT".equals(indicator)) {
            return false;
        }
        throw new StatementFormatException("entry.indicator", place, "CdtDbtInd",
                "must be CRDT or DBIT, got " + StatementFormatException.quote(indicator),
                "应为 CRDT 或 DBIT，实际为 " + StatementFormatException.quote(indicator));
    }

    /** A DateAndDateTimeChoice element: Dt or DtTm inside; null when the element is absent. */
    private static LocalDate dateChoice(XmlNode choice, Place place, String field) {
        if (choice == null) {
            return null;
        }
        String dt = choice.text("Dt");
        if (dt != null) {
            return date(dt, place, field + "/Dt");
        }
        String dtTm = choice.text("DtTm");
        if (dtTm != null) {
            return date(dtTm, place, field + "/DtTm");
        }
        throw new StatementFormatException("entry.date", place, field, "has neither Dt nor DtTm", "既无 Dt 也无 DtTm");
    }

    /** ISO date or date-time; a date-time keeps the date as the bank wrote it, without shifting zones. */
    static LocalDate date(String text, Place place, String field) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10 || ZONED_DATE.matcher(text).matches()) {
                return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toLocalDate();
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new StatementFormatException("entry.date", place, field,
                    "not an ISO date: " + StatementFormatException.quote(text), "不是 ISO 日期格式：" + StatementFormatException.quote(text));
        }
    }

    static String present(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.equalsIgnoreCase("NOTPROVIDED")) {
                return c;
            }
        }
        return null;
    }

    private static StatementFormatException malformed(Place place, String field, String detail, String detailZh) {
        return new StatementFormatException("camt.malformed", place, field, detail, detailZh);
    }
}
