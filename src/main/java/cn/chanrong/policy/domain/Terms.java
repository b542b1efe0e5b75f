package cn.chanrong.policy.domain;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme version's terms, read strictly against its kind's fields: money as text with at most two decimals
 * (no exponent), percentages as text with at most four, whole numbers within their bounds, dates as
 * {@code YYYY-MM-DD}; every required field present, no field the kind lacks. Kept as the typed values
 * ({@link BigDecimal}, {@link Integer}, {@link LocalDate}, {@link String}) in the kind's order.
 */
public record Terms(ProgrammeKind kind, Map<String, Object> values) {

    /** The largest amount a term may hold: five trillion yuan (the tech re-lending quota is 1.2 trillion). */
    public static final BigDecimal MAX_MONEY = new BigDecimal("5000000000000.00");

    /** How a subsidy reaches the borrower: netted off the interest, or claimed by the bank and paid on. */
    public static final List<String> SETTLEMENTS = List.of("NET", "CLAIM");

    public Terms {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public BigDecimal decimal(String name) {
        return (BigDecimal) values.get(name);
    }

    public Integer whole(String name) {
        return (Integer) values.get(name);
    }

    /**
     * Reads {@code raw} (JSON members as a reader gives them) as the terms of {@code kind}; each problem is added
     * to {@code problems} named {@code terms.<field>} and null is returned.
     */
    public static Terms parse(ProgrammeKind kind, Map<String, ?> raw, List<Rejection> problems) {
        int before = problems.size();
        Map<String, Object> out = new LinkedHashMap<>();
        for (ProgrammeKind.Field f : kind.fields()) {
            Object v = raw.get(f.name());
            String field = "terms." + f.name();
            if (v == null || v instanceof String s && s.isBlank()) {
                if (f.required()) {
                    problems.add(Rejection.of("required", field));
                }
                continue;
            }
            Object read = switch (f.type()) {
                case MONEY -> v instanceof String s ? Amounts.parse(s.strip(), field, false, MAX_MONEY, problems) : wrong(field, v, problems);
                case PERCENT -> v instanceof String s ? percent(s.strip(), field, problems) : wrong(field, v, problems);
                case WHOLE -> whole(v, f, field, problems);
                case TEXT -> v instanceof String s && s.strip().length() <= f.max() ? s.strip() : wrong(field, v, problems);
                case DATE -> v instanceof String s ? date(s.strip(), field, problems) : wrong(field, v, problems);
            };
            if (read != null) {
                out.put(f.name(), read);
            }
        }
        for (String k : raw.keySet()) {
            if (kind.fields().stream().noneMatch(f -> f.name().equals(k))) {
                problems.add(Rejection.of("policy.term.unknown", "terms." + k, kind.name(),
                        String.join(", ", kind.fields().stream().map(ProgrammeKind.Field::name).toList())));
            }
        }
        if (out.get("settlement") instanceof String st && !SETTLEMENTS.contains(st)) {
            problems.add(Rejection.of("enum", "terms.settlement", st.length() > 40 ? st.substring(0, 40) : st,
                    String.join(", ", SETTLEMENTS)));
        }
        if (problems.size() == before && kind.sharesLoss()) {
            BigDecimal sum = ((BigDecimal) out.get("bankSharePercent")).add((BigDecimal) out.get("agencySharePercent"))
                    .add((BigDecimal) out.get("reguarantorSharePercent")).add((BigDecimal) out.get("nationalFundSharePercent"));
            if (sum.compareTo(new BigDecimal("100")) != 0) {
                problems.add(Rejection.of("policy.term.shares", "terms.bankSharePercent", sum.toPlainString()));
            } else if (((BigDecimal) out.get("bankSharePercent")).compareTo(new BigDecimal("20")) < 0) {
                // 国办发〔2019〕6号: the bank bears at least 20 % of a loss
                problems.add(Rejection.of("policy.term.bank-share", "terms.bankSharePercent",
                        ((BigDecimal) out.get("bankSharePercent")).toPlainString()));
            }
        }
        return problems.size() == before ? new Terms(kind, out) : null;
    }

    /** The terms as stored: decimals and dates as text, whole numbers as numbers. */
    public Map<String, Object> stored() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v instanceof BigDecimal b ? b.toPlainString() : v instanceof LocalDate d ? d.toString() : v));
        return m;
    }

    private static Object wrong(String field, Object v, List<Rejection> problems) {
        problems.add(Rejection.of("policy.term.type", field, String.valueOf(v).length() > 40
                ? String.valueOf(v).substring(0, 40) : String.valueOf(v)));
        return null;
    }

    private static BigDecimal percent(String raw, String field, List<Rejection> problems) {
        BigDecimal v = Amounts.decimal(raw, field, 4, problems);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0 || v.compareTo(new BigDecimal("100")) > 0) {
            problems.add(Rejection.of("range", field, "0", "100", raw));
            return null;
        }
        return v;
    }

    private static Integer whole(Object v, ProgrammeKind.Field f, String field, List<Rejection> problems) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= f.min()
                && n.doubleValue() <= f.max()) {
            return n.intValue();
        }
        problems.add(Rejection.of("range", field, f.min(), f.max(), String.valueOf(v)));
        return null;
    }

    private static LocalDate date(String raw, String field, List<Rejection> problems) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", field, raw));
            return null;
        }
    }
}
