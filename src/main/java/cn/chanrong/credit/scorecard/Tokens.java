package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;

/** Splitting and number parsing shared by the file formats. */
final class Tokens {

    private Tokens() {
    }

    /** Splits one comma-separated line; double quotes protect commas, and a doubled quote is a quote. */
    static String[] csv(String line, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new DataFormatException("line " + lineNumber, "unterminated quote");
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }

    /** ARFF values may be single-quoted. */
    static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A finite number, or null when the text is not one. */
    static Double number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Numbers compare by value ("1" = "1.0" = "1.00E+00"); other text as written. */
    static String normalNumber(String s) {
        Double d = number(s);
        if (d == null) {
            return s;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
}
