package cn.chanrong.web.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.springframework.http.converter.HttpMessageNotReadableException;
import cn.chanrong.shared.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Finds the JSON field a parse error points at and the rule it broke, to name both in the problem:
 * a number out of range for its field ({@code termMonths: 2147483648}), a value of the wrong type or
 * form ({@code "spreadBp": 1e12}, {@code "amount": "1e3"}), else a body that is not JSON at all (null).
 */
final class JsonErrorField {

    private JsonErrorField() {
    }

    static Rejection of(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
                String field = field(je);
                if (t instanceof InputCoercionException ic) {
                    return Rejection.of("body.number-range", field, text(ic), typeName(ic.getTargetType()));
                }
                if (t instanceof InvalidFormatException inf && inf.getTargetType() == BigDecimal.class) {
                    String m = String.valueOf(inf.getOriginalMessage());
                    return m.startsWith("more than ")
                            ? Rejection.of("amount.scale", field, String.valueOf(inf.getValue()), m.split(" ")[2])
                            : Rejection.of("amount.format", field, String.valueOf(inf.getValue()));
                }
                if (t instanceof InvalidFormatException inf && inf.getTargetType() == String.class) {
                    return Rejection.of("control-characters", field);
                }
                if (t instanceof InvalidFormatException inf) {
                    return Rejection.of("body.field-value", field, String.valueOf(inf.getValue()), typeName(inf.getTargetType()));
                }
                if (t instanceof MismatchedInputException mi) {
                    return Rejection.of("body.field-type", field, typeName(mi.getTargetType()));
                }
                return Rejection.of("body.field-type", field, "");
            }
        }
        return null;
    }

    /** The innermost named property, with the index when it sits in a list ({@code payees[1].amount} → amount). */
    private static String field(JacksonException e) {
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            String name = e.getPath().get(i).getPropertyName();
            if (name != null) {
                return name;
            }
        }
        return "body";
    }

    private static String text(InputCoercionException e) {
        String m = e.getOriginalMessage();
        int open = m == null ? -1 : m.indexOf('(');
        int close = m == null ? -1 : m.indexOf(')', open + 1);
        return open >= 0 && close > open ? m.substring(open + 1, close) : "";
    }

    /** The type a field expects, in the words of the API document. */
    static String typeName(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return "int32";
        }
        if (type == long.class || type == Long.class || type == BigInteger.class) {
            return "int64";
        }
        if (type == BigDecimal.class) {
            return "decimal";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "date-time";
        }
        if (type.isEnum()) {
            return java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
