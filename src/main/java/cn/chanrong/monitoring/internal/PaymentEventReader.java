package cn.chanrong.monitoring.internal;

import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads one payment event at the edge, the same way for the API's JSON array and for a record of the
 * payment stream: the event typed when every field reads, else the reasons it does not. Never throws on
 * what a bank sent, so one bad event is set aside and the rest go on.
 */
public final class PaymentEventReader {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");

    private PaymentEventReader() {
    }

    /** The event at {@code index} of a report (or of a batch), as read from its JSON object. */
    public static Monitoring.Incoming read(int index, JsonNode n) {
        String raw = n == null ? "" : n.toString();
        List<Rejection> problems = new ArrayList<>();
        if (n == null || !n.isObject()) {
            problems.add(Rejection.of("monitoring.payment.object", "event"));
            return new Monitoring.Incoming(index, raw, null, null, problems);
        }
        String reference = text(n, "bankReference", 1, 100, true, problems);
        String direction = text(n, "direction", 1, 10, true, problems);
        Monitoring.Direction dir = null;
        if (direction != null) {
            try {
                dir = Monitoring.Direction.valueOf(direction);
            } catch (IllegalArgumentException e) {
                problems.add(Rejection.of("enum", "direction", direction, "DEBIT, CREDIT"));
            }
        }
        String account = text(n, "account", 4, 40, true, problems);
        String counterpartyAccount = text(n, "counterpartyAccount", 1, 40, false, problems);
        String counterpartyName = text(n, "counterpartyName", 1, 200, false, problems);
        String remittance = text(n, "remittance", 1, 500, false, problems);
        String currency = text(n, "currency", 3, 3, true, problems);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add(Rejection.of("monitoring.payment.currency-code", "currency", currency));
        }
        BigDecimal amount = amount(n, "", "amount", MAX_AMOUNT, problems);
        LocalDate valueDate = date(n, "", "valueDate", problems);
        if (!problems.isEmpty()) {
            return new Monitoring.Incoming(index, raw, reference, null, problems);
        }
        return new Monitoring.Incoming(index, raw, reference, new Monitoring.PaymentEvent(dir, account, counterpartyAccount,
                counterpartyName, amount, currency, valueDate, reference, remittance), List.of());
    }

    /** A text field, stripped, within its bounds; null (and the reason when required or malformed) otherwise. */
    static String text(JsonNode n, String field, int min, int max, boolean required, List<Rejection> problems) {
        return text(n, "", field, min, max, required, problems);
    }

    /**
     * As {@link #text(JsonNode, String, int, int, boolean, List)}, the reasons naming the field after {@code at}
     * (e.g. {@code uses[2].}) when the object is one of an array.
     */
    public static String text(JsonNode n, String at, String field, int min, int max, boolean required,
                              List<Rejection> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            if (required) {
                problems.add(Rejection.of("required", at + field));
            }
            return null;
        }
        if (!v.isString()) {
            problems.add(Rejection.of("monitoring.payment.text", at + field));
            return null;
        }
        String s = v.asString().strip();
        if (s.length() < min || s.length() > max) {
            problems.add(Rejection.of("length", at + field, min, max));
            return null;
        }
        return s;
    }

    /** A required amount as text with at most two decimals, positive, up to {@code max}; null with the reason if not. */
    public static BigDecimal amount(JsonNode n, String at, String field, BigDecimal max, List<Rejection> problems) {
        JsonNode a = n.get(field);
        if (a != null && !a.isNull() && !a.isString()) {
            problems.add(Rejection.of("amount.format", at + field, a.toString()));
            return null;
        }
        BigDecimal amount = Amounts.parse(a == null || a.isNull() ? null : a.asString(), at + field, false, max, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("monitoring.payment.zero", at + field));
            return null;
        }
        return amount;
    }

    /** A required date as {@code YYYY-MM-DD}; null with the reason if not. */
    public static LocalDate date(JsonNode n, String at, String field, List<Rejection> problems) {
        String date = text(n, at, field, 10, 10, true, problems);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", at + field, date));
            return null;
        }
    }
}
